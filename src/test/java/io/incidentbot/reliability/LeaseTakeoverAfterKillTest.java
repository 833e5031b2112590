package io.incidentbot.reliability;

import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.testkit.ChildBot;
import io.incidentbot.testkit.PagerDutyStandIn;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackEvents;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, "after a crash, a 30 s silence": a bot on SQLite killed with kill -9 while it holds a job's
 * lease (its {@code chat.postMessage} stalled at the Web API) and the {@code backfill} lease; the bot
 * restarted on the same file delivers the job and catches up on the messages posted while it was down at
 * once, not when the dead process's leases expire. The lease is 120 s, so waiting it out cannot pass.
 * Issue 21, "a page survives a kill -9 between commit and delivery and is sent once": the declare's
 * PagerDuty trigger is committed and in flight (PagerDuty holds it unanswered) when the bot is killed; the
 * restarted bot sends it, and PagerDuty accepts exactly one trigger.
 */
class LeaseTakeoverAfterKillTest {
    private static final Duration LEASE = Duration.ofSeconds(120);
    private static final int WELL_WITHIN_THE_LEASE_SECONDS = 30;

    @TempDir
    Path dir;

    private static <T> T read(Path db, io.incidentbot.store.Storage.Work<T> work) {
        try (JdbiStorage storage = Database.open(db.toString())) {
            return storage.transaction(work);
        }
    }

    @Test
    void aRestartedBotTakesTheKilledOnesJobAndBackfillLeasesAtOnce() throws Exception {
        Path db = dir.resolve("incidents.db");
        Path log = dir.resolve("bot.log");
        CountDownLatch unstall = new CountDownLatch(1);
        AtomicBoolean stallNotes = new AtomicBoolean();
        try (SlackStandIn slack = new SlackStandIn(); PagerDutyStandIn pagerDuty = new PagerDutyStandIn()) {
            // The note's echo hangs at the Web API (never applied) while the first bot runs.
            slack.override("chat.postMessage", call -> {
                if (!stallNotes.get() || !String.valueOf(call.arg("text")).contains("Note from")) {
                    return null;
                }
                try {
                    unstall.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new MockResponse().setResponseCode(500).setBody("never applied");
            });
            Map<String, String> env = new java.util.HashMap<>(RunningBot.env(slack, db));
            env.put("INCIDENT_LEASE_SECONDS", String.valueOf(LEASE.toSeconds()));
            env.put("PAGERDUTY_ROUTING_KEY", PagerDutyStandIn.ROUTING_KEY);
            env.put("PAGERDUTY_EVENTS_URL", pagerDuty.eventsUrl().toString());
            pagerDuty.hold();
            String channel;
            try (ChildBot first = ChildBot.start(slack, env, log)) {
                first.client.command("declare sev1 Lease takeover", "UALICE001", "CGENERAL1");
                await("channel", 30, () -> !slack.channels().isEmpty());
                channel = slack.channels().values().iterator().next();
                await("declare's Slack jobs delivered, its page in flight", 30, () -> read(db, r -> r.outbox().pendingCount()) == 1
                        && pagerDuty.heldCount() == 1);
                stallNotes.set(true);
                first.client.command("note checked the replicas", "UALICE001", channel);
                await("the note's echo is at the Web API", 30, () -> slack.calls("chat.postMessage").stream()
                        .anyMatch(c -> String.valueOf(c.arg("text")).contains("Note from")));
                first.kill();
            } finally {
                stallNotes.set(false);
                unstall.countDown();
                pagerDuty.release();
            }
            long pending = read(db, r -> r.outbox().pendingCount());
            assertThat(pending).as("the note's echo and the page are still leased").isEqualTo(2);
            slack.humanMessage(channel, SlackEvents.ts(2_000_000), "UBOB00001", "posted while the bot was down", null);

            try (ChildBot restarted = ChildBot.start(slack, env, log)) {
                long started = System.nanoTime();
                await("the note's echo delivered well within the dead bot's lease", WELL_WITHIN_THE_LEASE_SECONDS,
                        () -> slack.messages(channel).stream().anyMatch(m -> String.valueOf(m.get("text"))
                                .contains("checked the replicas")));
                await("the catch-up ran without waiting for the dead bot's backfill lease",
                        WELL_WITHIN_THE_LEASE_SECONDS, () -> read(db, r -> r.timeline().list(1)).stream()
                                .filter(e -> e.kind() == EntryKind.MESSAGE).map(TimelineEntry::text)
                                .anyMatch("posted while the bot was down"::equals));
                await("the page sent by the restarted bot", WELL_WITHIN_THE_LEASE_SECONDS,
                        () -> !pagerDuty.events("trigger").isEmpty());
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LEASE);
                await("the restarted bot's work done", WELL_WITHIN_THE_LEASE_SECONDS,
                        () -> read(db, r -> r.outbox().pendingCount()) == 0);
                assertThat(pagerDuty.events("trigger")).as("one trigger accepted, though one was in flight at the kill")
                        .extracting(e -> e.path("dedup_key").asText()).containsExactly("incident-bot-1");
                restarted.terminate();
            }
        }
    }
}
