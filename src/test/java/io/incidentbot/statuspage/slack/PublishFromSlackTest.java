package io.incidentbot.statuspage.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.incident.Incident;
import io.incidentbot.slack.interactions.DeclareModal;
import io.incidentbot.slack.render.Header;
import io.incidentbot.statuspage.Component;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing from Slack through the running bot, as a user would: signed {@code /incident publish} or a click on the
 * header's <em>Publish to status page</em>, the modal Slack opens, its submission, then what readers of
 * {@code GET /status} see. Payload shapes as in Slack's reference pages "block_actions payload" and
 * "view_submission payload" (the same shapes as the test kit's {@code InteractionPayloads}).
 */
class PublishFromSlackTest {
    static final String INTERNAL = "db-7 failover by Alice broke checkout";
    static final ObjectMapper JSON = new ObjectMapper();
    /** A bot per test with the status page on (its env set before the start: one bot start per test, not two). */
    @RegisterExtension
    final RunningBotExtension running = new RunningBotExtension(standIn -> { }, env -> {
        env.put("INCIDENT_STATUS_PAGE", "on");
        env.put("INCIDENT_STATUS_COMPONENTS", "API, Web/Checkout");
    });
    final SlackStandIn slack = running.slack();
    final HttpClient http = HttpClient.newHttpClient();
    RunningBot bot;

    @BeforeEach
    void statusPageOn() {
        bot = running.bot();
    }

    String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.bot.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    Incident declared(String title, long n) {
        bot.client.command("declare sev2 " + title, "UALICE001", "CGENERAL1");
        await("incident " + n + " header", 10, () -> incident(n).headerTs() != null);
        return incident(n);
    }

    Incident incident(long n) {
        return bot.bot.storage().read(r -> r.incidents().find(n)).orElseThrow();
    }

    Component component(String name) {
        return bot.bot.storage().read(r -> r.statusPage().components()).stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow();
    }

    /** @return the view of the {@code views.open} call made after {@code before} calls */
    JsonNode opened(int before) throws Exception {
        await("views.open", 10, () -> slack.calls("views.open").size() > before);
        return JSON.readTree(slack.calls("views.open").get(before).arg("view"));
    }

    static Map<String, Object> submission(String callbackId, String privateMetadata, Map<String, Object> values) {
        return io.incidentbot.slack.interactions.InteractionPayloads.submission("UALICE001", callbackId, privateMetadata,
                values);
    }

    /** A click on the incident header's button {@code actionId} by Alice (the test kit's block_actions payload). */
    static Map<String, Object> click(Incident i, String actionId, String responseUrl) {
        Map<String, Object> p = io.incidentbot.slack.interactions.InteractionPayloads.buttonClick("UALICE001", i.channelId(),
                i.headerTs(), actionId, String.valueOf(i.number()), responseUrl);
        p.put("trigger_id", SignedClient.triggerId()); // each click opens a modal of its own (and is no replay)
        return p;
    }

    static Map<String, Object> text(String id, String value) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", "plain_text_input");
        v.put("value", value);
        return Map.of(id, v);
    }

    static Map<String, Object> select(String id, String value) {
        return Map.of(id, Map.of("type", "static_select", "selected_option",
                Map.of("text", Map.of("type", "plain_text", "text", value), "value", value)));
    }

    static Map<String, Object> publishValues(String title, String componentId, String state, String status, String message) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(PublishModal.TITLE, text(PublishModal.TITLE, title));
        v.put(PublishModal.COMPONENT + componentId, select(PublishModal.COMPONENT + componentId, state));
        v.put(PublishModal.STATUS, select(PublishModal.STATUS, status));
        v.put(PublishModal.MESSAGE, text(PublishModal.MESSAGE, message));
        return v;
    }

    @Test
    void publishOpensTheModalAndItsSubmissionShowsThePublicTextOnThePageNeverTheInternalTitle() throws Exception {
        Incident inc = declared(INTERNAL, 1);
        assertThat(get("/status")).contains("All Systems Operational");

        int before = slack.calls("views.open").size();
        HttpResponse<String> command = bot.client.command("publish", "UALICE001", inc.channelId());
        assertThat(command.statusCode()).isEqualTo(200);
        JsonNode modal = opened(before);
        assertThat(modal.path("callback_id").asText()).isEqualTo(PublishModal.CALLBACK_ID);
        assertThat(modal.path("private_metadata").asText()).isEqualTo("1");
        assertThat(modal.toString()).as("public title pre-filled from the title").contains("\"initial_value\":\"" + INTERNAL + "\"")
                .contains(PublishModal.COMPONENT + component("Checkout").id());

        String checkout = component("Checkout").id();
        HttpResponse<String> submitted = bot.client.interactivity(submission(PublishModal.CALLBACK_ID, "1",
                publishValues("Checkout errors", checkout, "major_outage", "investigating",
                        "We are investigating errors when paying <script>alert(1)</script>.")));
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).doesNotContain("errors");

        String page = get("/status");
        assertThat(page).contains("Checkout errors").contains("We are investigating errors when paying &lt;script&gt;")
                .doesNotContain("<script>alert(1)").doesNotContain("db-7").doesNotContain("Alice")
                .doesNotContain("All Systems Operational");
        JsonNode summary = JSON.readTree(get("/api/v2/summary.json"));
        assertThat(summary.at("/incidents/0/name").asText()).isEqualTo("Checkout errors");
        assertThat(summary.at("/incidents/0/status").asText()).isEqualTo("investigating");
        assertThat(summary.toString()).doesNotContain("db-7");
        assertThat(summary.get("components")).anySatisfy(c -> {
            assertThat(c.get("name").asText()).isEqualTo("Checkout");
            assertThat(c.get("status").asText()).isEqualTo("major_outage");
        });
        List<TimelineEntry> timeline = bot.bot.storage().read(r -> r.timeline().list(1));
        assertThat(timeline).anySatisfy(e -> assertThat(e.text()).startsWith("Published to the status page: Checkout errors"));

        // published once: publish again opens the form that changes it, never a second publication
        int opens = slack.calls("views.open").size();
        bot.client.command("publish", "UALICE001", inc.channelId());
        JsonNode again = opened(opens);
        assertThat(again.path("callback_id").asText()).isEqualTo(PublishModal.UPDATE_CALLBACK_ID);
        assertThat(again.toString()).doesNotContain(PublishModal.TITLE).contains("On the status page as: Checkout errors");
        List<io.incidentbot.statuspage.PublishedIncident> published = bot.bot.storage().read(r -> r.statusPage().recentIncidents(10));
        assertThat(published).hasSize(1);
    }

    @Test
    void afterPublishingTheSameCommandChangesThePublicStatusAndComponents() throws Exception {
        Incident inc = declared(INTERNAL, 1);
        String checkout = component("Checkout").id();
        String api = component("API").id();
        assertThat(bot.client.interactivity(submission(PublishModal.CALLBACK_ID, "1", publishValues("Checkout errors",
                checkout, "major_outage", "investigating", "Some payments fail."))).body()).doesNotContain("errors");

        int before = slack.calls("views.open").size();
        bot.client.command("publish", "UALICE001", inc.channelId());
        JsonNode form = opened(before);
        assertThat(form.path("callback_id").asText()).isEqualTo(PublishModal.UPDATE_CALLBACK_ID);
        JsonNode checkoutSelect = form.path("blocks").findParents("block_id").stream()
                .filter(b -> b.path("block_id").asText().equals(PublishModal.COMPONENT + checkout)).findFirst().orElseThrow();
        assertThat(checkoutSelect.at("/element/initial_option/value").asText()).as("its state now").isEqualTo("major_outage");

        Map<String, Object> values = new LinkedHashMap<>();
        values.put(PublishModal.COMPONENT + checkout, select(PublishModal.COMPONENT + checkout, "operational"));
        values.put(PublishModal.COMPONENT + api, select(PublishModal.COMPONENT + api, "degraded_performance"));
        values.put(PublishModal.STATUS, select(PublishModal.STATUS, "monitoring"));
        values.put(PublishModal.MESSAGE, text(PublishModal.MESSAGE, "Payments recovered; the API is slow while queues drain."));
        assertThat(bot.client.interactivity(submission(PublishModal.UPDATE_CALLBACK_ID, "1", values)).body()).doesNotContain("errors");

        JsonNode summary = JSON.readTree(get("/api/v2/summary.json"));
        assertThat(summary.at("/incidents/0/status").asText()).isEqualTo("monitoring");
        assertThat(summary.at("/incidents/0/name").asText()).as("public title kept").isEqualTo("Checkout errors");
        assertThat(summary.at("/incidents/0/incident_updates/0/body").asText())
                .isEqualTo("Payments recovered; the API is slow while queues drain.");
        Map<String, String> states = new HashMap<>();
        summary.get("components").forEach(c -> states.put(c.get("name").asText(), c.get("status").asText()));
        assertThat(states).containsEntry("Checkout", "operational").containsEntry("API", "degraded_performance");

        // without a message nothing changes
        values.put(PublishModal.MESSAGE, text(PublishModal.MESSAGE, " "));
        JsonNode refused = JSON.readTree(bot.client.interactivity(submission(PublishModal.UPDATE_CALLBACK_ID, "1", values)).body());
        assertThat(refused.at("/errors/" + PublishModal.MESSAGE).asText()).isEqualTo("Write the public update.");
    }

    @Test
    void resolvingByCommandClosesItOnThePageWithoutShowingTheInternalSummary() throws Exception {
        Incident inc = declared(INTERNAL, 1);
        String checkout = component("Checkout").id();
        assertThat(bot.client.interactivity(submission(PublishModal.CALLBACK_ID, "1", publishValues("Checkout errors",
                checkout, "partial_outage", "identified", "Some payments fail."))).body()).doesNotContain("errors");
        assertThat(JSON.readTree(get("/api/v2/incidents/unresolved.json")).path("incidents")).hasSize(1);

        bot.client.command("resolve Bob's rollback of db-7 fixed it.", "UALICE001", inc.channelId());

        assertThat(JSON.readTree(get("/api/v2/incidents/unresolved.json")).path("incidents")).isEmpty();
        JsonNode closed = JSON.readTree(get("/api/v2/incidents.json")).at("/incidents/0");
        assertThat(closed.path("name").asText()).isEqualTo("Checkout errors");
        assertThat(closed.path("status").asText()).isEqualTo("resolved");
        assertThat(closed.at("/incident_updates/0/body").asText()).isEqualTo("This incident has been resolved.");
        assertThat(get("/status")).doesNotContain("db-7").doesNotContain("Bob");
        assertThat(JSON.readTree(get("/api/v2/components.json")).path("components")).allSatisfy(c ->
                assertThat(c.path("status").asText()).isEqualTo("operational"));
        assertThat(get("/status")).contains("All Systems Operational");
        List<TimelineEntry> timeline = bot.bot.storage().read(r -> r.timeline().list(1));
        assertThat(timeline).anySatisfy(e ->
                assertThat(e.text()).isEqualTo("Published to the status page: (resolved): This incident has been resolved."));
    }

    @Test
    void theResolveModalAsksForThePublicResolutionMessageAndThePageShowsItNotTheSummary() throws Exception {
        Incident inc = declared(INTERNAL, 1);
        String responseUrl = slack.url("/response/UALICE001");
        int before = slack.calls("views.open").size();
        bot.client.interactivity(click(inc, Header.RESOLVE, responseUrl));
        assertThat(opened(before).toString()).as("not published yet").doesNotContain(PublicUpdateField.RESOLUTION);

        assertThat(bot.client.interactivity(submission(PublishModal.CALLBACK_ID, "1", publishValues("Checkout errors",
                component("Checkout").id(), "partial_outage", "identified", "Some payments fail."))).body()).doesNotContain("errors");
        before = slack.calls("views.open").size();
        bot.client.interactivity(click(inc, Header.RESOLVE, responseUrl));
        JsonNode form = opened(before);
        JsonNode field = form.path("blocks").findParents("block_id").stream()
                .filter(b -> b.path("block_id").asText().equals(PublicUpdateField.RESOLUTION)).findFirst().orElseThrow();
        assertThat(field.path("optional").asBoolean(false)).as("required").isFalse();
        assertThat(field.at("/label/text").asText()).isEqualTo("Public resolution message");

        Map<String, Object> values = new LinkedHashMap<>();
        values.put(io.incidentbot.slack.render.Modals.SUMMARY, text(io.incidentbot.slack.render.Modals.SUMMARY,
                "Bob's rollback of db-7 fixed it"));
        values.put(PublicUpdateField.RESOLUTION, text(PublicUpdateField.RESOLUTION, "Payments work normally again since 14:05."));
        assertThat(bot.client.interactivity(submission(io.incidentbot.slack.render.Modals.RESOLVE, "1", values)).body())
                .doesNotContain("errors");

        await("incident resolved", 10, () -> !incident(1).isOpen());
        JsonNode closed = JSON.readTree(get("/api/v2/incidents.json")).at("/incidents/0");
        assertThat(closed.path("status").asText()).isEqualTo("resolved");
        assertThat(closed.at("/incident_updates/0/body").asText()).isEqualTo("Payments work normally again since 14:05.");
        assertThat(get("/status")).doesNotContain("db-7").doesNotContain("Bob");
        List<TimelineEntry> timeline = bot.bot.storage().read(r -> r.timeline().list(1));
        assertThat(timeline).as("the summary stays internal, in the timeline").anySatisfy(e ->
                assertThat(e.text()).contains("Bob's rollback of db-7 fixed it"));
    }

    @Test
    void thePostUpdateModalHasAPublicUpdateFieldOncePublishedAndItGoesToThePage() throws Exception {
        Incident inc = declared(INTERNAL, 1);
        String responseUrl = slack.url("/response/UALICE001");
        int before = slack.calls("views.open").size();
        bot.client.interactivity(click(inc, Header.UPDATE, responseUrl));
        assertThat(opened(before).toString()).as("not published yet").doesNotContain(PublicUpdateField.BLOCK);

        assertThat(bot.client.interactivity(submission(PublishModal.CALLBACK_ID, "1", publishValues("Checkout errors",
                component("Checkout").id(), "partial_outage", "investigating", "Some payments fail."))).body()).doesNotContain("errors");
        before = slack.calls("views.open").size();
        bot.client.interactivity(click(inc, Header.UPDATE, responseUrl));
        assertThat(opened(before).toString()).contains("\"block_id\":\"" + PublicUpdateField.BLOCK + "\"", "Public update");

        Map<String, Object> values = new LinkedHashMap<>();
        values.put(io.incidentbot.slack.render.Modals.TEXT, text(io.incidentbot.slack.render.Modals.TEXT, "Bob rolled back db-7"));
        values.put(PublicUpdateField.BLOCK, text(PublicUpdateField.BLOCK, "A fix is in place; payments recover."));
        HttpResponse<String> r = bot.client.interactivity(submission(io.incidentbot.slack.render.Modals.UPDATE, "1", values));
        assertThat(r.body()).doesNotContain("errors");
        String page = get("/status");
        assertThat(page).contains("A fix is in place; payments recover.", "Some payments fail.").doesNotContain("db-7")
                .doesNotContain("Bob");
        List<TimelineEntry> timeline = bot.bot.storage().read(x -> x.timeline().list(1));
        assertThat(timeline).anySatisfy(e -> assertThat(e.text()).isEqualTo("Bob rolled back db-7"));

        // an update without it stays internal
        values.put(io.incidentbot.slack.render.Modals.TEXT, text(io.incidentbot.slack.render.Modals.TEXT, "Internal only note"));
        values.put(PublicUpdateField.BLOCK, text(PublicUpdateField.BLOCK, null));
        bot.client.interactivity(submission(io.incidentbot.slack.render.Modals.UPDATE, "1", values));
        await("internal update stored", 10, () -> bot.bot.storage().read(x -> x.timeline().list(1)).stream()
                .anyMatch(e -> "Internal only note".equals(e.text())));
        assertThat(get("/status")).doesNotContain("Internal only note");
    }

    @Test
    void aMissingMessageComesBackUnderItsFieldAndNothingIsPublished() throws Exception {
        declared(INTERNAL, 1);
        HttpResponse<String> submitted = bot.client.interactivity(submission(PublishModal.CALLBACK_ID, "1",
                publishValues("Checkout errors", component("API").id(), "not_affected", "investigating", "  ")));
        assertThat(submitted.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(submitted.body());
        assertThat(body.path("response_action").asText()).isEqualTo("errors");
        assertThat(body.at("/errors/" + PublishModal.MESSAGE).asText()).isEqualTo("Write the first public message.");
        assertThat(get("/status")).doesNotContain("Checkout errors").contains("All Systems Operational");
    }

    @Test
    void theHeaderButtonOpensTheSameModal() throws Exception {
        Incident inc = declared(INTERNAL, 1);
        String header = slack.calls("chat.postMessage").get(0).arg("blocks");
        assertThat(header).contains(Header.PUBLISH).contains("\"Publish to status page\"");
        int before = slack.calls("views.open").size();
        assertThat(bot.client.interactivity(click(inc, Header.PUBLISH, slack.url("/response/UALICE001"))).statusCode()).isEqualTo(200);
        JsonNode modal = opened(before);
        assertThat(modal.path("callback_id").asText()).isEqualTo(PublishModal.CALLBACK_ID);
        assertThat(modal.path("private_metadata").asText()).isEqualTo("1");
    }

    @Test
    void aPrivateIncidentIsRefusedWithTheReasonAndHasNoButton() throws Exception {
        bot.client.post(declarePrivate("Secret breach"), "application/x-www-form-urlencoded");
        await("private incident header", 10, () -> bot.bot.storage().read(r -> r.incidents().find(1))
                .map(i -> i.headerTs() != null).orElse(false));
        Incident inc = incident(1);
        assertThat(inc.privateIncident()).isTrue();
        int before = slack.calls("views.open").size();
        assertThat(SignedClient.text(bot.client.command("publish", "UALICE001", inc.channelId()))).isEqualTo(PublishCommand.PRIVATE);
        // even a hand-made submission is refused by the use case, under the message field
        JsonNode body = JSON.readTree(bot.client.interactivity(submission(PublishModal.CALLBACK_ID, "1",
                publishValues("Breach", component("API").id(), "major_outage", "investigating", "Hello"))).body());
        assertThat(body.at("/errors/" + PublishModal.MESSAGE).asText()).contains("private incident cannot be published");
        assertThat(slack.calls("views.open")).hasSize(before);
        String header = slack.calls("chat.postMessage").stream().filter(c -> inc.channelId().equals(c.arg("channel")))
                .findFirst().orElseThrow().arg("blocks");
        assertThat(header).contains(Header.RESOLVE).doesNotContain(Header.PUBLISH);
        assertThat(get("/status")).doesNotContain("Breach").doesNotContain("Secret");
    }

    @Test
    void componentsAndMaintenanceFromSlack() throws Exception {
        assertThat(SignedClient.text(bot.client.command("components add Search", "UALICE001", "CGENERAL1")))
                .isEqualTo("Added Search to the status page (operational).");
        assertThat(SignedClient.text(bot.client.command("components list", "UALICE001", "CGENERAL1")))
                .contains("- API: operational", "- Web/Checkout: operational", "- Search: operational");
        assertThat(SignedClient.text(bot.client.command("components remove API", "UALICE001", "CGENERAL1")))
                .startsWith("Removed API from the status page");
        assertThat(get("/status")).contains("Search").contains("Checkout");
        // as Slack sends "components add Billing & Invoices <EU>": &, < and > escaped in the command text
        bot.client.command("components add Billing &amp; Invoices &lt;EU&gt;", "UALICE001", "CGENERAL1");
        assertThat(JSON.readTree(get("/api/v2/components.json")).path("components")).anySatisfy(c ->
                assertThat(c.path("name").asText()).isEqualTo("Billing & Invoices <EU>"));
        assertThat(get("/status")).contains("Billing &amp; Invoices &lt;EU&gt;").doesNotContain("&amp;amp;");
        assertThat(JSON.readTree(get("/api/v2/components.json")).toString()).doesNotContain("\"API\"");

        int before = slack.calls("views.open").size();
        bot.client.command("maintenance", "UALICE001", "CGENERAL1");
        JsonNode modal = opened(before);
        assertThat(modal.path("callback_id").asText()).isEqualTo(MaintenanceModal.CALLBACK_ID);
        long start = Instant.now().getEpochSecond() + 86_400;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(MaintenanceModal.NAME, text(MaintenanceModal.NAME, "Database upgrade"));
        values.put(MaintenanceModal.COMPONENTS, Map.of(MaintenanceModal.COMPONENTS, Map.of("type", "multi_static_select",
                "selected_options", List.of(Map.of("text", Map.of("type", "plain_text", "text", "Search"),
                        "value", component("Search").id())))));
        values.put(MaintenanceModal.START, Map.of(MaintenanceModal.START, Map.of("type", "datetimepicker", "selected_date_time", start)));
        values.put(MaintenanceModal.END, Map.of(MaintenanceModal.END, Map.of("type", "datetimepicker", "selected_date_time", start - 60)));
        values.put(MaintenanceModal.MESSAGE, text(MaintenanceModal.MESSAGE, "Search may be slow."));
        JsonNode refused = JSON.readTree(bot.client.interactivity(submission(MaintenanceModal.CALLBACK_ID, "", values)).body());
        assertThat(refused.at("/errors/" + MaintenanceModal.END).asText()).isEqualTo("It must end after it starts.");

        values.put(MaintenanceModal.END, Map.of(MaintenanceModal.END, Map.of("type", "datetimepicker", "selected_date_time", start + 3600)));
        HttpResponse<String> ok = bot.client.interactivity(submission(MaintenanceModal.CALLBACK_ID, "", values));
        assertThat(ok.body()).doesNotContain("errors");
        JsonNode maintenances = JSON.readTree(get("/api/v2/scheduled-maintenances.json"));
        assertThat(maintenances.at("/scheduled_maintenances/0/name").asText()).isEqualTo("Database upgrade");
        assertThat(maintenances.at("/scheduled_maintenances/0/status").asText()).isEqualTo("scheduled");
        assertThat(get("/status")).contains("Database upgrade");
    }

    @Test
    void offTheSubcommandsAndButtonDoNotExist() throws Exception {
        Map<String, String> off = new HashMap<>(running.env());
        off.remove("INCIDENT_STATUS_PAGE");
        off.remove("INCIDENT_STATUS_COMPONENTS");
        bot = running.restart(off);
        Incident inc = declared(INTERNAL, 1);
        assertThat(SignedClient.text(bot.client.command("help", "UALICE001", "CGENERAL1"))).doesNotContain("publish")
                .doesNotContain("components").doesNotContain("maintenance");
        assertThat(SignedClient.text(bot.client.command("publish", "UALICE001", inc.channelId()))).startsWith("I don't know `publish`");
        String header = slack.calls("chat.postMessage").stream().filter(c -> inc.channelId().equals(c.arg("channel")))
                .findFirst().orElseThrow().arg("blocks");
        assertThat(header).doesNotContain(Header.PUBLISH);
    }

    /** The declare modal's submission with "Private" ticked (shape of the test kit's declare modal payloads). */
    static String declarePrivate(String title) throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", Map.of("title", Map.of("type", "plain_text_input", "value", title)));
        values.put("severity", Map.of("severity", Map.of("type", "static_select",
                "selected_option", Map.of("text", Map.of("type", "plain_text", "text", "SEV1"), "value", "SEV1"))));
        values.put("summary", Map.of("summary", text("summary", "")));
        values.put("private", Map.of("private", Map.of("type", "checkboxes", "selected_options",
                List.of(Map.of("value", "private", "text", Map.of("type", "plain_text", "text", "Private"))))));
        Map<String, Object> p = submission(DeclareModal.CALLBACK_ID, "", values);
        return "payload=" + java.net.URLEncoder.encode(JSON.writeValueAsString(p), java.nio.charset.StandardCharsets.UTF_8);
    }
}
