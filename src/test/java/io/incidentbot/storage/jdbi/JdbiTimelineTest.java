package io.incidentbot.storage.jdbi;

import io.incidentbot.store.TimelineRepository;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import io.incidentbot.store.Repositories;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbiTimelineTest extends SqliteTest {
    private long incident;

    @BeforeEach
    void declareIncident() {
        incident = declare("timeline");
    }

    private static TimelineEntry message(long incident, String ts, String threadTs, String text) {
        return new TimelineEntry(0, incident, EntryKind.MESSAGE, SlackTs.toInstant(ts), ts, threadTs, "U1", text,
                null, false, false, List.of());
    }

    private Optional<TimelineEntry> addMessage(long incident, String ts, String text) {
        return tx(r -> r.timeline().addMessageIfAbsent(message(incident, ts, null, text)));
    }

    private List<TimelineEntry> entries() {
        return storage.read(r -> r.timeline().list(incident));
    }

    private TimelineEntry stored(String ts) {
        return storage.read(r -> r.timeline().findMessage(incident, ts)).orElseThrow();
    }

    @Test
    void aMessageIsStoredOncePerTsAndIncident() {
        assertThat(addMessage(incident, "1712345678.000100", "first")).get()
                .satisfies(e -> assertThat(e.id()).isPositive());
        assertThat(addMessage(incident, "1712345678.000100", "redelivered")).isEmpty();
        long other = declare("other channel");
        assertThat(addMessage(other, "1712345678.000100", "same ts elsewhere")).isPresent();
        assertThat(entries()).extracting(TimelineEntry::text).containsExactly("first");
        assertThatThrownBy(() -> tx(r -> r.timeline().add(message(incident, "1712345678.000100", null, "copy"))))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void threadRepliesKeepTheirParentTsAndEntriesComeInTimeOrder() {
        addMessage(incident, "1712345678.000300", "third");
        tx(r -> r.timeline().addMessageIfAbsent(message(incident, "1712345678.000200", "1712345678.000100", "reply")));
        addMessage(incident, "1712345678.000100", "parent");
        List<TimelineEntry> all = entries();
        assertThat(all).extracting(TimelineEntry::text).containsExactly("parent", "reply", "third");
        assertThat(all).extracting(TimelineEntry::isThreadReply).containsExactly(false, true, false);
        assertThat(stored("1712345678.000200").threadTs()).isEqualTo("1712345678.000100");
        List<TimelineEntry> streamed = new ArrayList<>();
        storage.read(r -> {
            r.timeline().forEach(incident, streamed::add);
            return null;
        });
        assertThat(streamed).isEqualTo(all);
        assertThat(storage.read((Repositories r) -> r.timeline().newestMessageTs(incident))).contains("1712345678.000300");
    }

    @Test
    void commandEntriesHaveNoTsAndMayShareATime() {
        TimelineEntry note = new TimelineEntry(0, incident, EntryKind.NOTE, T0, null, null, "U1", "note", null,
                false, false, List.of(new TimelineEntry.SharedFile("graph.png", "https://slack/f/1")));
        tx(r -> r.timeline().add(note));
        tx(r -> r.timeline().add(note));
        assertThat(entries()).hasSize(2).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.NOTE);
            assertThat(e.files()).containsExactly(new TimelineEntry.SharedFile("graph.png", "https://slack/f/1"));
        });
        assertThat(storage.read((Repositories r) -> r.timeline().newestMessageTs(incident))).isEmpty();
    }

    @Test
    void editsAndDeletionsChangeTheStoredMessageAndLatestSkipsDeleted() {
        long a = addMessage(incident, "1712345678.000100", "a").orElseThrow().id();
        long b = addMessage(incident, "1712345678.000200", "b").orElseThrow().id();
        addMessage(incident, "1712345678.000300", "c");
        run(r -> {
            r.timeline().editMessage(a, "a, edited", T0);
            r.timeline().markDeleted(b);
        });
        assertThat(stored("1712345678.000100")).extracting(TimelineEntry::text, TimelineEntry::editedAt)
                .containsExactly("a, edited", T0);
        assertThat(stored("1712345678.000200").deleted()).isTrue();
        assertThat(entries()).hasSize(3);
        assertThat(storage.read((Repositories r) -> r.timeline().latest(incident, 2))).extracting(TimelineEntry::text)
                .containsExactly("a, edited", "c");
        assertThat(storage.read((Repositories r) -> r.timeline().latest(incident, 1))).extracting(TimelineEntry::text)
                .containsExactly("c");
    }

    @Test
    void aKeyEventMarkEndsInTheStateOfItsLatestChangeWhateverTheArrivalOrder() {
        long id = addMessage(incident, "1712345678.000100", "key").orElseThrow().id();
        // The unpin (later in Slack) arrives before the pin.
        run(r -> r.timeline().setKeyMark(id, TimelineRepository.PIN, false, T0.plusSeconds(2)));
        run(r -> r.timeline().setKeyMark(id, TimelineRepository.PIN, true, T0.plusSeconds(1)));
        assertThat(stored("1712345678.000100").keyEvent()).isFalse();

        run(r -> r.timeline().setKeyMark(id, TimelineRepository.reaction("U_A"), true, T0));
        run(r -> r.timeline().setKeyMark(id, TimelineRepository.reaction("U_B"), true, T0));
        run(r -> r.timeline().setKeyMark(id, TimelineRepository.reaction("U_A"), false, T0.plusSeconds(5)));
        assertThat(stored("1712345678.000100").keyEvent()).as("U_B's reaction still marks it").isTrue();

        // On a tie, off wins.
        run(r -> r.timeline().setKeyMark(id, TimelineRepository.reaction("U_B"), false, T0));
        run(r -> r.timeline().setKeyMark(id, TimelineRepository.reaction("U_B"), true, T0));
        assertThat(stored("1712345678.000100").keyEvent()).isFalse();

        run(r -> r.timeline().setKeyMark(id, TimelineRepository.PIN, true, T0.plusSeconds(3)));
        assertThat(stored("1712345678.000100").keyEvent()).isTrue();
    }
}
