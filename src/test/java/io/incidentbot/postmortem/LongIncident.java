package io.incidentbot.postmortem;

import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.store.Repositories;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A 20,000-entry incident over three days: 200 notes, 5,000 thread replies, 14,800 top-level
 * messages of which 50 are deleted, 20 key messages, 40 authors.
 */
public final class LongIncident {
    public static final int ENTRIES = 20_000;
    public static final int NOTES = ENTRIES / 100;
    public static final int REPLIES = ENTRIES / 4;
    public static final int DELETED = ENTRIES / 400;
    public static final int KEY_MESSAGES = ENTRIES / 1000;
    public static final int AUTHORS = 40;
    static final Instant START = Instant.parse("2026-03-14T20:00:00Z");

    private LongIncident() {
    }

    /** @return top-level messages that are not deleted */
    public static int topLevelMessages() {
        return ENTRIES - NOTES - REPLIES - DELETED;
    }

    /**
     * Entry {@code i}, 12 s after entry {@code i - 1}: if {@code i % 4 == 3} a thread reply to the
     * top-level message {@link #rootOf}; if {@code i % 100 == 49} a note; a top-level message otherwise,
     * deleted if {@code i % 400 == 2}, a key event if {@code i % 1000 == 6}.
     *
     * @param padding characters of filler added to each message, to make the timeline heavy
     */
    static TimelineEntry entry(long incident, int i, int padding) {
        Instant at = START.plusSeconds(12L * i);
        String ts = SlackTs.fromInstant(at);
        String user = "U" + (1000 + i % AUTHORS);
        if (i % 100 == 49) {
            return new TimelineEntry(0, incident, EntryKind.NOTE, at, null, null, user, "note " + i, null, false, false,
                    List.of());
        }
        String threadTs = i % 4 == 3 ? SlackTs.fromInstant(START.plusSeconds(12L * rootOf(i))) : null;
        boolean deleted = threadTs == null && i % 400 == 2;
        boolean key = threadTs == null && i % 1000 == 6;
        String text = "message " + i + ": checkout p99 is 1.2 s, <@U1001> please look at <https://g.example/d/" + i
                + "|graph>" + (padding == 0 ? "" : " " + "x".repeat(padding));
        return new TimelineEntry(0, incident, EntryKind.MESSAGE, at, ts, threadTs, user, text, null, deleted, key,
                List.of());
    }

    /** @return the top-level message ({@code i % 4 == 2}) that reply {@code i} answers: up to 6 before it */
    static int rootOf(int reply) {
        return Math.max(2, reply - 1 - 4 * (reply % 7));
    }

    /** @return deleted top-level messages that have replies: each is written as "(deleted message)" */
    public static int deletedParents() {
        Set<Integer> roots = new HashSet<>();
        for (int i = 3; i < ENTRIES; i += 4) {
            roots.add(rootOf(i));
        }
        return (int) roots.stream().filter(r -> r % 400 == 2).count();
    }

    /**
     * Stores the incident, its entries and its authors' names.
     *
     * @param padding characters of filler per message
     * @return its number
     */
    public static long store(Repositories r, int padding) {
        long n = r.incidents().create("Checkout slow for three days", Severity.SEV2, false, null, "U1000", START)
                .number();
        Instant end = START.plusSeconds(12L * ENTRIES);
        r.incidents().setStatus(n, Status.RESOLVED, START.plusSeconds(3600), START.plusSeconds(7200), end);
        r.incidents().setChannel(n, "C1", "inc-1-checkout-slow");
        for (int i = 0; i < ENTRIES; i++) {
            r.timeline().add(entry(n, i, padding));
        }
        for (int u = 0; u < AUTHORS; u++) {
            r.userNames().put("U" + (1000 + u), "Person " + u, START);
        }
        return n;
    }
}
