package io.incidentbot.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.testkit.ChildBot;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackEvents;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code LOG_FORMAT=json}: the bot as a real process writes one JSON object per line (logstash-logback-encoder:
 * {@code @timestamp}, {@code message}, {@code level}, {@code logger_name}, MDC fields at the top level), and the lines written while handling a request, an event, an outbox job and a Web API
 * call carry {@code request_id}, {@code event_id}, {@code incident} and {@code slack_method}.
 */
class JsonLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineIsJsonAndCarriesTheMdcFields(@TempDir Path dir) throws Exception {
        Path logFile = dir.resolve("bot.log");
        try (SlackStandIn slack = new SlackStandIn()) {
            Map<String, String> env = RunningBot.env(slack, dir.resolve("incidents.db"));
            env.put("LOG_FORMAT", "json");
            slack.loseNextAnswer("conversations.setTopic");
            try (ChildBot bot = ChildBot.start(slack, env, logFile)) {
                String reply = bot.client.say("declare sev2 Private payroll export broken", "UALICE001", "CGENERAL1");
                assertThat(reply).contains("Declared incident 1");
                SlackStandIn.await("channel created", 20, () -> !slack.calls("conversations.setTopic").isEmpty()
                        && slack.channels().size() == 1);
                String channel = slack.channels().values().iterator().next();
                Map<String, Object> envelope = SlackEvents.envelope(SlackEvents.message(channel, "UBOB00001",
                        SlackEvents.ts(100), "looking"));
                bot.client.event(envelope, Map.of());
                bot.client.event(envelope, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
                SlackStandIn.await("topic set after the lost answer", 20,
                        () -> slack.calls("conversations.setTopic").size() >= 2);
                SlackStandIn.await("Slack answers again logged", 20, () -> read(logFile).contains("answers again"));
                bot.terminate();
            }
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(logFile)) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).isNotEmpty().allMatch(l -> l.has("level") && l.has("logger_name") && l.has("message")
                && java.time.Instant.parse(l.path("@timestamp").asText()) != null);
        assertThat(lines).anyMatch(l -> l.path("logger_name").asText().equals("io.incidentbot.audit")
                && l.path("incident").asText().equals("1")
                && l.path("request_id").asText().length() >= 8
                && l.path("message").asText().equals("incident 1 declared SEV2 by UALICE001")
                && l.path("event").asText().equals("declared") && l.path("actor").asText().equals("UALICE001")
                && l.path("from").asText().equals("none") && l.path("to").asText().equals("SEV2"));
        assertThat(lines).anyMatch(l -> l.path("event_id").asText().startsWith("Ev")
                && l.path("incident").asText().equals("1")
                && l.path("message").asText().contains("seen before"));
        assertThat(lines).anyMatch(l -> l.path("slack_method").asText().equals("conversations.setTopic")
                && l.path("incident").asText().equals("1") && l.path("level").asText().equals("WARN"));
        assertThat(lines).anyMatch(l -> l.path("message").asText().startsWith("incident-bot ")
                && l.path("message").asText().contains(io.incidentbot.Version.current()));
        assertThat(Files.readString(logFile)).doesNotContain("payroll").doesNotContain(SlackStandIn.BOT_TOKEN);
    }

    @Test
    void linesLoggedWhileHandlingACommandInAnIncidentChannelCarryItsNumberAndOnlyThen(@TempDir Path dir) throws Exception {
        Path logFile = dir.resolve("bot.log");
        try (SlackStandIn slack = new SlackStandIn()) {
            Map<String, String> env = RunningBot.env(slack, dir.resolve("incidents.db"));
            env.put("LOG_FORMAT", "json");
            env.put("LOG_LEVEL", "DEBUG");
            try (ChildBot bot = ChildBot.start(slack, env, logFile)) {
                assertThat(bot.client.say("declare sev2 Checkout errors", "UALICE001", "CGENERAL1"))
                        .contains("Declared incident 1");
                // The topic is set by the job after the one that links the channel to the incident: once it
                // is, the channel is an incident channel for every lookup (a command sent earlier could race
                // the link: looked up as no incident's channel, then run as the incident's).
                SlackStandIn.await("channel linked", 20, () -> slack.channels().size() == 1
                        && !slack.calls("conversations.setTopic").isEmpty());
                String channel = slack.channels().values().iterator().next();
                assertThat(bot.client.say("status identified", "UALICE001", channel)).contains("identified");
                assertThat(bot.client.say("list", "UALICE001", "CGENERAL1")).contains("Checkout errors");
                bot.terminate();
            }
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(logFile)) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        List<JsonNode> commands = lines.stream().filter(l -> l.path("logger_name").asText().equals(
                "io.incidentbot.slack.http.RequestContext") && l.path("message").asText().startsWith("command ")).toList();
        assertThat(commands).as("declare, status, list: one line each").hasSizeGreaterThanOrEqualTo(3);
        JsonNode status = commands.get(commands.size() - 2);
        assertThat(status.path("incident").asText()).as("/incident status in the incident channel").isEqualTo("1");
        assertThat(status.path("request_id").asText()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(commands.get(0).has("incident")).as("declare in #general concerns no incident yet").isFalse();
        assertThat(commands.get(commands.size() - 1).has("incident")).as("list in #general, after").isFalse();
        assertThat(lines).anyMatch(l -> l.path("logger_name").asText().equals("io.incidentbot.audit")
                && l.path("message").asText().equals("incident 1 status investigating -> identified by UALICE001")
                && l.path("incident").asText().equals("1") && l.path("event").asText().equals("status")
                && l.path("from").asText().equals("investigating") && l.path("to").asText().equals("identified")
                && l.path("actor").asText().equals("UALICE001"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
