package io.incidentbot.process.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.incident.Incident;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checklists (issue 25) through the running bot and the process file of docs/process.example.yaml: the checklist
 * message posted when items become due and updated in place, ticking from Slack ({@code block_actions} of
 * {@code checkboxes}, shape from Slack's reference page "block_actions payload" and bolt-js's {@code CheckboxesAction}),
 * {@code /incident checklist}, and the resolve confirmation. A fresh bot per test: each test starts from incident 1.
 */
class ChecklistTest {
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
    void theChecklistIsPostedWhenDueUpdatedInPlaceAndTickedFromSlack() throws Exception {
        bot.client.command("declare sev3 Checkout down", "UALICE001", "CGENERAL1");
        String channel = channelOf(1);
        SlackStandIn.Call posted = checklistPosts(channel).get(0);
        JsonNode blocks = JSON.readTree(posted.arg("blocks"));
        assertThat(optionValues(blocks)).as("at SEV3 only the item without condition is due").containsExactly("0");
        assertThat(blocks.toString()).contains("Assign an incident commander *")
                .contains("Responsible: Incident commander <@UALICE001>");
        String ts = slack.messages(channel).stream().filter(m -> String.valueOf(m.get("text")).contains("Checklist of incident 1"))
                .map(m -> String.valueOf(m.get("ts"))).findFirst().orElseThrow();

        bot.client.command("severity sev2", "UALICE001", channel);
        bot.client.command("status identified", "UALICE001", channel);
        await("the message shows the SEV2 and identified items", 10, () -> checklistUpdates(channel).stream()
                .anyMatch(u -> optionValues(read(u.arg("blocks"))).equals(List.of("0", "1", "2"))));
        assertThat(checklistPosts(channel)).as("updated in place, never posted twice").hasSize(1);
        assertThat(checklistUpdates(channel)).allSatisfy(u -> assertThat(u.arg("ts")).isEqualTo(ts));

        JsonNode shown = read(checklistUpdates(channel).get(checklistUpdates(channel).size() - 1).arg("blocks"));
        bot.client.interactivity(tick(channel, ts, shown, "UBOB00001", "2"));
        await("item 2 ticked", 10, () -> entries().stream().anyMatch(e -> e.item() == 2 && "UBOB00001".equals(e.doneBy())));
        await("the message shows who ticked it", 10, () -> checklistUpdates(channel).stream()
                .anyMatch(u -> read(u.arg("blocks")).toString().contains("done by <@UBOB00001>")));
        JsonNode ticked = read(checklistUpdates(channel).get(checklistUpdates(channel).size() - 1).arg("blocks"));
        assertThat(ticked.at("/2/elements/0/initial_options/0/value").asText()).isEqualTo("2");

        bot.client.interactivity(tick(channel, ts, shown, "UCAROL001", "0"));
        await("item 0 ticked", 10, () -> entries().stream().anyMatch(e -> e.item() == 0 && e.done()));
        assertThat(entries()).as("Carol's client showed item 2 unticked, yet her click changed only item 0")
                .anySatisfy(e -> assertThat(e.item() == 2 && "UBOB00001".equals(e.doneBy())).isTrue());

        bot.client.interactivity(tick(channel, ts, ticked, "UBOB00001"));
        await("item 2 unticked", 10, () -> entries().stream().anyMatch(e -> e.item() == 2 && !e.done()));
        List<TimelineEntry> timeline = bot.bot.storage().read(r -> r.timeline().list(1));
        assertThat(timeline).extracting(TimelineEntry::text).contains(
                "Checklist: Prepare a rollback plan done by @{UBOB00001}",
                "Checklist: Assign an incident commander done by @{UCAROL001}",
                "Checklist: Prepare a rollback plan unticked by @{UBOB00001}");
        assertThat(timeline).as("an entry by nobody when an item becomes due, once").filteredOn(e -> e.text().endsWith(" is due"))
                .extracting(e -> e.userId() + " " + e.text()).containsExactly(
                        "null Checklist: Assign an incident commander is due",
                        "null Checklist: Post a first status update is due",
                        "null Checklist: Prepare a rollback plan is due");
    }

