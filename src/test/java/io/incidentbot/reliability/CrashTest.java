package io.incidentbot.reliability;

import io.incidentbot.incident.Incident;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.testkit.ChildBot;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackEvents;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot as a real child JVM: kill -9 in the middle of a stream of signed events and slash commands,
 * SIGTERM, and its logs.
 */
class CrashTest {
    @TempDir
    Path dir;

    private static <T> T read(Path db, io.incidentbot.store.Storage.Work<T> work) {
        try (JdbiStorage storage = Database.open(db.toString())) {
            return storage.transaction(work);
        }
    }

    @Test
    void aMissingVariableIsOneLineNamingItAndExitStatusTwo() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "io.incidentbot.Main");
        pb.environment().clear();
        pb.environment().put("SLACK_SIGNING_SECRET", "s3cret-value");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(out.strip()).isEqualTo("incident-bot: SLACK_BOT_TOKEN is required");
    }

    @Test
    void everyAcknowledgedRequestSurvivesKillDashNineAndPendingCallsAreDeliveredAfterRestart() throws Exception {
        Path db = dir.resolve("incidents.db");
        Path log = dir.resolve("bot.log");
        try (SlackStandIn slack = new SlackStandIn()) {
            Map<String, String> env = RunningBot.env(slack, db);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Set<String> acknowledgedEvents = ConcurrentHashMap.newKeySet();
            String channel;
            try (ChildBot child = ChildBot.start(slack, env, log)) {
                child.client.command("declare sev1 Crash test", "UALICE001", "CGENERAL1");
                await("channel", 20, () -> !slack.channels().isEmpty());
                channel = slack.channels().values().iterator().next();
                await("channel stored", 20, () -> read(db, r -> r.incidents().find(1)).map(Incident::channelId).isPresent());
                AtomicBoolean stop = new AtomicBoolean();
                Thread stream = new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            if (i % 2 == 0) {
                                String ts = SlackEvents.ts(i * 1000L);
                                HttpResponse<String> r = child.client.event(SlackEvents.envelope(
                                        SlackEvents.message(channel, "UBOB00001", ts, "message " + i)), Map.of());
                                if (r.statusCode() == 200) {
                                    acknowledgedEvents.add(ts);
                                }
                            } else {
                                HttpResponse<String> r = child.client.command("note step " + i, "UALICE001", channel);
                                if (r.statusCode() == 200 && SignedClient.text(r).contains("Note added")) {
                                    acknowledged.add("step " + i);
                                }
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
                stream.start();
                await("some notes acknowledged", 30, () -> acknowledged.size() >= 40);
                child.kill();
                stop.set(true);
                stream.join(10_000);
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);

            Set<String> stored = read(db, r -> r.timeline().list(1)).stream().filter(e -> e.kind() == EntryKind.NOTE)
                    .map(TimelineEntry::text).collect(Collectors.toSet());
            assertThat(stored).containsAll(acknowledged);
            Set<String> storedMessages = read(db, r -> r.timeline().list(1)).stream()
                    .filter(e -> e.kind() == EntryKind.MESSAGE).map(TimelineEntry::ts).collect(Collectors.toSet());
            assertThat(acknowledgedEvents).hasSizeGreaterThanOrEqualTo(20);
            assertThat(storedMessages).containsAll(acknowledgedEvents);

            try (ChildBot restarted = ChildBot.start(slack, env, log)) {
                await("outbox drained after restart", 60, () -> read(db, r -> r.outbox().pendingCount()) == 0);
                List<String> echoes = slack.messages(channel).stream().map(m -> String.valueOf(m.get("text")))
                        .filter(t -> t.contains("Note from")).toList();
                assertThat(echoes).doesNotHaveDuplicates().hasSize(stored.size());
                assertThat(restarted.terminate()).as("exit status after SIGTERM").isIn(0, 143);
            }
            String logText = Files.readString(log);
            assertThat(logText).contains("incident-bot stopped")
                    .doesNotContain(SlackStandIn.BOT_TOKEN).doesNotContain(SignedClient.SIGNING_SECRET)
                    .doesNotContain("xoxb-");
        }
    }
}
