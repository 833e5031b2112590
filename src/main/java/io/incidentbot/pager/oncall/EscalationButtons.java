package io.incidentbot.pager.oncall;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.Transactions;
import io.incidentbot.markup.Mentions;
import io.incidentbot.pager.PagerKind;
import io.incidentbot.slack.jobs.SlackJob;
import io.incidentbot.slack.jobs.SlackJobs;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * The buttons of the Slack escalation's direct messages ({@link EscalationDms}); the value is the incident number.
 * <ul>
 *   <li><b>Acknowledge</b>: acknowledges the incident's Slack page once (the first click wins), stops the escalation
 *       for everyone, changes the direct messages sent to "Acknowledged by @user, no action needed", writes "Acknowledged by @user (Slack)" to the timeline and records an
 *       {@link IncidentEvent.PageChanged} that posts the line, refreshes the header and invites the acknowledger;</li>
 *   <li><b>Join channel</b>: invites the clicker to the incident channel ({@code conversations.invite} job).</li>
 * </ul>
 * The change commits before the ack; the clicker is told the outcome through the {@code response_url}.
 */
public final class EscalationButtons {
    private static final Logger log = LoggerFactory.getLogger(EscalationButtons.class);

    private EscalationButtons() {
    }

    /**
     * @param escalation the Slack escalation, or null when the bot does not escalate in Slack (nothing is registered)
     */
    public static void register(App app, Transactions transactions, SlackEscalation escalation, Executor afterAck) {
        if (escalation == null) {
            return;
        }
        button(app, EscalationDms.ACKNOWLEDGE, afterAck, (n, user) -> transactions.run(work -> {
            var r = work.repositories();
            Optional<Incident> inc = r.incidents().find(n);
            if (inc.isEmpty() || !r.pages().acknowledged(n, PagerKind.SLACK, user, work.now())) {
                return "Incident " + n + "'s page is already acknowledged or resolved; nothing was changed.";
            }
            SlackEscalation.acknowledged(r, n, "<@" + user + ">", work.now());
            String text = "Acknowledged by " + TimelineEntry.userToken(user) + " (Slack)";
            r.timeline().add(new TimelineEntry(0, n, EntryKind.PAGE, work.now(), null, null, user, text, null, false, true,
                    List.of()));
            work.record(new IncidentEvent.PageChanged(n, user, text, user, false, work.now()));
            return "Acknowledged: the escalation stopped for everyone" + channel(inc.get(), ", and you are invited to ") + ".";
        }));
        button(app, EscalationDms.JOIN, afterAck, (n, user) -> transactions.run(work -> {
            Optional<Incident> inc = work.repositories().incidents().find(n);
            if (inc.isEmpty()) {
                return "There is no incident " + n + ".";
            }
            SlackJobs.enqueue(work.repositories().outbox(), n, new SlackJob.Invite(List.of(user), null), work.now());
            return "Inviting you" + channel(inc.get(), " to ") + ".";
        }));
    }

    private static String channel(Incident i, String prefix) {
        return i.channelId() == null ? "" : prefix + "<#" + i.channelId() + ">";
    }

    private static void button(App app, String actionId, Executor afterAck, BiFunction<Long, String, String> run) {
        app.blockAction(actionId, (req, ctx) -> {
            var p = req.getPayload();
            String user = p.getUser() == null ? null : p.getUser().getId();
            String value = p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
            String answer;
            if (!Mentions.isUserId(user) || value == null || !value.matches("[1-9][0-9]{0,17}")) {
                answer = "That click did not name an incident; nothing was changed.";
            } else {
                answer = run.apply(Long.parseLong(value), user);
            }
            afterAck.execute(() -> respond(ctx, answer));
            return ctx.ack();
        });
    }

    private static void respond(ActionContext ctx, String text) {
        try {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
        } catch (Exception e) {
            log.warn("could not answer an escalation button click", e);
        }
    }
}
