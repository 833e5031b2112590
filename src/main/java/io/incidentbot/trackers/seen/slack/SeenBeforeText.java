package io.incidentbot.trackers.seen.slack;

import io.incidentbot.slack.render.Messages;
import io.incidentbot.trackers.FollowUpRecord;
import io.incidentbot.trackers.seen.PastIncident;
import io.incidentbot.trackers.seen.SeenBefore;
import io.incidentbot.trackers.slack.FollowUpLines;

import java.time.LocalDate;
import java.util.List;

/**
 * The "seen before" message posted in a new incident's channel (issue 22), a pure function of the matches, e.g.
 * <pre>
 * :repeat: *Seen before*: 1 earlier incident looks like this one.
 * *Incident 12: Payments down* · SEV2 · &lt;!date^...&gt; · resolved in 2 h 30 min · same alert group
 *       &lt;#C0123&gt; · &lt;https://...|postmortem draft&gt;
 *       Open follow-ups (1):
 * • #5 (incident 12) add a PSP timeout alert
 *       open · &lt;@U2&gt; · due 2026-12-20 · &lt;https://github.com/acme/ops/issues/3|acme/ops#3&gt;
 * </pre>
 * Titles are escaped and follow-ups shown as {@code /incident followups} shows them ({@link FollowUpLines}).
 */
public final class SeenBeforeText {
    /** Most open follow-ups listed per past incident; the rest are counted. */
    static final int FOLLOW_UPS_SHOWN = 5;

    private SeenBeforeText() {
    }

    /**
     * @param matches the suggestions, best first (not empty)
     * @param today   the calendar day now in {@code INCIDENT_TIMEZONE}, for "overdue"
     * @return the message (Slack mrkdwn), within Slack's 40,000 characters
     */
    public static String render(List<SeenBefore.Match> matches, LocalDate today) {
        StringBuilder s = new StringBuilder(":repeat: *Seen before*: ").append(matches.size())
                .append(matches.size() == 1 ? " earlier incident looks" : " earlier incidents look").append(" like this one.");
        for (SeenBefore.Match m : matches) {
            PastIncident p = m.incident();
            s.append("\n\n*Incident ").append(p.number()).append(": ").append(Messages.escape(p.title())).append("* · ")
                    .append(p.severity().name()).append(" · ").append(Messages.when(p.declaredAt())).append(" · ")
                    .append(p.timeToResolve() == null ? "still open" : "resolved in " + Messages.duration(p.timeToResolve()))
                    .append(" · ").append(m.reason().words());
            String links = links(p);
            if (!links.isEmpty()) {
                s.append("\n      ").append(links);
            }
            List<FollowUpRecord> open = p.openFollowUps();
            if (open.isEmpty()) {
                s.append("\n      No open follow-ups.");
                continue;
            }
            s.append("\n      Open follow-ups (").append(open.size()).append("):");
            open.stream().limit(FOLLOW_UPS_SHOWN).forEach(f -> s.append('\n').append(FollowUpLines.line(f, today)));
            if (open.size() > FOLLOW_UPS_SHOWN) {
                s.append("\n…and ").append(open.size() - FOLLOW_UPS_SHOWN).append(" more: `/incident followups ")
                        .append(p.number()).append('`');
            }
        }
        return Messages.truncate(s.toString(), 39_000);
    }

    private static String links(PastIncident p) {
        String channel = p.channelId() == null ? "" : "<#" + p.channelId() + ">";
        String draft = p.postmortemUrl() == null ? "" : "<" + p.postmortemUrl() + "|postmortem draft>";
        return channel.isEmpty() || draft.isEmpty() ? channel + draft : channel + " · " + draft;
    }
}
