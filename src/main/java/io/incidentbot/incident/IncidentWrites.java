package io.incidentbot.incident;

import io.incidentbot.store.Repositories;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Instant;
import java.util.List;

/**
 * The writes every incident use case is made of, inside its transaction: a timeline entry; and the title
 * checks.
 */
final class IncidentWrites {
    private IncidentWrites() {
    }

    static void entry(Repositories r, long n, EntryKind kind, String actor, String text, Instant now) {
        r.timeline().add(new TimelineEntry(0, n, kind, now, null, null, actor, text, null, false, false, List.of()));
    }

    /**
     * @return true when {@code s} shows nothing: empty, or only whitespace, space separators (e.g. U+00A0)
     *         and invisible format characters (U+200B, U+200C, U+200D, U+2060, U+FEFF and the rest of Unicode's Cf)
     */
    static boolean invisible(String s) {
        return s.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.SPACE_SEPARATOR);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
