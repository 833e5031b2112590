package io.incidentbot.trackers.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.model.block.LayoutBlock;
import io.incidentbot.incident.IncidentQueries;
import io.incidentbot.markup.Mentions;
import io.incidentbot.slack.render.FollowUpPosts;
import io.incidentbot.trackers.FollowUpRecord;
import io.incidentbot.trackers.FollowUpState;
import io.incidentbot.trackers.FollowUps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The follow-up buttons ({@link FollowUpPosts}: <em>Done</em>, <em>Won't do</em>, <em>Reopen</em>, <em>Create
 * issue</em>; each {@code value} a follow-up ID) as Bolt {@code block_actions} listeners. The change is committed
 * before the ack; the clicker is told the outcome through the action's {@code response_url} (ephemeral), with the
 * buttons that undo it. Only someone who may see the follow-up's incident may change it (a private incident's
 * current channel members).
 */
public final class FollowUpButtons {
    private static final Logger log = LoggerFactory.getLogger(FollowUpButtons.class);

    private final FollowUps followUps;
    private final IncidentQueries queries;

    private FollowUpButtons(FollowUps followUps, IncidentQueries queries) {
        this.followUps = followUps;
        this.queries = queries;
    }

    /**
     * @param app       the Bolt app
     * @param followUps the follow-up use cases
     * @param queries   who may see which incident
     * @param afterAck  sends the answer after the ack
     */
    public static void register(App app, FollowUps followUps, IncidentQueries queries, Executor afterAck) {
        FollowUpButtons b = new FollowUpButtons(followUps, queries);
        for (String action : List.of(FollowUpPosts.DONE, FollowUpPosts.WONT_DO, FollowUpPosts.REOPEN, FollowUpPosts.CREATE_ISSUE)) {
            app.blockAction(action, (req, ctx) -> {
                var p = req.getPayload();
                String value = p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
                Answer answer = b.click(action, value, p.getUser().getId());
                afterAck.execute(() -> respond(ctx, answer));
                return ctx.ack();
            });
        }
    }

    /** What the clicker is told: text, and the blocks with the next buttons (null for text only). */
    record Answer(String text, List<LayoutBlock> blocks) {
        static Answer say(String text) {
            return new Answer(text, null);
        }
    }

    Answer click(String action, String value, String user) {
        if (!Mentions.isUserId(user)) {
            return Answer.say("That click did not come from a Slack user; nothing was changed.");
        }
        Optional<FollowUpRecord> found = value != null && value.matches("\\d{1,18}")
                ? followUps.find(Long.parseLong(value)) : Optional.empty();
        if (found.isEmpty() || queries.findVisible(found.get().incident(), user).isEmpty()) {
            return Answer.say("You cannot change that follow-up; nothing was changed.");
        }
        long id = found.get().id();
        return switch (action) {
            case FollowUpPosts.DONE -> changed(followUps.set(id, FollowUpState.DONE, user).orElseThrow(), followUps.exports());
            case FollowUpPosts.WONT_DO -> changed(followUps.set(id, FollowUpState.WONT_DO, user).orElseThrow(), followUps.exports());
            case FollowUpPosts.REOPEN -> changed(followUps.set(id, FollowUpState.OPEN, user).orElseThrow(), followUps.exports());
            default -> exported(followUps.export(id, user).orElseThrow());
        };
    }

    private static Answer changed(FollowUps.Change c, boolean trackers) {
        FollowUpRecord f = c.followUp();
        String state = switch (f.state()) {
            case DONE -> "done";
            case WONT_DO -> "won't do";
            case OPEN -> "open";
        };
        String text = (c.changed() ? "Follow-up marked " + state : "That follow-up is " + state + " already")
                + ": " + FollowUpLines.text(f) + (f.link() != null && f.link().url() != null && c.changed()
                ? "\nIts issue " + f.link().url() + " follows." : "");
        return new Answer(text, FollowUpPosts.messageBlocks(f, text, trackers));
    }

    private static Answer exported(FollowUps.Exported e) {
        FollowUpRecord f = e.followUp();
        return Answer.say(switch (e.what()) {
            case NO_TRACKER -> "No tracker is set up, so there is no issue to create (see the trackers' documentation: "
                    + "`INCIDENT_FOLLOWUP_GITHUB_REPO`, `JIRA_URL` or `GITLAB_PROJECT`).";
            case QUEUED -> "Creating the " + f.link().provider() + " issue of: " + FollowUpLines.text(f)
                    + "\n`/incident followups` shows its link once it is made.";
            case PENDING -> "Its " + f.link().provider() + " issue is being created already.";
            case CREATED -> "It has an issue already: " + f.link().url();
        });
    }

    private static void respond(ActionContext ctx, Answer answer) {
        if (ctx.getResponseUrl() == null) {
            log.info("no response_url to tell the user: {}", answer.text());
            return;
        }
        try {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(answer.text()).blocks(answer.blocks()));
        } catch (Exception e) {
            log.warn("could not answer through response_url: {}", e.toString());
        }
    }
}
