package io.incidentbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.incident.Incident;
import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people type, sent the way Slack sends it (escaped, broadcasts and links as markup), and what the
 * bot then posts, read from the stand-in's recorded {@code chat.postMessage} / {@code chat.update} /
 * {@code conversations.setTopic} / {@code conversations.create} calls.
 */
class UserTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();
    RunningBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = kit.bot();
    }

    /** @return every text the bot sent to Slack in posts, updates and topics (text and blocks) */
    private List<String> everythingPosted() {
        return slack.calls().stream()
                .filter(c -> c.method().startsWith("chat.") || c.method().equals("conversations.setTopic"))
                .flatMap(c -> java.util.stream.Stream.of(c.arg("text"), c.arg("blocks"), c.arg("topic")))
                .filter(java.util.Objects::nonNull).toList();
    }

    private List<String> posts(String channel) {
        return slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.arg("channel")))
                .map(c -> c.arg("text")).toList();
    }

    @Test
    void broadcastsInTitleNoteUpdateAndActionNotifyNobodyAndMaskedLinksShowTheirAddress() {
        // As Slack sends them: typing @channel, @here, @everyone or a user group gives <!channel> etc.
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev2 Login broken <!channel>", "UALICE001");
        inc.say("note <!here> database is down", "UALICE001");
        inc.say("update <!channel> please <https://evil.example/login|SSO re-login required> now", "UALICE001");
        inc.say("update <!everyone> and <!subteam^S0123ABC|@oncall> look", "UALICE001");
        inc.say("action <!subteam^S0123ABC> rotate keys", "UALICE001");

        await("both updates announced", 10, () -> posts("CANNOUNCE1").size() == 3);
        await("note, updates and follow-up in the channel", 10, () -> posts(inc.id).stream()
                .filter(t -> t.contains("Note") || t.contains("Status update") || t.contains("Follow-up")).count() == 4);

        assertThat(everythingPosted()).isNotEmpty().allSatisfy(text -> assertThat(text)
                .doesNotContain("<!channel").doesNotContain("<!here").doesNotContain("<!everyone")
                .doesNotContain("<!subteam").doesNotContain("\\u003c!channel").doesNotContain("\\u003c!here")
                .doesNotContain("\\u003c!everyone").doesNotContain("\\u003c!subteam")); // <!date^...> tokens are fine
        assertThat(posts("CANNOUNCE1")).anySatisfy(t -> assertThat(t)
                .contains("SSO re-login required (<https://evil.example/login>)")
                .doesNotContain("|SSO re-login required"));
        assertThat(posts(inc.id)).anySatisfy(t -> assertThat(t).contains("Note from <@UALICE001>: @\u2060here database is down"));
        assertThat(posts("CANNOUNCE1")).anySatisfy(t -> assertThat(t).contains("@\u2060everyone and @\u2060oncall look"));
    }

    @Test
    void slashCommandTextIsDecodedOnceAndEncodedOnceEverywhere() throws Exception {
        bot.client.commandAsTyped("declare sev2 Fix A & B <prod>", "UALICE001", "CGENERAL1");
        await("header posted", 10, () -> bot.bot.storage().transaction(r -> r.incidents().find(1))
                .map(i -> i.headerTs() != null).orElse(false));
        await("announced", 10, () -> posts("CANNOUNCE1").size() == 1);
        Incident inc = bot.bot.storage().transaction(r -> r.incidents().find(1)).orElseThrow();

        assertThat(inc.title()).isEqualTo("Fix A & B <prod>");
        assertThat(slack.calls("conversations.create").get(0).arg("name")).isEqualTo("inc-1-fix-a-b-prod");
        assertThat(slack.calls("conversations.setTopic").get(0).arg("topic"))
                .contains("| Fix A &amp; B &lt;prod&gt;").doesNotContain("&amp;amp;");
        assertThat(posts("CANNOUNCE1").get(0)).contains("*Fix A &amp; B &lt;prod&gt;*");
        SlackStandIn.Call header = slack.calls("chat.postMessage").stream()
                .filter(c -> inc.channelId().equals(c.arg("channel")) && c.arg("blocks") != null).findFirst().orElseThrow();
        assertThat(header.arg("text")).contains("Incident 1: Fix A &amp; B &lt;prod&gt;");
        JsonNode blocks = JSON.readTree(header.arg("blocks"));
        assertThat(blocks.get(0).path("text").path("text").asText()).endsWith("Incident 1: Fix A & B <prod>");
        assertThat(bot.client.say("list", "UALICE001", "CGENERAL1")).contains("Fix A &amp; B &lt;prod&gt;")
                .doesNotContain("&amp;amp;");
        assertThat(bot.client.say("timeline", "UALICE001", inc.channelId()))
                .contains("Declared SEV2: Fix A &amp; B &lt;prod&gt;").doesNotContain("&amp;amp;");

        java.io.ByteArrayOutputStream draft = new java.io.ByteArrayOutputStream();
        try (java.io.PrintStream out = new java.io.PrintStream(draft, true, java.nio.charset.StandardCharsets.UTF_8)) {
            assertThat(io.incidentbot.cli.Cli.run(new String[] {"postmortem", "1"}, out, System.err,
                    java.util.Map.of("INCIDENT_DB", kit.database().toString()))).isZero();
        }
        assertThat(draft.toString(java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("# Incident 1: Fix A \\& B \\<prod\\>\n")
                .contains("Declared SEV2: Fix A & B \\<prod>");
    }

    @Test
    void aNoteKeepsItsEscapesAndMentionsAsSlackSentThem() {
        IncidentChannel inc = IncidentChannel.declare(bot, "declare Cache", "UALICE001");
        inc.say("note " + SignedClient.escaped("p99 > 2s & rising, ask ") + "<@UBOB00001|bob>", "UALICE001");

        await("note posted", 10, () -> posts(inc.id).stream().anyMatch(t -> t.contains("Note from")));
        assertThat(posts(inc.id)).anySatisfy(t -> assertThat(t)
                .contains(": p99 &gt; 2s &amp; rising, ask <@UBOB00001|bob>").doesNotContain("&amp;gt;"));
    }
}