    @Test
    void theChecklistCommandPostsItAgainAndResolvingWithRequiredItemsUndoneAsksForConfirmation() throws Exception {
        bot.client.command("declare sev3 Checkout down", "UALICE001", "CGENERAL1");
        String channel = channelOf(1);
        checklistPosts(channel);
        String answer = SignedClient.text(bot.client.command("checklist", "UALICE001", channel));
        assertThat(answer).contains("Posting the checklist again below (0 of 1 done).");
        await("posted again", 10, () -> checklistPosts(channel).size() == 2);
        await("the earlier copy says it moved", 10, () -> slack.messages(channel).stream()
                .anyMatch(m -> String.valueOf(m.get("text")).contains("was posted again below")));
        String latest = bot.bot.storage().read(r -> r.checklists().message(1)).orElseThrow().ts();
        List<Object> checklists = slack.messages(channel).stream()
                .filter(m -> String.valueOf(m.get("text")).contains("Checklist of incident 1")).map(m -> m.get("ts")).toList();
        assertThat(checklists).as("the earlier copy no longer shows the checklist").hasSize(1);
        assertThat(latest).as("the fresh post is the one kept up to date").isEqualTo(checklists.get(0));
        String help = SignedClient.text(bot.client.command("help", "UALICE001", "CGENERAL1"));
        assertThat(help).contains("/incident checklist").contains("/incident resolve [--force] [summary]");

        String refused = SignedClient.text(bot.client.command("resolve Rolled back", "UALICE001", channel));
        assertThat(refused).contains("Incident 1 has required checklist items not done:\n• Assign an incident commander (lead)")
                .contains("`/incident resolve --force Rolled back`");
        bot.client.interactivity(io.incidentbot.slack.interactions.InteractionPayloads.buttonClick("UALICE001", channel,
                "1712345000.000100", io.incidentbot.slack.render.Header.RESOLVE, "1", "https://hooks.slack.com/actions/T0TEST001/2/def"));
        await("the Resolve modal", 10, () -> !slack.calls("views.open").isEmpty());
        JsonNode modal = JSON.readTree(slack.calls("views.open").get(0).arg("view"));
        assertThat(TypedDeclareTest.blockIds(modal)).contains(ChecklistResolve.CONFIRM);
        assertThat(modal.toString()).contains("Required checklist items not done:").contains("• Assign an incident commander (lead)");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("summary", Map.of("summary", Map.of("type", "plain_text_input", "value", "Rolled back")));
        values.put(ChecklistResolve.CONFIRM, Map.of(ChecklistResolve.CONFIRM, Map.of("type", "checkboxes", "selected_options", List.of())));
        JsonNode errors = JSON.readTree(bot.client.interactivity(resolveForm(values)).body());
        assertThat(errors.get("response_action").asText()).isEqualTo("errors");
        assertThat(errors.at("/errors/" + ChecklistResolve.CONFIRM).asText())
                .isEqualTo("Tick this to resolve anyway. 1 required checklist item is not done: Assign an incident commander.");
        assertThat(bot.bot.storage().read(r -> r.incidents().find(1)).orElseThrow().isOpen()).as("nothing changed").isTrue();
        values.put(ChecklistResolve.CONFIRM, Map.of(ChecklistResolve.CONFIRM, Map.of("type", "checkboxes", "selected_options",
                List.of(Map.of("text", Map.of("type", "plain_text", "text", "Resolve with these items not done"), "value", "yes")))));
        assertThat(bot.client.interactivity(resolveForm(values)).body()).doesNotContain("errors");
        assertThat(bot.bot.storage().read(r -> r.incidents().find(1)).orElseThrow().isOpen()).as("confirmed: resolved").isFalse();

        bot.client.command("declare sev3 Search slow", "UALICE001", "CGENERAL1");
        String second = channelOf(2);
        assertThat(SignedClient.text(bot.client.command("resolve --force Cache warmed", "UALICE001", second))).contains("Resolved.");
        Incident resolved = bot.bot.storage().read(r -> r.incidents().find(2)).orElseThrow();
        assertThat(resolved.isOpen()).isFalse();
        assertThat(resolved.resolutionSummary()).isEqualTo("Cache warmed");
    }

