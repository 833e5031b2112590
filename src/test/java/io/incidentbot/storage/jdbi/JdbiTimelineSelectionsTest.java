package io.incidentbot.storage.jdbi;

import io.incidentbot.store.TimelineRepository;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline reads the postmortem draft narrows in SQL ({@code forEachKeyEvent}, {@code authors},
 * {@code forEachMentioning}) select exactly what the repository's default methods select by filtering
 * the whole timeline: same entries, same order.
 */
class JdbiTimelineSelectionsTest extends SqliteTest {
    private long incident;

    @BeforeEach
    void aMixedTimeline() {
        incident = declare("selections");
        long other = declare("another incident");
        message(other, "1712345600.000100", "U9", "elsewhere <@U9>");
        long mention = message(incident, "1712345678.000100", "U1", "hello <@U2>, see <@U3|three>");
        long deleted = message(incident, "1712345678.000200", "U4", "deleted <@U5>");
        long pinned = message(incident, "1712345678.000300", "U6", "pinned, no mention");
        long reactedOff = message(incident, "1712345678.000400", "U1", "reaction on then off");
        long reacted = message(incident, "1712345678.000500", "U7", "reaction stays &lt;@U8&gt; is no mention");
        run(r -> {
            r.timeline().markDeleted(deleted);
            r.timeline().setKeyMark(pinned, TimelineRepository.PIN, true, T0);
            r.timeline().setKeyMark(reactedOff, TimelineRepository.reaction("U2"), true, T0);
            r.timeline().setKeyMark(reactedOff, TimelineRepository.reaction("U2"), false, T0.plusSeconds(1));
            r.timeline().setKeyMark(reacted, TimelineRepository.reaction("U2"), true, T0);
            r.timeline().add(new TimelineEntry(0, incident, EntryKind.NOTE, T0.plusSeconds(10), null, null, "U10",
                    "note: ask @{U11} about it", null, false, false, List.of()));
            r.timeline().add(new TimelineEntry(0, incident, EntryKind.STATUS_UPDATE, T0.plusSeconds(20), null, null, null,
                    "Status investigating → identified", null, false, false, List.of()));
        });
        assertThat(mention).isPositive();
    }

    private long message(long in, String ts, String user, String text) {
        return tx(r -> r.timeline().addMessageIfAbsent(new TimelineEntry(0, in, EntryKind.MESSAGE, SlackTs.toInstant(ts), ts,
                null, user, text, null, false, false, List.of()))).orElseThrow().id();
    }

    private List<TimelineEntry> all(Predicate<TimelineEntry> which) {
        return storage.read(r -> r.timeline().list(incident)).stream().filter(which).toList();
    }

    @Test
    void keyEventsAreTheEntriesNotDeletedThatAreNotMessagesOrAreMarked() {
        List<TimelineEntry> selected = new ArrayList<>();
        storage.read(r -> {
            r.timeline().forEachKeyEvent(incident, selected::add);
            return null;
        });
        assertThat(selected).isEqualTo(all(e -> !e.deleted() && (e.kind() != EntryKind.MESSAGE || e.keyEvent())));
        assertThat(selected).extracting(TimelineEntry::text).containsExactly("pinned, no mention",
                "reaction stays &lt;@U8&gt; is no mention", "note: ask @{U11} about it", "Status investigating → identified");
    }

    @Test
    void authorsAreEveryoneWithAnEntryNotDeletedInTheOrderOfTheirFirst() {
        Set<String> authors = storage.read(r -> r.timeline().authors(incident));
        assertThat(authors).containsExactly("U1", "U6", "U7", "U10");
    }

    @Test
    void mentioningEntriesAreThoseNotDeletedWithAMentionOrAUserToken() {
        List<TimelineEntry> selected = new ArrayList<>();
        storage.read(r -> {
            r.timeline().forEachMentioning(incident, selected::add);
            return null;
        });
        assertThat(selected).isEqualTo(all(e -> !e.deleted() && (e.text().contains("<@") || e.text().contains("@{"))));
        assertThat(selected).extracting(TimelineEntry::text).containsExactly("hello <@U2>, see <@U3|three>",
                "note: ask @{U11} about it");
    }
}
