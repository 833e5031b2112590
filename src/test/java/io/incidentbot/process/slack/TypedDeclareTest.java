package io.incidentbot.process.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.slack.interactions.DeclareModal;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Declaring with a type through the running bot and the process file of docs/process.example.yaml: the signed
 * {@code /incident declare}, the {@code views.open} it makes, a {@code block_actions} changing the type (answered with
 * {@code views.update}), {@code view_submission}s with and without a required field, then {@code /incident field}.
 * Payload shapes as in Slack's reference pages "block_actions payload" and "view_submission payload".
 */
class TypedDeclareTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** One bot for the class (the suite's budget); each test declares its own incident, found by its title. */
    @RegisterExtension
    static final RunningBotExtension running = new RunningBotExtension(s -> {
        s.namedUsergroup("S0SECTEAM1", "security-team", "Security responders", List.of("USECOPS01", "USECOPS02"));
        s.namedUsergroup("S0DBAS0001", "dba", "Database on-call", List.of("UDBA00001"));
    },
            env -> env.put("INCIDENT_PROCESS_FILE", Path.of("docs/process.example.yaml").toAbsolutePath().toString()));
    static final SlackStandIn slack = running.slack();
    static RunningBot bot;

    @BeforeAll
    static void withTheExampleProcessFile() {
        bot = running.bot();
    }

    @Test
    void theModalShowsTheTypesFieldsAndRequiredOnesAreEnforced() throws Exception {
        int opens = slack.calls("views.open").size();
        int updates = slack.calls("views.update").size();
        bot.client.command("declare", "UALICE001", "CGENERAL1");
        await("views.open", 10, () -> slack.calls("views.open").size() > opens);
        JsonNode opened = JSON.readTree(slack.calls("views.open").get(opens).arg("view"));
        assertThat(opened.get("callback_id").asText()).isEqualTo(TypedDeclareModal.CALLBACK_ID);
        assertThat(blockIds(opened)).as("default type at SEV3: customer_impact is only asked at SEV1 and SEV2")
                .containsExactly("process_type", "title", "process_severity", "summary", "private", "field:services", "field:ticket",
                        "invite", "invite_usergroups");
        assertThat(opened.at("/blocks/7/element/type").asText()).as("issue 25's invite field").isEqualTo("multi_users_select");
        assertThat(opened.toString()).contains("SEV1 Critical — Customers cannot use the product; all hands");
        assertThat(opened.at("/blocks/0/dispatch_action").asBoolean()).isTrue();

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("process_type", select("process_type", "security"));
        values.put("title", Map.of("title", Map.of("type", "plain_text_input", "value", "Leaked API key")));
        values.put("private", Map.of("private", Map.of("type", "checkboxes", "selected_options", List.of(
                Map.of("text", Map.of("type", "plain_text", "text", "Private incident"), "value", "private")))));
        values.put("invite", Map.of("invite", Map.of("type", "multi_users_select", "selected_users", List.of("UCAROL001", "UDAN00001"))));
        values.putAll(groupsPicked("S0DBAS0001", "@dba (Database on-call)"));
        HttpResponse<String> changed = bot.client.interactivity(payload("block_actions", values, "process_type"));
        assertThat(changed.statusCode()).isEqualTo(200);
        await("views.update", 10, () -> slack.calls("views.update").size() > updates);
        SlackStandIn.Call update = slack.calls("views.update").get(updates);
        assertThat(update.arg("view_id")).isEqualTo("VMODAL001");
        assertThat(update.arg("hash")).isEqualTo("156772938.1827394");
        JsonNode security = JSON.readTree(update.arg("view"));
        assertThat(blockIds(security)).as("security starts at SEV2, where affected_accounts is asked").containsExactly(
                "process_type", "title", "process_severity", "summary", "private",
                "field:data_exposed", "field:cve", "field:affected_accounts", "field:reporter", "invite",
                "invite_usergroups");
        assertThat(security.at("/blocks/1/element/initial_value").asText()).as("the title typed stays").isEqualTo("Leaked API key");
        assertThat(security.at("/blocks/2/element/initial_option/value").asText()).isEqualTo("SEV2");
        assertThat(security.at("/blocks/4/block_id").asText()).isEqualTo("private");
        assertThat(security.at("/blocks/4/element/initial_options/0/value").asText()).as("the private box ticked stays")
                .isEqualTo("private");
        assertThat(security.at("/blocks/9/element/initial_users").toString()).as("the people picked to invite stay")
                .isEqualTo("[\"UCAROL001\",\"UDAN00001\"]");
        assertThat(security.at("/blocks/10/element/initial_options/0/value").asText()).as("and the user groups picked")
                .isEqualTo("S0DBAS0001");
        assertThat(security.at("/blocks/10/element/initial_options/0/text/text").asText()).isEqualTo("@dba (Database on-call)");
        values.remove("private");

        values.put("process_severity", select("process_severity", "SEV1"));
        values.put("field:data_exposed", select("field:data_exposed", "suspected"));
        values.put("field:cve", Map.of("field:cve", Map.of("type", "plain_text_input", "value", "CVE-2026-0001")));
        values.put("field:reporter", Map.of("field:reporter", Map.of("type", "users_select", "selected_user", "UBOB00001")));
        bot.client.interactivity(payload("block_actions", values, "process_severity"));
        await("views.update", 10, () -> slack.calls("views.update").size() > updates + 1);
        JsonNode atSev1 = JSON.readTree(slack.calls("views.update").get(updates + 1).arg("view"));
        assertThat(atSev1.at("/blocks/2/element/initial_option/value").asText()).isEqualTo("SEV1");
        assertThat(atSev1.at("/blocks/5/element/initial_option/value").asText()).as("values picked stay across views.update")
                .isEqualTo("suspected");
        assertThat(atSev1.at("/blocks/6/element/initial_value").asText()).isEqualTo("CVE-2026-0001");
        assertThat(atSev1.at("/blocks/8/element/initial_user").asText()).isEqualTo("UBOB00001");
        values.remove("field:data_exposed");
        values.remove("field:cve");
        values.remove("field:reporter");

        values.put("process_severity", select("process_severity", "SEV2"));
        values.put("field:affected_accounts", Map.of("field:affected_accounts", Map.of("type", "number_input", "value", "many")));
        HttpResponse<String> refused = bot.client.interactivity(payload("view_submission", values, null));
        JsonNode errors = JSON.readTree(refused.body());
        assertThat(errors.get("response_action").asText()).isEqualTo("errors");
        assertThat(errors.at("/errors/field:data_exposed").asText()).isEqualTo("Required for security incidents at SEV2.");
        assertThat(errors.at("/errors/field:affected_accounts").asText()).isEqualTo("Accounts affected takes a number, such as 42 or 3.5.");
        assertThat(titled("Leaked API key")).as("nothing declared").isEmpty();

        values.put("field:data_exposed", select("field:data_exposed", "confirmed"));
        values.put("field:affected_accounts", Map.of("field:affected_accounts", Map.of("type", "number_input", "value", "1200")));
        values.put("field:reporter", Map.of("field:reporter", Map.of("type", "users_select", "selected_user", "UBOB00001")));
        HttpResponse<String> declared = bot.client.interactivity(payload("view_submission", values, null));
        assertThat(declared.statusCode()).isEqualTo(200);
        assertThat(declared.body()).doesNotContain("errors");
        Incident incident = titled("Leaked API key").orElseThrow();
        long n = incident.number();
        assertThat(incident.severity()).isEqualTo(Severity.SEV2);
        java.util.Optional<String> type = bot.bot.storage().read(r -> r.process().type(n));
        assertThat(type).contains("security");
        assertThat(fields(n)).isEqualTo(
                Map.of("data_exposed", "confirmed", "affected_accounts", "1200", "reporter", "UBOB00001"));

        await("incident channel", 10, () -> bot.bot.storage().read(r -> r.incidents().find(n)).orElseThrow().channelId() != null);
        String channel = bot.bot.storage().read(r -> r.incidents().find(n)).orElseThrow().channelId();
        await("the security type's user and user group invited", 10, () -> slack.calls("conversations.invite").stream()
                .anyMatch(c -> channel.equals(c.arg("channel")) && c.arg("users").contains("U0SECLEAD1")));
        assertThat(slack.calls("usergroups.users.list")).anySatisfy(c -> assertThat(c.arg("usergroup")).isEqualTo("S0SECTEAM1"));
        await("announced in the security type's own channel", 10, () -> slack.calls("chat.postMessage").stream()
                .anyMatch(c -> "C0SECURITY".equals(c.arg("channel")) && c.arg("text").contains("Leaked API key")));
        assertThat(slack.calls("chat.postMessage")).as("not in INCIDENT_ANNOUNCE_CHANNEL").noneMatch(c ->
                "CANNOUNCE1".equals(c.arg("channel")) && c.arg("text").contains("Leaked API key"));
        assertThat(slack.calls("conversations.invite").stream().filter(c -> channel.equals(c.arg("channel")))
                .map(c -> c.arg("users")).toList()).anySatisfy(users -> assertThat(users.split(","))
                .contains("U0SECLEAD1", "USECOPS01", "USECOPS02"));
        await("the people picked in the Invite field invited too", 10, () -> slack.calls("conversations.invite").stream()
                .anyMatch(c -> channel.equals(c.arg("channel")) && List.of(c.arg("users").split(",")).containsAll(
                        List.of("UCAROL001", "UDAN00001"))));
        List<TimelineEntry> invited = bot.bot.storage().read(r -> r.timeline().list(n));
        assertThat(invited).as("like /incident invite, a timeline entry")
                .anySatisfy(e -> assertThat(e.text()).isEqualTo(
                        "@{UALICE001} invited @{UCAROL001}, @{UDAN00001}, the members of user group S0DBAS0001"));
        String answer = SignedClient.text(bot.client.command("field cve CVE-2026-1234", "UALICE001", channel));
        assertThat(answer).contains("Set CVE: CVE-2026-1234.");
        assertThat(SignedClient.text(bot.client.command("field data_exposed suspected", "UALICE001", channel)))
                .contains("Set Customer data exposed?: suspected (was confirmed).");
        assertThat(SignedClient.text(bot.client.command("field data_exposed maybe", "UALICE001", channel)))
                .contains("Customer data exposed? takes one of: no, suspected, confirmed. Nothing was changed.");
        assertThat(SignedClient.text(bot.client.command("field severity high", "UALICE001", channel)))
                .contains("Incidents of type security have no field `severity`; they have: data_exposed, cve, affected_accounts, reporter.");
        assertThat(fields(n)).containsEntry("cve", "CVE-2026-1234")
                .containsEntry("data_exposed", "suspected");
        List<TimelineEntry> timeline = bot.bot.storage().read(r -> r.timeline().list(n));
        assertThat(timeline).as("a field change is an entry of its own kind").anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.FIELD_CHANGE);
            assertThat(e.text()).isEqualTo("Field Customer data exposed?: confirmed → suspected");
            assertThat(e.userId()).isEqualTo("UALICE001");
        });
        await("the field change posted", 10, () -> slack.messages(channel).stream().anyMatch(m ->
                ":pencil2: Field CVE: unset → CVE-2026-1234 by <@UALICE001>".equals(m.get("text"))));
    }

    @Test
    void aTitleGivenDeclaresAtOnceAndHelpListsTheFieldCommandAndOneDeclare() throws Exception {
        String help = SignedClient.text(bot.client.command("help", "UALICE001", "CGENERAL1"));
        assertThat(help).contains("/incident field <name> <value>").contains("the type's fields");
        assertThat(help.split("/incident declare \\[sev1-4\\]", -1)).as("declare is listed once").hasSize(2);
        assertThat(help).as("issue 25: the file's severity and role names").contains(
                "*Severities:* `sev1` Critical — Customers cannot use the product; all hands",
                "*Roles:* `lead` Incident commander — Runs the response and decides");

        int opens = slack.calls("views.open").size();
        bot.client.command("declare sev1 Checkout down", "UALICE001", "CGENERAL1");
        Incident incident = titled("Checkout down").orElseThrow();
        assertThat(incident.severity()).isEqualTo(Severity.SEV1);
        assertThat(slack.calls("views.open")).hasSize(opens);
        String channel = channelOf(incident.number());
        bot.client.command("severity sev2", "UALICE001", channel);
        bot.client.command("lead <@UBOB00001|bob>", "UALICE001", channel);
        await("the severity and role posts use the process file's names", 10, () -> slack.messages(channel).stream()
                .map(m -> String.valueOf(m.get("text"))).anyMatch(t -> t.contains("changed severity: Severity SEV1 Critical → SEV2 Major"))
                && slack.messages(channel).stream().map(m -> String.valueOf(m.get("text")))
                .anyMatch(t -> t.contains("assigned Incident commander (lead): <@UBOB00001>")));
        await("the topic names the severity and the lead as the file does", 10, () -> slack.calls("conversations.setTopic").stream()
                .anyMatch(c -> channel.equals(c.arg("channel")) && c.arg("topic").equals(
                        "SEV2 Major | investigating | Incident commander <@UBOB00001> | Checkout down")));
        await("the header's Severity and lead fields too", 10, () -> lastHeader(titled("Checkout down").orElseThrow())
                .contains("*Severity*\\nSEV2 Major") && lastHeader(titled("Checkout down").orElseThrow())
                .contains("*Incident commander*\\n"));
        assertThat(SignedClient.text(bot.client.command("list", "UALICE001", "CGENERAL1")))
                .contains("* SEV2 Major Checkout down");
        assertThat(SignedClient.text(bot.client.command("stats", "UALICE001", "CGENERAL1")))
                .contains("SEV1 is Critical · SEV2 is Major · SEV3 is Minor · SEV4 is Low");
        await("the announcement too", 10, () -> slack.calls("chat.postMessage").stream().anyMatch(c -> "CANNOUNCE1".equals(c.arg("channel"))
                && c.arg("text").contains("*SEV1 Critical* incident " + incident.number() + " declared by")));
        assertThat(io.incidentbot.slack.render.ChannelPosts.parse("<@UALICE001> changed severity: Severity SEV1 Critical → SEV2 Major",
                java.time.Instant.EPOCH)).as("import still reads a renamed post").get()
                .isInstanceOf(io.incidentbot.incident.IncidentEvent.SeverityChanged.class);
        assertThat(io.incidentbot.slack.render.ChannelPosts.parse("<@UALICE001> assigned Incident commander (lead): <@UBOB00001>",
                java.time.Instant.EPOCH)).get().isInstanceOf(io.incidentbot.incident.IncidentEvent.RoleAssigned.class);

        assertThat(SignedClient.text(bot.client.command("declare --type secrity Token leaked", "UALICE001", "CGENERAL1")))
                .contains("There is no incident type `secrity`. The types are: default, security.");
        assertThat(titled("Token leaked")).as("nothing declared").isEmpty();
        assertThat(SignedClient.text(bot.client.command("declare --type security Token leaked", "UALICE001", "CGENERAL1")))
                .contains("Declared security incident");
        Incident typed = titled("Token leaked").orElseThrow();
        assertThat(typed.severity()).as("the type's severity").isEqualTo(Severity.SEV2);
        java.util.Optional<String> typeStored = bot.bot.storage().read(r -> r.process().type(typed.number()));
        assertThat(typeStored).contains("security");
        String typedChannel = channelOf(typed.number());
        await("the security type's user and group invited", 10, () -> slack.calls("conversations.invite").stream()
                .anyMatch(c -> typedChannel.equals(c.arg("channel"))
                        && List.of(c.arg("users").split(",")).containsAll(List.of("U0SECLEAD1", "USECOPS01", "USECOPS02"))));

        assertThat(SignedClient.text(bot.client.command("declare --type security sev1 --field data_exposed=maybe Keys leaked",
                "UALICE001", "CGENERAL1"))).contains("Customer data exposed? takes one of: no, suspected, confirmed. Nothing was declared.");
        assertThat(titled("Keys leaked")).as("nothing declared").isEmpty();
        String withFields = SignedClient.text(bot.client.command("declare --type security sev1 --field cve=\"CVE-2026-0002 (ssh)\""
                + " Keys leaked --field reporter=<@UBOB00001|bob>", "UALICE001", "CGENERAL1"));
        assertThat(withFields).contains("Declared security incident").as("declared anyway, the required field named")
                .contains("Required fields not set yet: Customer data exposed? (`data_exposed`); set them in the incident channel");
        Incident keys = titled("Keys leaked").orElseThrow();
        assertThat(keys.severity()).isEqualTo(Severity.SEV1);
        assertThat(fields(keys.number())).isEqualTo(Map.of("cve", "CVE-2026-0002 (ssh)", "reporter", "UBOB00001"));
    }

    @Test
    void theDeclareReplyRefusalsSeverityFormTimelinePickerAndMistypedHelpNameTheFilesSeverities() throws Exception {
        String declared = SignedClient.text(bot.client.command("declare sev2 Payments slow", "UALICE001", "CGENERAL1"));
        Incident incident = titled("Payments slow").orElseThrow();
        assertThat(declared).isEqualTo(":rotating_light: Declared incident " + incident.number()
                + " (SEV2 Major): Payments slow. Creating its channel and inviting you now.");
        assertThat(SignedClient.text(bot.client.command("declare --type security sev1 Token reused", "UALICE001", "CGENERAL1")))
                .contains("(SEV1 Critical): Token reused.");
        String channel = channelOf(incident.number());
        assertThat(SignedClient.text(bot.client.command("sev sev2", "UALICE001", channel)))
                .isEqualTo("Incident " + incident.number() + " is already SEV2 Major.");
        assertThat(SignedClient.text(bot.client.command("lead <@UALICE001|alice>", "UBOB00001", channel)))
                .isEqualTo("<@UALICE001> is already Incident commander of incident " + incident.number() + ".");
        assertThat(SignedClient.text(bot.client.command("severity sev1", "UALICE001", channel)))
                .isEqualTo("Severity set to SEV1 Critical.");

        String n = String.valueOf(incident.number());
        HttpResponse<String> same = bot.client.interactivity(io.incidentbot.slack.interactions.InteractionPayloads.submission(
                "UALICE001", io.incidentbot.slack.render.Modals.SEVERITY, n, Map.of("severity", select("severity", "SEV1"))));
        assertThat(same.body()).contains("\"response_action\":\"errors\"", "is already SEV1 Critical.");
        HttpResponse<String> changed = bot.client.interactivity(io.incidentbot.slack.interactions.InteractionPayloads.submission(
                "UALICE001", io.incidentbot.slack.render.Modals.SEVERITY, n, Map.of("severity", select("severity", "SEV2"),
                        "reason", Map.of("reason", Map.of("type", "plain_text_input", "value", "card errors doubled")))));
        assertThat(changed.body()).doesNotContain("errors");
        List<TimelineEntry> entries = bot.bot.storage().read(r -> r.timeline().list(incident.number()));
        assertThat(entries).extracting(TimelineEntry::text)
                .as("the form's reason, the code first so an export imports back")
                .contains("Severity SEV2 Major because: card errors doubled");

        int opens = slack.calls("views.open").size();
        bot.client.interactivity(io.incidentbot.slack.interactions.InteractionPayloads.messageShortcut("UALICE001",
                "add_to_timeline", "CGENERAL1", "1712345600.000100", "UBOB00001", "Card errors doubled", null));
        await("the incident picker opened", 10, () -> slack.calls("views.open").size() > opens);
        JsonNode picker = JSON.readTree(slack.calls("views.open").get(opens).arg("view"));
        assertThat(picker.toString()).as("the option's label").contains("\"" + incident.number() + " SEV2 Major Payments slow\"");

        String names = NamedHelp.names(io.incidentbot.process.ProcessFile.read(Path.of("docs/process.example.yaml")));
        String mistyped = SignedClient.text(bot.client.command("stauts", "UALICE001", channel));
        assertThat(mistyped).startsWith("I don't know `stauts`. Did you mean `/incident status`?")
                .endsWith("\n\n" + names);
        assertThat(SignedClient.text(bot.client.command("", "UALICE001", channel))).as("a bare /incident too")
                .endsWith("\n\n" + names);
    }

    @Test
    void theHeaderShowsTheFieldsAndItsFieldsButtonChangesThemWithTimelineEntries() throws Exception {
        bot.client.command("declare sev2 Checkout slow", "UALICE001", "CGENERAL1");
        long n = titled("Checkout slow").orElseThrow().number();
        await("header", 10, () -> bot.bot.storage().read(r -> r.incidents().find(n)).orElseThrow().headerTs() != null);
        Incident incident = bot.bot.storage().read(r -> r.incidents().find(n)).orElseThrow();
        assertThat(lastHeader(incident)).contains(":card_index_dividers: *SEV2 Major* — A main feature is down or badly degraded"
                        + " · *Type:* default · *Customer impact:* _not set_")
                .contains(TypeExtras.FIELDS);
        await("the default type announces in INCIDENT_ANNOUNCE_CHANNEL", 10, () -> slack.calls("chat.postMessage").stream()
                .anyMatch(c -> "CANNOUNCE1".equals(c.arg("channel")) && c.arg("text").contains("Checkout slow")));

        int opens = slack.calls("views.open").size();
        bot.client.interactivity(io.incidentbot.slack.interactions.InteractionPayloads.buttonClick("UALICE001",
                incident.channelId(), incident.headerTs(), TypeExtras.FIELDS, String.valueOf(n), slack.url("/response/UALICE001")));
        await("views.open", 10, () -> slack.calls("views.open").size() > opens);
        JsonNode modal = JSON.readTree(slack.calls("views.open").get(opens).arg("view"));
        assertThat(modal.get("callback_id").asText()).isEqualTo(FieldsForm.CALLBACK_ID);
        assertThat(modal.get("private_metadata").asText()).isEqualTo(String.valueOf(n));
        assertThat(blockIds(modal)).containsExactly("field:customer_impact", "field:services", "field:ticket");
        assertThat(modal.at("/blocks/0/optional").asBoolean()).as("required at SEV2").isFalse();

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("field:ticket", Map.of("field:ticket", Map.of("type", "url_text_input", "value", "https://support.example.com/T-1")));
        JsonNode refused = JSON.readTree(bot.client.interactivity(payload("view_submission", FieldsForm.CALLBACK_ID,
                String.valueOf(n), values, null)).body());
        assertThat(refused.at("/errors/field:customer_impact").asText()).isEqualTo("Required for default incidents at SEV2.");
        assertThat(fields(n)).as("nothing changed").isEmpty();

        values.put("field:customer_impact", select("field:customer_impact", "some"));
        values.put("field:services", Map.of("field:services", Map.of("type", "multi_static_select", "selected_options", List.of(
                Map.of("text", Map.of("type", "plain_text", "text", "api"), "value", "api"),
                Map.of("text", Map.of("type", "plain_text", "text", "web"), "value", "web")))));
        assertThat(bot.client.interactivity(payload("view_submission", FieldsForm.CALLBACK_ID, String.valueOf(n), values, null))
                .body()).doesNotContain("errors");
        assertThat(fields(n)).isEqualTo(Map.of("customer_impact", "some", "services", "api\nweb",
                "ticket", "https://support.example.com/T-1"));
        await("header shows the fields", 10, () -> lastHeader(incident).contains(
                "*Customer impact:* some · *Services affected:* api, web · *Support ticket:* https://support.example.com/T-1"));

        values.put("field:customer_impact", select("field:customer_impact", "all"));
        values.remove("field:ticket");
        bot.client.interactivity(payload("view_submission", FieldsForm.CALLBACK_ID, String.valueOf(n), values, null));
        assertThat(fields(n)).isEqualTo(Map.of("customer_impact", "all", "services", "api\nweb"));
        List<String> changes = bot.bot.storage().read(r -> r.timeline().list(n)).stream()
                .filter(e -> e.kind() == EntryKind.FIELD_CHANGE).map(e -> e.userId() + " " + e.text()).toList();
        assertThat(changes).containsExactly(
                "UALICE001 Field Customer impact: unset → some",
                "UALICE001 Field Services affected: unset → api, web",
                "UALICE001 Field Support ticket: unset → https://support.example.com/T-1",
                "UALICE001 Field Customer impact: some → all",
                "UALICE001 Field Support ticket: https://support.example.com/T-1 → unset");
        await("the second change posted as one message", 10, () -> slack.messages(incident.channelId()).stream().anyMatch(m ->
                (":pencil2: Field Customer impact: some → all by <@UALICE001>\n"
                        + ":pencil2: Field Support ticket: https://support.example.com/T-1 → unset by <@UALICE001>").equals(m.get("text"))));
        await("header updated", 10, () -> lastHeader(incident).contains("*Customer impact:* all · *Services affected:* api, web")
                && !lastHeader(incident).contains("Support ticket"));

        assertThat(SignedClient.text(bot.client.command("invite bob", "UALICE001", incident.channelId())))
                .contains("is not a Slack user mention");
        assertThat(SignedClient.text(bot.client.command("invite <@UCAROL001|carol> <!subteam^S0SECTEAM1|@security>",
                "UALICE001", incident.channelId()))).contains("Inviting <@UCAROL001>, the members of 1 user group to this channel.");
        await("/incident invite: the person and the group's members", 10, () -> slack.calls("conversations.invite").stream()
                .anyMatch(c -> incident.channelId().equals(c.arg("channel"))
                        && List.of(c.arg("users").split(",")).containsAll(List.of("UCAROL001", "USECOPS01", "USECOPS02"))));
        List<TimelineEntry> entries = bot.bot.storage().read(r -> r.timeline().list(n));
        assertThat(entries).as("who invited whom is on the timeline").anySatisfy(e -> {
            assertThat(e.userId()).isEqualTo("UALICE001");
            assertThat(e.text()).isEqualTo("@{UALICE001} invited @{UCAROL001}, the members of user group S0SECTEAM1");
        });
    }

    @Test
    void theStandardDeclareFormSuggestsUserGroupsAsTypedAndInvitesThePeopleAndTheGroupsMembersPicked() throws Exception {
        List<String> blocks = DeclareModal.build(null).getBlocks().stream().map(b -> b.toString()).toList();
        assertThat(blocks.get(blocks.size() - 2)).contains("blockId=invite", "MultiUsersSelectElement");
        assertThat(blocks.get(blocks.size() - 1)).contains("blockId=invite_usergroups", "MultiExternalSelectElement");
        assertThat(io.incidentbot.slack.interactions.DeclareFromAlert.modal(null, "t").getBlocks().toString())
                .as("the alert's declare form too").contains("blockId=invite_usergroups");

        HttpResponse<String> suggested = bot.client.interactivity(io.incidentbot.slack.interactions.InteractionPayloads
                .blockSuggestion("UALICE001", DeclareModal.USERGROUPS, "On-Call", DeclareModal.CALLBACK_ID));
        assertThat(suggested.statusCode()).isEqualTo(200);
        JsonNode options = JSON.readTree(suggested.body());
        assertThat(options.get("options")).as("the groups whose name or handle has what was typed").hasSize(1);
        assertThat(options.at("/options/0/value").asText()).isEqualTo("S0DBAS0001");
        assertThat(options.at("/options/0/text/type").asText()).isEqualTo("plain_text");
        assertThat(options.at("/options/0/text/text").asText()).isEqualTo("@dba (Database on-call)");
        JsonNode security = JSON.readTree(bot.client.interactivity(io.incidentbot.slack.interactions.InteractionPayloads
                .blockSuggestion("UALICE001", DeclareModal.USERGROUPS, "secur", DeclareModal.CALLBACK_ID)).body());
        assertThat(security.findValuesAsText("value")).containsExactly("S0SECTEAM1");

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", Map.of("title", Map.of("type", "plain_text_input", "value", "Search index stale")));
        values.put("severity", select("severity", "SEV3"));
        values.put("invite", Map.of("invite", Map.of("type", "multi_users_select", "selected_users", List.of("UERIN0001"))));
        values.putAll(groupsPicked("S0SECTEAM1", "@security-team (Security responders)"));
        HttpResponse<String> declared = bot.client.interactivity(payload("view_submission", DeclareModal.CALLBACK_ID, "",
                values, null));
        assertThat(declared.body()).doesNotContain("errors");
        long n = titled("Search index stale").orElseThrow().number();
        String channel = channelOf(n);
        await("the person picked and the group's members invited", 10, () -> slack.calls("conversations.invite").stream()
                .anyMatch(c -> channel.equals(c.arg("channel"))
                        && List.of(c.arg("users").split(",")).containsAll(List.of("UERIN0001", "USECOPS01", "USECOPS02"))));
        assertThat(slack.calls("usergroups.users.list")).anySatisfy(c -> assertThat(c.arg("usergroup")).isEqualTo("S0SECTEAM1"));
        List<TimelineEntry> entries = bot.bot.storage().read(r -> r.timeline().list(n));
        assertThat(entries).as("like /incident invite @group, one timeline entry").anySatisfy(e -> assertThat(e.text())
                .isEqualTo("@{UALICE001} invited @{UERIN0001}, the members of user group S0SECTEAM1"));
    }

    /** @return the {@code view.state.values} entry of the <em>Invite user groups</em> field with one group picked */
    static Map<String, Object> groupsPicked(String groupId, String text) {
        return Map.of(DeclareModal.USERGROUPS, Map.of(DeclareModal.USERGROUPS, Map.of("type", "multi_external_select",
                "selected_options", List.of(Map.of("text", Map.of("type", "plain_text", "text", text, "emoji", true),
                        "value", groupId)))));
    }

    /** @return the blocks of the incident's header as last posted or edited */
    static String lastHeader(Incident i) {
        List<SlackStandIn.Call> edits = new ArrayList<>(slack.calls("chat.postMessage"));
        edits.addAll(slack.calls("chat.update"));
        return edits.stream().filter(c -> i.channelId().equals(c.arg("channel")) && c.arg("blocks") != null
                && c.arg("blocks").contains("incident_actions")).reduce((a, b) -> b).map(c -> c.arg("blocks")).orElse("");
    }

    static String channelOf(long n) {
        await("incident channel", 10, () -> bot.bot.storage().read(r -> r.incidents().find(n)).orElseThrow().channelId() != null);
        return bot.bot.storage().read(r -> r.incidents().find(n)).orElseThrow().channelId();
    }

    Map<String, String> fields(long n) {
        return bot.bot.storage().read(r -> r.process().fields(n));
    }

    static java.util.Optional<Incident> titled(String title) {
        return bot.bot.storage().read(r -> r.incidents().listAll()).stream().filter(i -> i.title().equals(title)).findFirst();
    }

    static List<String> blockIds(JsonNode view) {
        List<String> ids = new ArrayList<>();
        view.get("blocks").forEach(b -> ids.add(b.path("block_id").asText()));
        return ids;
    }

    static Map<String, Object> select(String id, String value) {
        return Map.of(id, Map.of("type", "static_select", "selected_option",
                Map.of("text", Map.of("type", "plain_text", "text", value), "value", value)));
    }

    /** A {@code block_actions} from the modal (when {@code action} is given) or its {@code view_submission}. */
    static Map<String, Object> payload(String type, Map<String, Object> values, String action) {
        return payload(type, TypedDeclareModal.CALLBACK_ID, "", values, action);
    }

    /** As above, of the modal {@code callbackId} with its {@code private_metadata}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> payload(String type, String callbackId, String metadata, Map<String, Object> values, String action) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", "VMODAL001");
        view.put("team_id", SlackStandIn.TEAM);
        view.put("type", "modal");
        view.put("callback_id", callbackId);
        view.put("private_metadata", metadata);
        view.put("state", Map.of("values", values));
        view.put("hash", "156772938.1827394");
        view.put("app_id", "A0TEST001");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("team", Map.of("id", SlackStandIn.TEAM, "domain", "acme"));
        p.put("user", Map.of("id", "UALICE001", "username", "alice", "name", "alice", "team_id", SlackStandIn.TEAM));
        p.put("api_app_id", "A0TEST001");
        p.put("trigger_id", SignedClient.triggerId());
        p.put("view", view);
        if (action != null) {
            p.put("container", Map.of("type", "view", "view_id", "VMODAL001"));
            Object picked = ((Map<String, Map<String, Object>>) values.get(action)).get(action).get("selected_option");
            p.put("actions", List.of(Map.of("type", "static_select", "action_id", action, "block_id", action,
                    "selected_option", picked, "action_ts", "1712345678.123456")));
        }
        return p;
    }
}
