package io.incidentbot.slack;

import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SlackEvents;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One incident's worth of channel activity (messages, thread replies, a broadcast, a file, edits,
 * deletions, key-event reactions and pins on and off, bots talking, someone joining) delivered in
 * order, then shuffled and partly redelivered with retry headers under several seeds: every run
 * ends in the same timeline and the same participants.
 */
class TimelineShuffleTest {
    private static final String BOB = "UBOB00001";
    private static final String CAROL = "UCAROL001";
    private static final String DAVE = "UDAVE0001";
    private static final String ERIN = "UERIN0001";
    private static final String FRANK = "UFRANK001";

    @RegisterExtension
    static final RunningBotExtension KIT = new RunningBotExtension();
    static final SlackStandIn slack = KIT.slack();
    static RunningBot bot;

    /** What a timeline entry looks like to a reader. */
    record Row(String ts, String text, boolean deleted, boolean keyEvent, String threadTs) {
    }

    /** One delivery: an envelope, and the headers it is sent with. */
    record Delivery(Map<String, Object> envelope, Map<String, String> headers) {
    }

    @BeforeAll
    static void start() {
        bot = KIT.bot();
    }

    private static String t(double seconds) {
        return SlackEvents.ts(Math.round(seconds * 1_000_000));
    }

    /** @return the channel's activity, in the order it happened; event IDs are unique per channel */
    static List<Map<String, Object>> activity(String c) {
        List<Map<String, Object>> events = new ArrayList<>(List.of(
                SlackEvents.memberJoined(c, FRANK, t(0.5)),
                SlackEvents.message(c, BOB, t(1), "checkout 5xx rising"),
                SlackEvents.reply(c, CAROL, t(2), t(1), "deploy 4711 at 09:10"),
                SlackEvents.broadcast(c, BOB, t(3), t(1), "rolling back"),
                SlackEvents.fileShare(c, DAVE, t(4), "graph", "5xx.png"),
                SlackEvents.me(c, ERIN, t(5), "looks at the DB"),
                SlackEvents.message(c, BOB, t(6), "typo mesage"),
                SlackEvents.edit(c, BOB, t(6), "typo mesage", "typo message", t(6.5)),
                SlackEvents.edit(c, BOB, t(6), "typo message", "typo message, fixed", t(7)),
                SlackEvents.message(c, CAROL, t(8), "wrong channel"),
                SlackEvents.delete(c, CAROL, t(8), "wrong channel", t(9)),
                SlackEvents.message(c, CAROL, t(10), "cert expired"),
                SlackEvents.edit(c, CAROL, t(10), "cert expired", "cert expired on db-1", t(11)),
                SlackEvents.reply(c, DAVE, t(12), t(1), "confirmed"),
                SlackEvents.edit(c, DAVE, t(12), "confirmed", "confirmed, rollback done", t(13)),
                SlackEvents.reaction(true, c, BOB, t(1), "pushpin", t(14)),
                SlackEvents.reaction(true, c, CAROL, t(1), "pushpin", t(15)),
                SlackEvents.reaction(false, c, BOB, t(1), "pushpin", t(16)),
                SlackEvents.reaction(true, c, DAVE, t(3), "pushpin", t(17)),
                SlackEvents.reaction(false, c, DAVE, t(3), "pushpin", t(18)),
                SlackEvents.reaction(true, c, DAVE, t(3), "pushpin", t(19)),
                SlackEvents.delete(c, CAROL, t(10), "cert expired on db-1", t(20)),
                SlackEvents.pin(true, c, ERIN, t(4), "graph", t(21)),
                SlackEvents.pin(false, c, ERIN, t(4), "graph", t(22)),
                SlackEvents.pin(true, c, ERIN, t(12), "confirmed, rollback done", t(23)),
                SlackEvents.reaction(true, c, ERIN, t(5), "pushpin", t(24)),
                SlackEvents.reaction(false, c, ERIN, t(5), "pushpin", t(25)),
                SlackEvents.reaction(true, c, CAROL, t(2), "eyes", t(25.5)),
                SlackEvents.ownMessage(c, t(26), ":memo: Note from <@UALICE001>: rollback done"),
                SlackEvents.botMessage(c, t(27), "[RESOLVED] checkout 5xx"),
                SlackEvents.message(c, BOB, t(1), "checkout 5xx rising")));
        Map<String, Object> onBotMessage = SlackEvents.reaction(true, c, BOB, t(26), "pushpin", t(28));
        onBotMessage.put("item_user", SlackStandIn.BOT_USER);
        events.add(onBotMessage);
        Map<String, Object> unfurl = SlackEvents.edit(c, BOB, t(1), "checkout 5xx rising", "checkout 5xx rising", t(30));
        ((Map<?, ?>) unfurl.get("message")).remove("edited");
        events.add(unfurl);
        return events;
    }

