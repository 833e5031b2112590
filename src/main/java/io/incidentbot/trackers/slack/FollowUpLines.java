package io.incidentbot.trackers.slack;

import io.incidentbot.slack.render.Messages;
import io.incidentbot.slack.render.UserText;
import io.incidentbot.trackers.FollowUpRecord;
import io.incidentbot.trackers.TrackerLink;

import java.time.LocalDate;

/**
 * How a follow-up is shown in Slack (issue 22): two short lines for a phone, the text and then its state, owner,
 * due date (with "overdue"), priority and tracker link, e.g.
 * <pre>
 * • #12 (incident 4) add an alert on queue depth
 *     open · &lt;@U123&gt; · due 2026-12-20 overdue · P2 · &lt;https://github.com/acme/ops/issues/3|acme/ops#3&gt;
 * </pre>
 */
public final class FollowUpLines {
    /** Longest follow-up text shown in a list, in characters. */
    static final int MAX_TEXT = 120;

    private FollowUpLines() {
    }

    /** @return the follow-up's text, inert (no mentions fire) and cut to {@value #MAX_TEXT} characters */
    static String text(FollowUpRecord f) {
        return UserText.inert(Messages.truncate(f.text(), MAX_TEXT));
    }

    /**
     * @param f     the follow-up
     * @param today the calendar day now, in {@code INCIDENT_TIMEZONE}, for "overdue"
     * @return its two lines (Slack mrkdwn)
     */
    public static String line(FollowUpRecord f, LocalDate today) {
        StringBuilder s = new StringBuilder("• #").append(f.id()).append(" (incident ").append(f.incident()).append(") ")
                .append(text(f)).append("\n      ").append(f.state().word().replace('_', ' '));
        if (f.ownerId() != null) {
            s.append(" · <@").append(f.ownerId()).append('>');
        }
        if (f.due() != null) {
            s.append(" · due ").append(f.due()).append(f.overdue(today) ? " *overdue*" : "");
        }
        if (f.priority() != null) {
            s.append(" · P").append(f.priority());
        }
        TrackerLink link = f.link();
        if (link != null) {
            s.append(" · ").append(switch (link.status()) {
                case CREATED -> "<" + link.url() + "|" + UserText.inert(link.key()) + ">";
                case PENDING -> link.provider() + " issue being created";
                case FAILED -> link.provider() + " refused: " + UserText.inert(Messages.truncate(link.error(), 200))
                        + " (press *Create issue* or `/incident followups retry " + f.id() + "` to try again)";
            });
        }
        return s.toString();
    }
}