    /** The Resolve modal of incident 1 submitted ({@code view_submission}, private_metadata the incident number). */
    static Map<String, Object> resolveForm(Map<String, Object> values) {
        return TypedDeclareTest.payload("view_submission", io.incidentbot.slack.render.Modals.RESOLVE, "1", values, null);
    }

    String channelOf(long n) {
        await("incident " + n + " channel", 10, () -> bot.bot.storage().read(r -> r.incidents().find(n)).orElseThrow().channelId() != null);
        return bot.bot.storage().read(r -> r.incidents().find(n)).orElseThrow().channelId();
    }

    List<SlackStandIn.Call> checklistPosts(String channel) {
        await("the checklist message", 10, () -> !checklistCalls("chat.postMessage", channel).isEmpty());
        return checklistCalls("chat.postMessage", channel);
    }

    List<SlackStandIn.Call> checklistUpdates(String channel) {
        return checklistCalls("chat.update", channel);
    }

    List<SlackStandIn.Call> checklistCalls(String method, String channel) {
        return slack.calls(method).stream().filter(c -> channel.equals(c.arg("channel")) && c.arg("blocks") != null
                && c.arg("blocks").contains("checklist_tick")).toList();
    }

    List<io.incidentbot.process.checklist.ChecklistEntry> entries() {
        return bot.bot.storage().read(r -> r.checklists().list(1));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> optionValues(JsonNode blocks) {
        List<String> values = new ArrayList<>();
        blocks.forEach(b -> b.path("elements").forEach(e -> e.path("options").forEach(o -> values.add(o.get("value").asText()))));
        return values;
    }

    /**
     * A click on the checklist's checkboxes ({@code block_actions} from a message: Slack's reference "block_actions
     * payload", and bolt-js {@code CheckboxesAction}): the message as the clicker's client showed it, the element's
     * {@code selected_options} after the click.
     */
    static Map<String, Object> tick(String channel, String ts, JsonNode shownBlocks, String user, String... selected) {
        List<Object> options = new ArrayList<>();
        for (String v : selected) {
            options.add(Map.of("text", Map.of("type", "plain_text", "text", "item " + v), "value", v));
        }
        String blockId = "checklist:1:0";
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "block_actions");
        p.put("user", Map.of("id", user, "username", "someone", "name", "someone", "team_id", SlackStandIn.TEAM));
        p.put("api_app_id", "A0TEST001");
        p.put("container", Map.of("type", "message", "message_ts", ts, "channel_id", channel, "is_ephemeral", false));
        p.put("trigger_id", SignedClient.triggerId());
        p.put("team", Map.of("id", SlackStandIn.TEAM, "domain", "acme"));
        p.put("channel", Map.of("id", channel, "name", "inc-1-checkout-down"));
        p.put("message", Map.of("type", "message", "user", SlackStandIn.BOT_USER, "ts", ts, "bot_id", SlackStandIn.BOT_ID,
                "text", "Checklist", "blocks", JSON.convertValue(shownBlocks, List.class)));
        p.put("response_url", "https://hooks.slack.com/actions/T0TEST001/1/abc");
        p.put("actions", List.of(Map.of("type", "checkboxes", "action_id", "checklist_tick", "block_id", blockId,
                "selected_options", options, "action_ts", "1712345679.000001")));
        return p;
    }
}
