package io.incidentbot.slack.render;

import io.incidentbot.markup.Mentions;
import io.incidentbot.pager.Page;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The header's paging line (issue 21), a pure function of the incident's stored pages: per pager when it was paged
 * and, once acknowledged, by whom and when ({@code <!date^...>} tokens, shown in the reader's zone), e.g.
 * ":pager: Paged PagerDuty 03:12 · acknowledged by Ana Oncall 03:15"; a page that failed for good shows the
 * pager's error instead, a resolved page says so.
 */
public final class PageLines {
    private PageLines() {
    }

    /** @return the line in Slack mrkdwn, empty when the incident was never paged */
    public static Optional<String> line(List<Page> pages) {
        if (pages == null || pages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(":pager: " + pages.stream().map(PageLines::one).collect(Collectors.joining("; ")));
    }

    private static String one(Page p) {
        String pager = p.pager().displayName();
        if (p.error() != null) {
            return "*Page to " + pager + " failed*: " + Messages.escape(p.error()) + " (`/incident page retry`)";
        }
        StringBuilder b = new StringBuilder("*Paged* ").append(pager).append(' ').append(Slack.date(p.pagedAt()));
        if (p.state() == Page.State.RESOLVED) {
            b.append(" · resolved");
        } else if (p.acknowledgedAt() != null && p.state() == Page.State.ACKNOWLEDGED) {
            String by = p.acknowledgedBy() == null ? "someone" : p.acknowledgedBy();
            b.append(" · acknowledged by ").append(Mentions.isUserId(by) ? Mentions.of(by) : Messages.escape(by))
                    .append(' ').append(Slack.date(p.acknowledgedAt()));
        }
        return b.toString();
    }
}
