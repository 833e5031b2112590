package io.incidentbot.slack.render;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;

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
     * @param text     the message (Slack mrkdwn)
     * @param followUp the follow-up's ID
     * @param open     true for <em>Done</em>, <em>Won't do</em>, <em>Create issue</em>; false for <em>Reopen</em>
     * @return a section with the text and the buttons
     */
    public static List<LayoutBlock> blocks(String text, long followUp, boolean open) {
        String id = String.valueOf(followUp);
        List<BlockElement> buttons = open
                ? List.of(Header.button(DONE, "Done", id, "primary"), Header.button(WONT_DO, "Won't do", id, null),
                Header.button(CREATE_ISSUE, "Create issue", id, null))
                : List.of(Header.button(REOPEN, "Reopen", id, null));
        return List.of(section(s -> s.text(markdownText(Messages.truncate(text, 3000)))),
                actions(a -> a.blockId(ACTIONS_BLOCK).elements(buttons)));
    }
}
