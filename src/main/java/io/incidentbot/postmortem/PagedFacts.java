package io.incidentbot.postmortem;

import io.incidentbot.pager.Page;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The Response metrics rows of an incident that was paged (issue 21): <b>Time to acknowledge</b>, from the first
 * page to the first acknowledgement through any pager, and <b>Paged</b>: through which pager, when, by whom, and
 * who acknowledged when.
 */
final class PagedFacts {
    private PagedFacts() {
    }

    /** @return e.g. {@code 3 min} or {@code not acknowledged} */
    static String timeToAcknowledge(List<Page> pages) {
        Instant first = pages.stream().map(Page::firstPagedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant ack = pages.stream().map(Page::firstAcknowledgedAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
        return ack == null ? "not acknowledged" : Times.duration(first, ack);
    }

    /**
     * @param names display names of Slack user IDs
     * @param at    how a time is shown in the draft
     * @return e.g. {@code PagerDuty 03:12 by the severity rule, acknowledged by Ana 03:15; GoAlert 03:12 ...}
     */
    static String paged(List<Page> pages, DisplayNames names, Function<Instant, String> at) {
        StringJoiner s = new StringJoiner("; ");
        for (Page p : pages) {
            StringBuilder b = new StringBuilder(p.pager().displayName()).append(' ').append(at.apply(p.firstPagedAt()));
            b.append(p.pagedBy() == null ? " (severity)" : " by " + person(p.pagedBy(), names));
            if (p.acknowledgedBy() != null) {
                b.append(", acknowledged by ").append(person(p.acknowledgedBy(), names)).append(' ')
                        .append(at.apply(p.acknowledgedAt()));
            } else if (p.error() != null) {
                b.append(", failed: ").append(Md.oneLine(p.error()));
            } else {
                b.append(", not acknowledged");
            }
            s.add(b);
        }
        return s.toString();
    }

    private static String person(String who, DisplayNames names) {
        return who.matches("[UW][A-Z0-9]{2,}") ? names.of(who) : Md.oneLine(who);
    }
}
