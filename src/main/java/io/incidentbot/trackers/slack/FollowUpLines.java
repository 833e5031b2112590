package io.incidentbot.trackers.slack;

import io.incidentbot.slack.render.FollowUpPosts;
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
                case FAILED -> FollowUpPosts.refusal(link, f.id());
            });
        }
        return s.toString();
    }

    /** Most of the user's follow-ups on the App Home. */
    static final int HOME_SHOWN = 10;

    /**
     * Adds "Your open follow-ups" with their due dates to an App Home view's blocks, after its first two (the title
     * and the Declare button), when the view keeps within Slack's 100 blocks.
     *
     * @param blocks the view's blocks, changed
     * @param mine   the user's open follow-ups, soonest due first
     * @param today  the calendar day now, for overdue
     */
    public static void home(java.util.List<com.slack.api.model.block.LayoutBlock> blocks, java.util.List<FollowUpRecord> mine,
                            LocalDate today) {
        if (mine.isEmpty() || blocks.size() + 2 > 100) {
            return;
        }
        String lines = mine.stream().limit(HOME_SHOWN).map(f -> line(f, today)).collect(java.util.stream.Collectors.joining("\n"))
                + (mine.size() > HOME_SHOWN ? "\n…and " + (mine.size() - HOME_SHOWN) + " more: `/incident followups mine`" : "");
        int at = Math.min(2, blocks.size());
        blocks.add(at, com.slack.api.model.block.Blocks.section(s -> s.text(
                com.slack.api.model.block.composition.BlockCompositions.markdownText(Messages.truncate(lines, Messages.MAX_SECTION)))));
        blocks.add(at, com.slack.api.model.block.Blocks.section(s -> s.text(
                com.slack.api.model.block.composition.BlockCompositions.markdownText("*Your open follow-ups* (" + mine.size() + ")"))));
    }
}
