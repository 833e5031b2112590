package io.incidentbot.process.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
    @RegisterExtension
    final RunningBotExtension running = new RunningBotExtension();
    final SlackStandIn slack = running.slack();
    RunningBot bot;

    @BeforeEach
    void withTheExampleProcessFile() throws Exception {
        Map<String, String> env = new HashMap<>(running.env());
        env.put("INCIDENT_PROCESS_FILE", Path.of("docs/process.example.yaml").toAbsolutePath().toString());
        bot = running.restart(env);
    }

    @Test
    void theModalShowsTheTypesFieldsAndRequiredOnesAreEnforced() throws Exception {
        bot.client.command("declare", "UALICE001", "CGENERAL1");
        await("views.open", 10, () -> !slack.calls("views.open").isEmpty());
        JsonNode opened = JSON.readTree(slack.calls("views.open").get(0).arg("view"));
        assertThat(opened.get("callback_id").asText()).isEqualTo(TypedDeclareModal.CALLBACK_ID);
        assertThat(blockIds(opened)).as("default type at SEV3: customer_impact is only asked at SEV1 and SEV2")
                .containsExactly("process_type", "title", "process_severity", "summary", "private", "field:services", "field:ticket");
        assertThat(opened.toString()).contains("SEV1 Critical — Customers cannot use the product; all hands");
        assertThat(opened.at("/blocks/0/dispatch_action").asBoolean()).isTrue();

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("process_type", select("process_type", "security"));
        values.put("title", Map.of("title", Map.of("type", "plain_text_input", "value", "Leaked API key")));
        HttpResponse<String> changed = bot.client.interactivity(payload("block_actions", values, "process_type"));
        assertThat(changed.statusCode()).isEqualTo(200);
        await("views.update", 10, () -> !slack.calls("views.update").isEmpty());
        SlackStandIn.Call update = slack.calls("views.update").get(0);
        assertThat(update.arg("view_id")).isEqualTo("VMODAL001");
        assertThat(update.arg("hash")).isEqualTo("156772938.1827394");
        JsonNode security = JSON.readTree(update.arg("view"));
        assertThat(blockIds(security)).as("security starts at SEV2, where affected_accounts is asked").containsExactly(
                "process_type", "title", "process_severity", "summary", "private",
                "field:data_exposed", "field:cve", "field:affected_accounts", "field:reporter");
        assertThat(security.at("/blocks/1/element/initial_value").asText()).as("the title typed stays").isEqualTo("Leaked API key");
        assertThat(security.at("/blocks/2/element/initial_option/value").asText()).isEqualTo("SEV2");

        values.put("process_severity", select("process_severity", "SEV2"));
        values.put("field:affected_accounts", Map.of("field:affected_accounts", Map.of("type", "number_input", "value", "many")));
        HttpResponse<String> refused = bot.client.interactivity(payload("view_submission", values, null));
        JsonNode errors = JSON.readTree(refused.body());
        assertThat(errors.get("response_action").asText()).isEqualTo("errors");
        assertThat(errors.at("/errors/field:data_exposed").asText()).isEqualTo("Required for security incidents at SEV2.");
        assertThat(errors.at("/errors/field:affected_accounts").asText()).isEqualTo("Accounts affected takes a number, such as 42 or 3.5.");
        java.util.Optional<Incident> none = bot.bot.storage().read(r -> r.incidents().find(1));
        assertThat(none).as("nothing declared").isEmpty();

        values.put("field:data_exposed", select("field:data_exposed", "confirmed"));
        values.put("field:affected_accounts", Map.of("field:affected_accounts", Map.of("type", "number_input", "value", "1200")));
        values.put("field:reporter", Map.of("field:reporter", Map.of("type", "users_select", "selected_user", "UBOB00001")));
        HttpResponse<String> declared = bot.client.interactivity(payload("view_submission", values, null));
        assertThat(declared.statusCode()).isEqualTo(200);
        assertThat(declared.body()).doesNotContain("errors");
        Incident incident = bot.bot.storage().read(r -> r.incidents().find(1)).orElseThrow();
        assertThat(incident.title()).isEqualTo("Leaked API key");
        assertThat(incident.severity()).isEqualTo(Severity.SEV2);
        java.util.Optional<String> type = bot.bot.storage().read(r -> r.process().type(1));
        assertThat(type).contains("security");
        assertThat(fields()).isEqualTo(
                Map.of("data_exposed", "confirmed", "affected_accounts", "1200", "reporter", "UBOB00001"));

        await("incident 1 channel", 10, () -> bot.bot.storage().read(r -> r.incidents().find(1)).orElseThrow().channelId() != null);
        String channel = bot.bot.storage().read(r -> r.incidents().find(1)).orElseThrow().channelId();
        String answer = SignedClient.text(bot.client.command("field cve CVE-2026-1234", "UALICE001", channel));
        assertThat(answer).contains("Set CVE: CVE-2026-1234.");
        assertThat(SignedClient.text(bot.client.command("field data_exposed suspected", "UALICE001", channel)))
                .contains("Set Customer data exposed?: suspected (was confirmed).");
        assertThat(SignedClient.text(bot.client.command("field data_exposed maybe", "UALICE001", channel)))
                .contains("Customer data exposed? takes one of: no, suspected, confirmed. Nothing was changed.");
        assertThat(SignedClient.text(bot.client.command("field severity high", "UALICE001", channel)))
                .contains("Incidents of type security have no field `severity`; they have: data_exposed, cve, affected_accounts, reporter.");
        assertThat(fields()).containsEntry("cve", "CVE-2026-1234")
                .containsEntry("data_exposed", "suspected");
        List<TimelineEntry> timeline = bot.bot.storage().read(r -> r.timeline().list(1));
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.text()).isEqualTo("Customer data exposed?: suspected (was confirmed)");
            assertThat(e.userId()).isEqualTo("UALICE001");
        });
    }

    @Test
    void aTitleGivenDeclaresAtOnceAndHelpListsTheFieldCommandAndOneDeclare() throws Exception {
        String help = SignedClient.text(bot.client.command("help", "UALICE001", "CGENERAL1"));
        assertThat(help).contains("/incident field <name> <value>").contains("the type's fields");
        assertThat(help.split("/incident declare \\[sev1-4\\]", -1)).as("declare is listed once").hasSize(2);

        bot.client.command("declare sev1 Checkout down", "UALICE001", "CGENERAL1");
        Incident incident = bot.bot.storage().read(r -> r.incidents().find(1)).orElseThrow();
        assertThat(incident.severity()).isEqualTo(Severity.SEV1);
        assertThat(slack.calls("views.open")).isEmpty();
    }

    Map<String, String> fields() {
        return bot.bot.storage().read(r -> r.process().fields(1));
    }

    static List<String> blockIds(JsonNode view) {
        List<String> ids = new ArrayList<>();
        view.get("blocks").forEach(b -> ids.add(b.get("block_id").asText()));
        return ids;
    }

    static Map<String, Object> select(String id, String value) {
        return Map.of(id, Map.of("type", "static_select", "selected_option",
                Map.of("text", Map.of("type", "plain_text", "text", value), "value", value)));
    }

    /** A {@code block_actions} from the modal (when {@code action} is given) or its {@code view_submission}. */
    static Map<String, Object> payload(String type, Map<String, Object> values, String action) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", "VMODAL001");
        view.put("team_id", SlackStandIn.TEAM);
        view.put("type", "modal");
        view.put("callback_id", TypedDeclareModal.CALLBACK_ID);
        view.put("private_metadata", "");
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
            p.put("actions", List.of(Map.of("type", "static_select", "action_id", action, "block_id", action,
                    "selected_option", Map.of("text", Map.of("type", "plain_text", "text", "security"), "value", "security"),
                    "action_ts", "1712345678.123456")));
        }
        return p;
    }
}