    /** @return the timeline {@link #activity} must give, whatever the order */
    static List<Row> expected() {
        return List.of(
                new Row(t(1), "checkout 5xx rising", false, true, null),
                new Row(t(2), "deploy 4711 at 09:10", false, false, t(1)),
                new Row(t(3), "rolling back", false, true, t(1)),
                new Row(t(4), "graph", false, false, null),
                new Row(t(5), "looks at the DB", false, false, null),
                new Row(t(6), "typo message, fixed", false, false, null),
                new Row(t(8), "wrong channel", true, false, null),
                new Row(t(10), "cert expired on db-1", true, false, null),
                new Row(t(12), "confirmed, rollback done", false, true, t(1)));
    }

    private static List<Delivery> inOrder(String channel) {
        List<Delivery> out = new ArrayList<>();
        List<Map<String, Object>> events = activity(channel);
        for (int i = 0; i < events.size(); i++) {
            out.add(new Delivery(SlackEvents.envelope("Ev" + channel + String.format("%03d", i), events.get(i)), Map.of()));
        }
        return out;
    }

    /** @return the deliveries shuffled, about a third of them delivered again later with retry headers */
    private static List<Delivery> shuffledWithRetries(String channel, long seed) {
        Random random = new Random(seed);
        List<Delivery> out = new ArrayList<>(inOrder(channel));
        Collections.shuffle(out, random);
        for (Delivery d : List.copyOf(out)) {
            if (random.nextInt(3) == 0) {
                int at = out.indexOf(d) + 1 + random.nextInt(out.size() - out.indexOf(d));
                String reason = random.nextBoolean() ? "http_timeout" : "http_error";
                out.add(at, new Delivery(d.envelope(), Map.of("X-Slack-Retry-Num", String.valueOf(1 + random.nextInt(3)),
                        "X-Slack-Retry-Reason", reason)));
            }
        }
        return out;
    }

    private static List<Row> rows(IncidentChannel inc) {
        return inc.messages().stream().map(e -> new Row(e.ts(), e.text(), e.deleted(), e.keyEvent(), e.threadTs())).toList();
    }

    private static IncidentChannel declareAndDeliver(String title, Function<String, List<Delivery>> plan) {
        IncidentChannel inc = IncidentChannel.declare(bot, "declare " + title, "UALICE001");
        for (Delivery d : plan.apply(inc.id)) {
            HttpResponse<String> r = bot.client.event(d.envelope(), d.headers());
            assertThat(r.statusCode()).isEqualTo(200);
        }
        return inc;
    }

    @Test
    void inOrderDeliveryGivesTheExpectedTimeline() {
        IncidentChannel inc = declareAndDeliver("in order", TimelineShuffleTest::inOrder);

        assertThat(rows(inc)).containsExactlyElementsOf(expected());
        assertThat(inc.participants()).containsExactly("UALICE001", FRANK, BOB, CAROL, DAVE, ERIN);
        assertThat(inc.message(t(4)).files()).extracting(TimelineEntry.SharedFile::name).containsExactly("5xx.png");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 17, 42, 2026, 31337, 8675309})
    void shuffledAndPartlyRedeliveredGivesTheSameTimeline(long seed) {
        IncidentChannel inc = declareAndDeliver("shuffled " + seed, c -> shuffledWithRetries(c, seed));

        assertThat(rows(inc)).as("seed %d", seed).containsExactlyElementsOf(expected());
        assertThat(inc.participants()).as("seed %d", seed).containsExactly("UALICE001", FRANK, BOB, CAROL, DAVE, ERIN);
    }
}
