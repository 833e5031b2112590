package io.incidentbot.trackers.seen;

import org.apache.commons.text.similarity.CosineSimilarity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * "Seen before" (issue 22): the up to {@value #LIMIT} past incidents most like a new one, strongest evidence first:
 * <ol>
 *   <li>the same alert group ({@link Reason#SAME_ALERT_GROUP});</li>
 *   <li>the same alert name on the same service ({@link Reason#SAME_ALERT});</li>
 *   <li>a change to the same service before it ({@link Reason#SAME_SERVICE});</li>
 *   <li>similar title and summary ({@link Reason#SIMILAR_TEXT}): the cosine similarity of their word counts
 *       (Apache Commons Text {@link CosineSimilarity}; words lower-cased, common English words dropped) of at
 *       least {@value #TEXT_THRESHOLD}. Below that, nothing is suggested on text alone.</li>
 * </ol>
 * Within a level the more similar text comes first, then the more recent incident. A private past incident is
 * suggested only to a private channel all of whose members may see it (are among its members); never to a public
 * channel. Pure: no I/O, no clock.
 */
public final class SeenBefore {
    /** At most this many suggestions. */
    public static final int LIMIT = 3;
    /**
     * Least cosine similarity of title + summary word counts for a suggestion on text alone. With short texts it
     * means "about half the meaningful words shared": "TLS certificate expired for api gateway" and "Certificate
     * expired on api gateway" score 0.89, "API gateway returning 502" (with its summary) 0.45, while texts of four
     * or more words that share one word ("Grafana dashboards slow to load" and "Checkout page slow") score about 0.2.
     */
    public static final double TEXT_THRESHOLD = 0.35;

    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> STOP = Set.of("a", "an", "the", "on", "in", "for", "of", "to", "and", "or", "is",
            "are", "was", "were", "be", "been", "at", "by", "with", "from", "after", "before", "during", "not", "no", "it",
            "its", "as", "we", "our", "this", "that", "some", "all", "into", "out", "up", "down", "when", "while", "than");
    private static final CosineSimilarity COSINE = new CosineSimilarity();

    /** Why a past incident was suggested, strongest first. */
    public enum Reason {
        SAME_ALERT_GROUP, SAME_ALERT, SAME_SERVICE, SIMILAR_TEXT;

        /** @return why it was suggested, in a reader's words */
        public String words() {
            return switch (this) {
                case SAME_ALERT_GROUP -> "same alert group";
                case SAME_ALERT -> "same alert on the same service";
                case SAME_SERVICE -> "a change to the same service before it";
                case SIMILAR_TEXT -> "similar title and summary";
            };
        }
    }

    /**
     * The new incident.
     *
     * @param number      its number (never suggested to itself)
     * @param title       title
     * @param summary     summary, may be null
     * @param alertGroups alert group keys that declared it or are linked to it
     * @param alerts      {@code alertname|service} of its alerts
     * @param services    services changed in the window before it
     */
    public record Probe(long number, String title, String summary, Set<String> alertGroups, Set<String> alerts,
                        Set<String> services) {
    }

    /**
     * Who will read the suggestions: the new incident's channel.
     *
     * @param privateChannel true for a private channel
     * @param members        its members' Slack user IDs
     */
    public record Audience(boolean privateChannel, Set<String> members) {
    }

    /**
     * One suggestion.
     *
     * @param incident the past incident
     * @param reason   the strongest reason it matched
     * @param text     cosine similarity of the texts, 0..1
     */
    public record Match(PastIncident incident, Reason reason, double text) {
    }

    /**
     * @param probe    the new incident
     * @param audience who will see the suggestions
     * @param past     earlier incidents to compare with (any order)
     * @return up to {@value #LIMIT} matches, best first; empty when nothing is similar enough
     */
    public List<Match> suggest(Probe probe, Audience audience, Collection<PastIncident> past) {
        Map<CharSequence, Integer> words = words(probe.title(), probe.summary());
        List<Match> matches = new ArrayList<>();
        for (PastIncident p : past) {
            if (p.number() == probe.number() || !visible(p, audience)) {
                continue;
            }
            double text = words.isEmpty() ? 0 : COSINE.cosineSimilarity(words, words(p.title(), p.summary()));
            Reason reason = overlaps(probe.alertGroups(), p.alertGroups()) ? Reason.SAME_ALERT_GROUP
                    : overlaps(probe.alerts(), p.alerts()) ? Reason.SAME_ALERT
                    : overlaps(probe.services(), p.services()) ? Reason.SAME_SERVICE
                    : text >= TEXT_THRESHOLD ? Reason.SIMILAR_TEXT : null;
            if (reason != null) {
                matches.add(new Match(p, reason, text));
            }
        }
        matches.sort(Comparator.comparing(Match::reason).thenComparing(Match::text, Comparator.reverseOrder())
                .thenComparing(m -> m.incident().declaredAt(), Comparator.reverseOrder())
                .thenComparing(m -> m.incident().number(), Comparator.reverseOrder()));
        return List.copyOf(matches.subList(0, Math.min(LIMIT, matches.size())));
    }

    /**
     * @return true when everyone in the audience may see {@code p}: a public incident, or a private one shown in a
     *         private channel whose members are all among its members
     */
    public static boolean visible(PastIncident p, Audience audience) {
        if (!p.privateIncident()) {
            return true;
        }
        return audience.privateChannel() && !audience.members().isEmpty() && p.members().containsAll(audience.members());
    }

    private static boolean overlaps(Set<String> a, Set<String> b) {
        if (a == null || b == null) {
            return false;
        }
        for (String s : a) {
            if (b.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** @return word counts of the texts: lower case, split on anything but letters and digits, stop words dropped */
    static Map<CharSequence, Integer> words(String... texts) {
        Map<CharSequence, Integer> counts = new HashMap<>();
        for (String t : texts) {
            if (t == null) {
                continue;
            }
            for (String w : WORDS.split(t.toLowerCase(Locale.ROOT))) {
                if (w.length() > 1 && !STOP.contains(w)) {
                    counts.merge(w, 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
