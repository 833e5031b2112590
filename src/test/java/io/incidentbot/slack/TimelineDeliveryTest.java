package io.incidentbot.slack;

import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SlackEvents;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.incidentbot.testkit.SlackEvents.ts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slack delivers events at least once and in any order: redeliveries change nothing, and edits,
 * deletions, pins and reactions end in the same state whatever order they arrive in.
 */
class TimelineDeliveryTest {
    private static final Map<String, String> RETRY = Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");

    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();
    RunningBot bot;
    IncidentChannel inc;

    @BeforeEach
    void start() throws Exception {
        bot = kit.bot();
        inc = IncidentChannel.declare(bot, "declare sev1 Orders DB failover", "UALICE001");
    }

    private HttpResponse<String> deliver(Map<String, Object> envelope, Map<String, String> headers) {
        HttpResponse<String> r = bot.client.event(envelope, headers);
        assertThat(r.statusCode()).isEqualTo(200);
        return r;
    }

    @Test
    void aRedeliveredEventWithRetryHeadersMakesNoSecondEntry() {
        Map<String, Object> message = SlackEvents.envelope(SlackEvents.message(inc.id, "UBOB00001", ts(100), "failover started"));
        deliver(message, Map.of());
        deliver(message, RETRY);
        deliver(message, Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_error"));

        assertThat(inc.messages()).extracting(TimelineEntry::text).containsExactly("failover started");
    }

    @Test
    void theSameMessageUnderANewEventIdMakesNoSecondEntry() {
        inc.send(SlackEvents.message(inc.id, "UBOB00001", ts(100), "failover started"));
        inc.send(SlackEvents.message(inc.id, "UBOB00001", ts(100), "failover started"));
        inc.send(SlackEvents.broadcast(inc.id, "UBOB00001", ts(100), ts(50), "failover started"));

        assertThat(inc.messages()).hasSize(1);
    }

    @Test
    void aRedeliveredReactionOrPinCountsOnce() {
        inc.send(SlackEvents.message(inc.id, "UBOB00001", ts(100), "replica promoted"));
        Map<String, Object> add = SlackEvents.envelope(SlackEvents.reaction(true, inc.id, "UBOB00001", ts(100), "pushpin", ts(200)));
        Map<String, Object> remove = SlackEvents.envelope(SlackEvents.reaction(false, inc.id, "UBOB00001", ts(100), "pushpin", ts(300)));
        deliver(add, Map.of());
        deliver(add, RETRY);
        deliver(remove, Map.of());
        deliver(remove, RETRY);

        assertThat(inc.message(ts(100)).keyEvent()).isFalse();
    }

    @Test
    void editsAndDeletesEndTheSameInEveryArrivalOrder() {
        List<List<Integer>> orders = permutations(List.of(0, 1, 2, 3));
        for (int i = 0; i < orders.size(); i++) {
            String ts = ts(1_000_000L * (i + 1));
            List<Map<String, Object>> events = List.of(
                    SlackEvents.message(inc.id, "UBOB00001", ts, "v1"),
                    SlackEvents.edit(inc.id, "UBOB00001", ts, "v1", "v2", ts(1_000_000L * (i + 1) + 1_000)),
                    SlackEvents.edit(inc.id, "UBOB00001", ts, "v2", "v3", ts(1_000_000L * (i + 1) + 2_000)),
                    SlackEvents.delete(inc.id, "UBOB00001", ts, "v3", ts(1_000_000L * (i + 1) + 3_000)));
            orders.get(i).forEach(k -> inc.send(events.get(k)));

            TimelineEntry e = inc.message(ts);
            assertThat(e.text()).as("order %s", orders.get(i)).isEqualTo("v3");
            assertThat(e.deleted()).as("order %s", orders.get(i)).isTrue();
            assertThat(e.editedAt()).as("order %s", orders.get(i))
                    .isEqualTo(SlackTs.toInstant(ts(1_000_000L * (i + 1) + 2_000)));
            assertThat(e.at()).isEqualTo(SlackTs.toInstant(ts));
        }
        assertThat(inc.messages()).hasSize(24);
    }

    @Test
    void anEditBeforeItsMessageWinsAndAnOlderEditNeverOverwritesANewerOne() {
        inc.send(SlackEvents.edit(inc.id, "UBOB00001", ts(100), "v1", "v2", ts(5_000)));
        inc.send(SlackEvents.reply(inc.id, "UBOB00001", ts(100), ts(50), "v1"));

        TimelineEntry e = inc.message(ts(100));
        assertThat(e.text()).isEqualTo("v2");
        assertThat(e.threadTs()).isEqualTo(ts(50));

        inc.send(SlackEvents.edit(inc.id, "UBOB00001", ts(100), "v2", "v3", ts(9_000)));
        inc.send(SlackEvents.edit(inc.id, "UBOB00001", ts(100), "v1", "v1.5", ts(4_000)));

        assertThat(inc.message(ts(100)).text()).isEqualTo("v3");
        assertThat(inc.message(ts(100)).editedAt()).isEqualTo(SlackTs.toInstant(ts(9_000)));
    }

    @Test
    void aDeleteBeforeItsMessageLeavesTheEntryDeleted() {
        inc.send(SlackEvents.delete(inc.id, "UBOB00001", ts(100), "oops", ts(200)));
        inc.send(SlackEvents.message(inc.id, "UBOB00001", ts(100), "oops"));

        assertThat(inc.message(ts(100)).deleted()).isTrue();
        assertThat(inc.say("timeline", "UALICE001")).doesNotContain("oops");
    }

    @Test
    void pinsAndKeyEmojiReactionsMarkAndUnmarkKeyEvents() {
        inc.send(SlackEvents.message(inc.id, "UBOB00001", ts(100), "root cause: expired cert"));
        inc.send(SlackEvents.reaction(true, inc.id, "UBOB00001", ts(100), "pushpin", ts(200)));
        assertThat(inc.message(ts(100)).keyEvent()).isTrue();
        assertThat(inc.say("timeline", "UALICE001")).contains(":pushpin: <@UBOB00001> root cause: expired cert");

        inc.send(SlackEvents.reaction(true, inc.id, "UCAROL001", ts(100), "pushpin", ts(300)));
        inc.send(SlackEvents.reaction(false, inc.id, "UBOB00001", ts(100), "pushpin", ts(400)));
        assertThat(inc.message(ts(100)).keyEvent()).as("one of two reactions left").isTrue();

        inc.send(SlackEvents.reaction(false, inc.id, "UCAROL001", ts(100), "pushpin", ts(500)));
        assertThat(inc.message(ts(100)).keyEvent()).isFalse();

        inc.send(SlackEvents.reaction(true, inc.id, "UCAROL001", ts(100), "eyes", ts(600)));
        assertThat(inc.message(ts(100)).keyEvent()).as("another emoji").isFalse();

        inc.send(SlackEvents.pin(true, inc.id, "UDAVE0001", ts(100), "root cause: expired cert", ts(700)));
        assertThat(inc.message(ts(100)).keyEvent()).isTrue();
        inc.send(SlackEvents.reaction(true, inc.id, "UCAROL001", ts(100), "pushpin::skin-tone-3", ts(800)));
        inc.send(SlackEvents.pin(false, inc.id, "UDAVE0001", ts(100), "root cause: expired cert", ts(900)));
        assertThat(inc.message(ts(100)).keyEvent()).as("still reacted").isTrue();
        inc.send(SlackEvents.reaction(false, inc.id, "UCAROL001", ts(100), "pushpin::skin-tone-3", ts(1_000)));
        assertThat(inc.message(ts(100)).keyEvent()).isFalse();
    }

    @Test
    void aRemovalArrivingBeforeItsAdditionStillEndsRemoved() {
        inc.send(SlackEvents.message(inc.id, "UBOB00001", ts(100), "cert renewed"));
        inc.send(SlackEvents.reaction(false, inc.id, "UBOB00001", ts(100), "pushpin", ts(300)));
        inc.send(SlackEvents.reaction(true, inc.id, "UBOB00001", ts(100), "pushpin", ts(200)));
        inc.send(SlackEvents.pin(false, inc.id, "UBOB00001", ts(100), "cert renewed", ts(500)));
        inc.send(SlackEvents.pin(true, inc.id, "UBOB00001", ts(100), "cert renewed", ts(400)));

        assertThat(inc.message(ts(100)).keyEvent()).isFalse();
    }

    @Test
    void pinsAndReactionsBeforeTheirMessageApplyWhenItArrives() {
        inc.send(SlackEvents.pin(true, inc.id, "UBOB00001", ts(100), "failing over to replica", ts(300)));
        inc.send(SlackEvents.reaction(true, inc.id, "UCAROL001", ts(200), "pushpin", ts(400)));
        inc.send(SlackEvents.reaction(false, inc.id, "UCAROL001", ts(200), "pushpin", ts(500)));
        inc.send(SlackEvents.message(inc.id, "UBOB00001", ts(100), "failing over to replica"));
        inc.send(SlackEvents.message(inc.id, "UCAROL001", ts(200), "replica lag 3s"));

        assertThat(inc.message(ts(100)).keyEvent()).isTrue();
        assertThat(inc.message(ts(200)).keyEvent()).isFalse();
    }

    @Test
    void theKeyEventEmojiIsConfigurable() throws Exception {
        Map<String, String> env = kit.env();
        env.put("INCIDENT_KEY_EVENT_EMOJI", ":star:");
        bot = kit.restart(env);
        inc = inc.in(bot);
        inc.send(SlackEvents.message(inc.id, "UBOB00001", ts(100), "traffic back to normal"));
        inc.send(SlackEvents.message(inc.id, "UBOB00001", ts(200), "still watching"));
        inc.send(SlackEvents.reaction(true, inc.id, "UCAROL001", ts(100), "star", ts(300)));
        inc.send(SlackEvents.reaction(true, inc.id, "UCAROL001", ts(200), "pushpin", ts(400)));

        assertThat(inc.messages()).extracting(TimelineEntry::keyEvent).containsExactly(true, false);
    }

    @Test
    void aStorageFailureAnswers500AndTheRedeliveryIsStoredOnce() throws Exception {
        Map<String, Object> message = SlackEvents.envelope(SlackEvents.message(inc.id, "UBOB00001", ts(100), "disk full?"));
        sql("CREATE TRIGGER fail_inserts BEFORE INSERT ON timeline_entry BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");

        HttpResponse<String> failed = bot.client.event(message, Map.of());
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(inc.messages()).isEmpty();

        sql("DROP TRIGGER fail_inserts");
        deliver(message, RETRY);
        deliver(message, Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_error"));

        assertThat(inc.messages()).extracting(TimelineEntry::text).containsExactly("disk full?");
        assertThat(inc.participants()).containsExactly("UALICE001", "UBOB00001");
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + bot.database.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute(statement);
        }
    }

    private static List<List<Integer>> permutations(List<Integer> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Integer>> all = new ArrayList<>();
        for (Integer first : items) {
            List<Integer> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<Integer> tail : permutations(rest)) {
                List<Integer> p = new ArrayList<>();
                p.add(first);
                p.addAll(tail);
                all.add(p);
            }
        }
        return all;
    }
}
