package io.incidentbot.testkit;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.store.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Random;
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
 * The synthetic long incident, in two shapes, used by the postmortem tests and by {@code bench/}:
 * <ul>
 * <li>{@link #store}: a fixed 20,000-entry incident over three days (200 notes, 5,000 thread replies,
 * 14,800 top-level messages of which 50 are deleted, 20 key messages, 40 authors) whose counts the
 * tests assert on;</li>
 * <li>{@link #write}: a seeded incident of any size over about 30 hours (so the draft shows dates),
 * with roles, follow-ups, command entries, edits, deletions and shared files, for the benchmark.</li>
 * </ul>
 * Both write through the bot's own repositories, so the schema and any migration are the product's.
 */
public final class LongIncident {
    public static final int ENTRIES = 20_000;
    public static final int NOTES = ENTRIES / 100;
    public static final int REPLIES = ENTRIES / 4;
    public static final int DELETED = ENTRIES / 400;
    public static final int KEY_MESSAGES = ENTRIES / 1000;
    public static final int AUTHORS = 40;
    public static final Instant START = Instant.parse("2026-03-14T20:00:00Z");

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
    public static TimelineEntry entry(long incident, int i, int padding) {
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

    /** What was written, counted back from the database. */
    public record Summary(long number, int entries, int replies, int keyEvents, int participants, int followUps) {
    }

    private static final String[] TEXT = {
            "p99 on checkout is at 4.2s, error rate 7%%, started around %02d:10",
            "I see connection pool exhaustion on orders-db-primary: 200/200 active (<@%s> can you confirm?)",
            "rolling back deploy 2026.11.21-%d of orders-api now",
            "Grafana: <https://grafana.example.com/d/orders?var=%d|orders dashboard> shows the spike",
            "```SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction';\n-- %d```",
            "that's the culprit: a long-running migration holds a lock on `order_items` (pid %d)",
            "customer support reports failed payments in EU, ~%d tickets so far",
            "replica lag is %ds on orders-db-replica-2, reads are stale",
            "feature flag `checkout-v2-batching` turned off in prod in region %d",
            "error rate back under 1%%, watching for %d minutes before calling it",
    };
    private static final String[] REPLY = replies("done, took %d minutes", "can you paste the query?", "good catch",
            "holding until %d:00");

    /**
     * The thread replies of a synthetic incident: the four that carry no detail, then {@code more}. Shared with
     * the bench's synthetic Slack export ({@code bench/SyntheticExport}), so both speak alike.
     *
     * @param more the replies that follow, e.g. with {@code %d} placeholders or their filled-in text
     * @return a new array, the four first
     */
    public static String[] replies(String... more) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("+1", "confirmed from my side", "on it",
                "seeing the same in us-east"), java.util.stream.Stream.of(more)).toArray(String[]::new);
    }

    /**
     * Writes a seeded incident into a fresh SQLite file: {@code entries} timeline entries, of which
     * {@code replies} are thread replies and {@code keyEvents} key events, by {@code participants}
     * people. The same arguments give the same incident.
     *
     * @param dbFile a SQLite file path (created and migrated)
     * @return what was written, counted back from the database
     */
    public static Summary write(Path dbFile, int entries, int replies, int keyEvents, int participants, long seed) {
        Random rnd = new Random(seed);
        Instant declared = Instant.parse("2026-11-20T21:47:03Z");
        Instant resolved = declared.plus(Duration.ofHours(30)).plusSeconds(611);
        List<String> users = new ArrayList<>();
        for (int i = 1; i <= participants; i++) {
            users.add(String.format("U0PART%03d", i));
        }
        int commands = Math.min(40, entries / 100);
        // Which top-level messages are key events: pick keyEvents of them (a tenth of them replies).
        int keyReplies = keyEvents / 10;
        try (Storage storage = Database.open(dbFile.toString())) {
            Incident inc = storage.transaction(r -> {
                Incident i = r.incidents().create("Checkout failing: orders-db connection pool exhausted",
                        Severity.SEV1, false, "Payments fail for a share of EU and US customers.", users.get(0), declared);
                r.incidents().setChannel(i.number(), "CSYNTH0001", "inc-" + i.number() + "-checkout-failing");
                r.incidents().setRole(i.number(), Role.LEAD, users.get(0), declared);
                r.incidents().setRole(i.number(), Role.COMMS, users.get(1), declared.plusSeconds(300));
                r.incidents().setRole(i.number(), Role.SCRIBE, users.get(2), declared.plusSeconds(420));
                r.incidents().setStatus(i.number(), Status.RESOLVED, declared.plus(Duration.ofHours(3)),
                        declared.plus(Duration.ofHours(20)), resolved);
                r.incidents().setResolutionSummary(i.number(), "Long-running migration held a lock on order_items; "
                        + "killed it, paused the backfill, purged cached error pages.");
                for (int u = 0; u < users.size(); u++) {
                    r.participants().add(i.number(), users.get(u), declared.plusSeconds(37L * u));
                    if (u % 10 != 9) { // a few people with no cached name: the draft falls back to <@U...>
                        r.userNames().put(users.get(u), "person-" + (u + 1), declared);
                    }
                }
                for (int f = 0; f < 15; f++) {
                    r.followUps().add(i.number(), "Follow-up " + (f + 1) + ": alert on lock wait time over 30 s in "
                            + "orders-db", f % 3 == 0 ? null : users.get(f % users.size()), users.get(0),
                            declared.plus(Duration.ofHours(29)).plusSeconds(f * 20L));
                }
                r.timeline().add(new TimelineEntry(0, i.number(), EntryKind.DECLARED, declared, null, null,
                        users.get(0), "Declared SEV1: Checkout failing", null, false, false, List.of()));
                return i;
            });
            long number = inc.number();
            long span = Duration.between(declared, resolved).toNanos() / 1000;
            int slots = entries - 2; // between the DECLARED and RESOLVED entries
            long step = span / (slots + 1);
            // Kinds decided up front so the counts are exact: 'c' command entry, 'r' thread reply,
            // 'm' top-level message; a key event is 'M' or 'R'. The first slot is a message (a parent).
            List<Character> kinds = new ArrayList<>();
            for (int k = 0; k < slots; k++) {
                kinds.add(k < commands - 2 ? 'c' : k < commands - 2 + replies ? 'r' : 'm');
            }
            java.util.Collections.shuffle(kinds, rnd);
            int firstMessage = kinds.indexOf('m');
            java.util.Collections.swap(kinds, 0, firstMessage);
            markKeys(kinds, 'm', 'M', keyEvents - keyReplies, rnd);
            markKeys(kinds, 'r', 'R', keyReplies, rnd);
            long at = SlackTs.micros(declared) + 1_000_000;
            List<String> parents = new ArrayList<>();
            int batch = 2000;
            for (int from = 0; from < slots; from += batch) {
                List<TimelineEntry> chunk = new ArrayList<>();
                for (int k = from; k < Math.min(slots, from + batch); k++) {
                    at += 1 + (long) (rnd.nextDouble() * 2 * step);
                    Instant when = SlackTs.fromMicros(at);
                    String ts = SlackTs.fromInstant(when);
                    String user = users.get(rnd.nextInt(users.size()));
                    char kind = kinds.get(k);
                    if (kind == 'c') {
                        EntryKind ek = List.of(EntryKind.NOTE, EntryKind.STATUS_UPDATE, EntryKind.SEVERITY_CHANGE,
                                EntryKind.ROLE_CHANGE, EntryKind.FOLLOW_UP).get(rnd.nextInt(5));
                        chunk.add(new TimelineEntry(0, number, ek, when, null, null, user,
                                ek.name().toLowerCase() + ": " + String.format(TEXT[rnd.nextInt(TEXT.length)],
                                        rnd.nextInt(24), users.get(rnd.nextInt(users.size()))),
                                null, false, false, List.of()));
                        continue;
                    }
                    boolean reply = kind == 'r' || kind == 'R';
                    boolean key = kind == 'M' || kind == 'R';
                    String text;
                    String threadTs = null;
                    if (reply) {
                        threadTs = parents.get(parents.size() - 1 - rnd.nextInt(Math.min(300, parents.size())));
                        text = String.format(REPLY[rnd.nextInt(REPLY.length)], rnd.nextInt(60));
                    } else {
                        parents.add(ts);
                        text = String.format(TEXT[rnd.nextInt(TEXT.length)], rnd.nextInt(24),
                                users.get(rnd.nextInt(users.size())));
                    }
                    List<TimelineEntry.SharedFile> files = rnd.nextInt(200) == 0
                            ? List.of(new TimelineEntry.SharedFile("graph-" + k + ".png",
                            "https://acme.slack.com/files/" + user + "/F0" + k + "/graph.png"))
                            : List.of();
                    Instant edited = rnd.nextInt(150) == 0 ? when.plusSeconds(90) : null;
                    boolean deleted = !key && rnd.nextInt(300) == 0;
                    chunk.add(new TimelineEntry(0, number, EntryKind.MESSAGE, when, ts, threadTs, user, text, edited,
                            deleted, key, files));
                }
                storage.run(r -> chunk.forEach(e -> r.timeline().add(e)));
            }
            storage.run(r -> r.timeline().add(new TimelineEntry(0, number, EntryKind.RESOLVED, resolved.plusMillis(1),
                    null, null, users.get(0), "Resolved", null, false, false, List.of())));
            return count(storage, number);
        }
    }

    /** Turns {@code n} random slots of kind {@code from} into kind {@code to}. */
    private static void markKeys(List<Character> kinds, char from, char to, int n, Random rnd) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i) == from) {
                idx.add(i);
            }
        }
        java.util.Collections.shuffle(idx, rnd);
        for (int i = 0; i < Math.min(n, idx.size()); i++) {
            kinds.set(idx.get(i), to);
        }
    }

    private static Summary count(Storage storage, long number) {
        int[] c = new int[3];
        storage.run(r -> r.timeline().forEach(number, e -> {
            c[0]++;
            if (e.isThreadReply()) {
                c[1]++;
            }
            if (e.keyEvent()) {
                c[2]++;
            }
        }));
        int people = storage.transaction(r -> r.participants().list(number).size());
        int followUps = storage.transaction(r -> r.followUps().list(number).size());
        return new Summary(number, c[0], c[1], c[2], people, followUps);
    }
}
