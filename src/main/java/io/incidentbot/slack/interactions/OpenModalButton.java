package io.incidentbot.slack.interactions;

import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;

import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A header (or reminder) button that opens a modal pre-filled from the incident: the button's value
 * names the incident, which must be visible to the clicker (a private incident's buttons do nothing
 * for anyone else but say so); the ack goes first, {@code views.open} right after.
 */
public final class OpenModalButton {
    private final String actionId;
    private final Function<Incident, View> modal;

    /**
     * @param actionId the button's {@code action_id}
     * @param modal    the modal for the incident as it is now
     */
    public OpenModalButton(String actionId, Function<Incident, View> modal) {
        this.actionId = actionId;
        this.modal = modal;
    }

    /**
     * Listens for the button's {@code block_actions}: acks at once, then {@code views.open} with the modal, or an
     * ephemeral refusal when the clicker may not see the incident.
     */
    public void register(App app, IncidentService incidents, Executor afterAck) {
        app.blockAction(actionId, (req, ctx) -> {
            var p = req.getPayload();
            String user = p.getUser().getId();
            String value = p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
            Incident incident = Buttons.incidentNumber(value).flatMap(n -> incidents.queries().findVisible(n, user)).orElse(null);
            if (incident == null) {
                afterAck.execute(() -> Buttons.respond(ctx, "You cannot change that incident; nothing was changed."));
                return ctx.ack();
            }
            Buttons.openModal(afterAck, ctx, p.getTriggerId(), modal.apply(incident));
            return ctx.ack();
        });
    }
}
