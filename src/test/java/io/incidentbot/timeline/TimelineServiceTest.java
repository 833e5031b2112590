package io.incidentbot.timeline;

import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Severity;
import io.incidentbot.slack.jobs.Deliveries;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.timeline.ChannelEvent.MessageDeleted;
import io.incidentbot.timeline.ChannelEvent.MessageEdited;
import io.incidentbot.timeline.ChannelEvent.MessagePosted;
import io.incidentbot.timeline.ChannelEvent.ReactionChanged;
import io.incidentbot.timeline.TimelineService.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Timeline capture against a real SQLite file: exactly once, and the same result in any arrival order. */
class TimelineServiceTest {
    private static final String CHANNEL = "CINC00001";
    private static final String TS = "1795773600.000100";

    @TempDir
    Path dir;
    private JdbiStorage storage;
    private TimelineService timeline;

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("bot.db").toString());
        TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
        new IncidentService(io.incidentbot.testkit.Units.slack(storage, clock, false))
                .declare(new Declaration("Checkout down", Severity.SEV2, null, false, "UALICE001", null));
        new Deliveries(storage).linkChannel(1, CHANNEL, "inc-1-checkout-down");
        timeline = new TimelineService(storage, clock, "pushpin");
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private List<TimelineEntry> messages() {
        List<TimelineEntry> all = storage.read(r -> r.timeline().list(1));
        return all.stream().filter(e -> e.kind() == EntryKind.MESSAGE).toList();
    }

    private static MessagePosted posted(String text) {
        return new MessagePosted(CHANNEL, TS, null, "UBOB00001", text, List.of());
    }

    @Test
    void aMessageIsStoredOnceEvenWhenRedeliveredOrReadAgainFromHistory() {
        assertThat(timeline.record("Ev1", posted("db is down"))).isEqualTo(Outcome.RECORDED);
        assertThat(timeline.record("Ev1", posted("db is down"))).isEqualTo(Outcome.DUPLICATE);
        assertThat(timeline.record(null, posted("db is down"))).isEqualTo(Outcome.RECORDED);

        assertThat(messages()).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("db is down");
            assertThat(e.userId()).isEqualTo("UBOB00001");
            assertThat(e.at()).isEqualTo(SlackTs.toInstant(TS));
        });
        assertThat(timeline.isStored(1, TS)).isTrue();
    }

    @Test
    void anEditAndAPinThatArriveBeforeTheirMessageAreAppliedWhenItArrives() {
        Instant edited = SlackTs.toInstant(TS).plusSeconds(30);
        timeline.record("Ev2", new MessageEdited(CHANNEL, TS, "db is down (primary)", edited));
        timeline.record("Ev3", new ReactionChanged(CHANNEL, TS, "UALICE001", "pushpin::skin-tone-2", true, edited));
        assertThat(messages()).isEmpty();

        timeline.record("Ev1", posted("db is down"));

        assertThat(messages()).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("db is down (primary)");
            assertThat(e.editedAt()).isEqualTo(edited);
            assertThat(e.keyEvent()).isTrue();
        });
    }

    @Test
    void aDeletionIsFinalWhateverArrivesAfterIt() {
        timeline.record("Ev1", posted("oops"));
        timeline.record("Ev4", new MessageDeleted(CHANNEL, TS, SlackTs.toInstant(TS).plusSeconds(5)));
        timeline.record("Ev2", new MessageEdited(CHANNEL, TS, "edited later", SlackTs.toInstant(TS).plusSeconds(9)));

        List<TimelineEntry> all = storage.read(r -> r.timeline().list(1));
        assertThat(all).noneMatch(e -> e.kind() == EntryKind.MESSAGE && !e.deleted());
    }

    @Test
    void eventsOutsideIncidentChannelsAndOtherReactionsStoreNothing() {
        assertThat(timeline.record("Ev5", new MessagePosted("CGENERAL1", TS, null, "UBOB00001", "hi", List.of())))
                .isEqualTo(Outcome.NOT_AN_INCIDENT_CHANNEL);
        assertThat(timeline.record("Ev6", new ReactionChanged(CHANNEL, TS, "UBOB00001", "eyes", true, SlackTs.toInstant(TS))))
                .isEqualTo(Outcome.IRRELEVANT);
        assertThat(messages()).isEmpty();
    }
}
