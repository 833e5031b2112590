package io.incidentbot.slack.interactions;

import com.slack.api.bolt.App;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentException;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.slack.http.ErrorMiddleware;

import java.util.concurrent.Executor;

/**
 * A button that runs its use case at once, without a modal (Reopen, Postmortem, Snooze, I'll lead):
 * the incident named by the button's value, visible to the clicker; the change is committed before
 * the ack and the clicker is told the outcome through the {@code response_url}.
 */
abstract class DirectButton {
    protected final IncidentService incidents;

    DirectButton(IncidentService incidents) {
        this.incidents = incidents;
    }

    /** @return the button's {@code action_id} */
    abstract String actionId();

    /**
     * Runs the use case.
     *
     * @return what to tell the clicker (Slack mrkdwn)
     * @throws IncidentException when the use case refuses
     */
    abstract String run(Incident incident, String userId);

    final void register(App app, Executor afterAck) {
        app.blockAction(actionId(), (req, ctx) -> {
            var p = req.getPayload();
            String user = p.getUser().getId();
            String value = p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
            Incident incident = Buttons.incidentNumber(value).flatMap(n -> incidents.queries().findVisible(n, user))
                    .filter(i -> i.channelId() != null).orElse(null);
            String answer;
            if (!io.incidentbot.markup.Mentions.isUserId(user)) {
                answer = "That click did not come from a Slack user; nothing was changed.";
            } else if (incident == null) {
                answer = "You cannot change that incident; nothing was changed.";
            } else {
                try {
                    answer = run(incident, user);
                } catch (IncidentException e) {
                    answer = ErrorMiddleware.words(e);
                }
            }
            String said = answer;
            afterAck.execute(() -> Buttons.respond(ctx, said));
            return ctx.ack();
        });
    }
}
