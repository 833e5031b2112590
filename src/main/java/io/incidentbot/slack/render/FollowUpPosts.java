package io.incidentbot.slack.render;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.markup.Mentions;
import io.incidentbot.trackers.FollowUpRecord;
import io.incidentbot.trackers.FollowUpState;
import io.incidentbot.trackers.FollowUpStateChange;
import io.incidentbot.trackers.TrackerLink;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * The buttons of a follow-up (issue 22): on each follow-up's message in the incident channel, in an overdue
 * follow-up's reminder DM and in the answers to a click. Each button's {@code value} is the follow-up's ID.
 */
public final class FollowUpPosts {
    /** Marks the follow-up done. */
    public static final String DONE = "follow_up_done";
    /** Marks it won't do. */
    public static final String WONT_DO = "follow_up_wont_do";
    /** Reopens a closed one. */
    public static final String REOPEN = "follow_up_reopen";
    /** Asks for its tracker issue (or offers a refused one again). */
    public static final String CREATE_ISSUE = "follow_up_create_issue";
    /** The {@code block_id} of the buttons' actions block. */
    public static final String ACTIONS_BLOCK = "follow_up_actions";

    private FollowUpPosts() {
    }

    /**
     * @param text        the message (Slack mrkdwn)
     * @param followUp    the follow-up's ID
     * @param open        true for <em>Done</em>, <em>Won't do</em> (and <em>Create issue</em>); false for <em>Reopen</em>
     * @param createIssue false leaves <em>Create issue</em> out (no tracker is set up, or the issue exists already)
     * @return a section with the text and the buttons
     */
    public static List<LayoutBlock> blocks(String text, long followUp, boolean open, boolean createIssue) {
        String id = String.valueOf(followUp);
        List<BlockElement> buttons = new ArrayList<>();
        if (open) {
            buttons.add(Header.button(DONE, "Done", id, "primary"));
            buttons.add(Header.button(WONT_DO, "Won't do", id, null));
            if (createIssue) {
                buttons.add(Header.button(CREATE_ISSUE, "Create issue", id, null));
            }
        } else {
            buttons.add(Header.button(REOPEN, "Reopen", id, null));
        }
        return List.of(section(s -> s.text(markdownText(Messages.truncate(text, 3000)))),
                actions(a -> a.blockId(ACTIONS_BLOCK).elements(buttons)));
    }

    /**
     * A follow-up's own channel message as it is now (issue 22): the line it was posted with
     * ({@link ChannelPosts#post} of its {@link IncidentEvent.FollowUpRecorded}), then, once it was closed or
     * reopened, its state with who and when (in the reader's zone), and its tracker issue (or the tracker's refusal,
     * {@link #refusal}), e.g.
     * <pre>
     * :clipboard: Follow-up recorded by &lt;@U1&gt;: add an alert (owner &lt;@U2&gt;)
     * :white_check_mark: *Done* · &lt;@U2&gt; · &lt;!date^1764237600^{date_short_pretty} {time}|2026-11-27 10:00 UTC&gt; · &lt;https://github.com/o/r/issues/3|o/r#3&gt;
     * </pre>
     *
     * @param f    the follow-up now
     * @param last its latest close or reopen, or null when it never changed
     * @return the message text (Slack mrkdwn)
     */
    public static String message(FollowUpRecord f, FollowUpStateChange last) {
        StringBuilder s = new StringBuilder(ChannelPosts.post(new IncidentEvent.FollowUpRecorded(f.incident(),
                f.createdBy(), f.id(), f.text(), f.ownerId(), f.createdAt())));
        List<String> parts = new ArrayList<>();
        if (last != null) {
            parts.add(switch (f.state()) {
                case DONE -> ":white_check_mark: *Done*";
                case WONT_DO -> ":no_entry_sign: *Won't do*";
                case OPEN -> ":arrows_counterclockwise: *Reopened*";
            });
            parts.add("tracker".equals(last.source()) ? "`" + UserText.inert(last.by()) + "` in the tracker"
                    : Mentions.of(last.by()));
            parts.add(Slack.date(last.at()));
        }
        TrackerLink link = f.link();
        if (link != null && link.status() == TrackerLink.Status.CREATED) {
            parts.add("<" + link.url() + "|" + UserText.inert(link.key()) + ">");
        } else if (link != null && link.status() == TrackerLink.Status.PENDING) {
            parts.add(link.provider() + " issue being created");
        } else if (link != null && link.status() == TrackerLink.Status.FAILED) {
            parts.add(":warning: " + refusal(link, f.id()));
        }
        if (!parts.isEmpty()) {
            s.append('\n').append(String.join(" · ", parts));
        }
        return s.toString();
    }

    /**
     * How a tracker's refusal for good is shown (issue 22), on the follow-up's message and in
     * {@code /incident followups}, e.g. {@code github refused: GitHub 401: Bad credentials (press *Create issue* or
     * `/incident followups retry 7` to try again)}.
     *
     * @param link     the follow-up's {@link TrackerLink.Status#FAILED} export, with the tracker's error
     * @param followUp the follow-up's ID
     * @return the line (Slack mrkdwn; the error inert and cut to 200 characters)
     */
    public static String refusal(TrackerLink link, long followUp) {
        return link.provider() + " refused: " + UserText.inert(Messages.truncate(link.error(), 200))
                + " (press *Create issue* or `/incident followups retry " + followUp + "` to try again)";
    }

    /**
     * @param f        the follow-up now
     * @param text     its {@link #message}
     * @param trackers true when a tracker is set up
     * @return the message's blocks: <em>Reopen</em> when closed, else <em>Done</em>, <em>Won't do</em> and (with a
     *         tracker, while it has no issue) <em>Create issue</em>
     */
    public static List<LayoutBlock> messageBlocks(FollowUpRecord f, String text, boolean trackers) {
        return blocks(text, f.id(), f.state() == FollowUpState.OPEN, trackers
                && (f.link() == null || f.link().status() == TrackerLink.Status.FAILED));
    }
}
