package io.incidentbot.statuspage.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.slack.interactions.Buttons;
import io.incidentbot.slack.render.Header;
import io.incidentbot.statuspage.StatusPageException;
import io.incidentbot.statuspage.StatusPageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The status page's interactive surface on the Bolt app: the header's <em>Publish to status page</em> button
 * ({@link Header#PUBLISH}, opens the {@link PublishModal}, or its update form once the incident is on the page), and
 * the submissions of the publish, update and maintenance modals.
 * A refusal comes back into the modal under its field ({@code response_action: errors}); nothing is written then.
 */
public final class StatusPageInteractions {
    private static final Logger log = LoggerFactory.getLogger(StatusPageInteractions.class);

    private StatusPageInteractions() {
    }

    /**
     * @param app        the Bolt app
     * @param incidents  finds the incident and checks the submitter may see it
     * @param statusPage the status page's use cases, or null when publishing is off (nothing is registered)
     * @param afterAck   runs {@code views.open} right after the ack
     */
    public static void register(App app, IncidentService incidents, StatusPageService statusPage, Executor afterAck) {
        if (statusPage == null) {
            return;
        }
        app.blockAction(Header.PUBLISH, (req, ctx) -> {
            var p = req.getPayload();
            String user = p.getUser().getId();
            String value = p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
            Optional<Incident> incident = Buttons.incidentNumber(value).flatMap(n -> incidents.queries().findVisible(n, user));
            Optional<String> refusal = incident.isEmpty() ? Optional.of("You cannot publish that incident; nothing was published.")
                    : PublishCommand.refusal(incident.get(), statusPage);
            if (refusal.isPresent()) {
                String text = refusal.get();
                afterAck.execute(() -> Buttons.respond(ctx, text));
                return ctx.ack();
            }
            View modal = PublishCommand.modal(incident.get(), statusPage);
            Buttons.openModal(afterAck, ctx, p.getTriggerId(), modal);
            return ctx.ack();
        });
        app.viewSubmission(PublishModal.CALLBACK_ID, (req, ctx) -> submit(req, ctx, incidents, (number, p, user) -> {
            statusPage.publish(number, p, user);
            log.info("incident {} published to the status page", number);
        }));
        app.viewSubmission(PublishModal.UPDATE_CALLBACK_ID, (req, ctx) -> submit(req, ctx, incidents, (number, p, user) ->
                statusPage.update(number, p.status(), p.message(), p.components(), user)));
        app.viewSubmission(MaintenanceModal.CALLBACK_ID, (req, ctx) -> {
            var view = req.getPayload().getView();
            String user = req.getPayload().getUser().getId();
            MaintenanceModal.Submission s = MaintenanceModal.read(view.getState(), statusPage.clock().instant());
            if (!s.errors().isEmpty()) {
                return ctx.ack(r -> r.responseAction("errors").errors(s.errors()));
            }
            try {
                statusPage.scheduleMaintenance(s.name(), s.message(), s.start(), s.end(), s.components(), user);
            } catch (StatusPageException e) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(MaintenanceModal.MESSAGE, e.getMessage())));
            }
            return ctx.ack();
        });
    }

    /** What a valid submission of the publish or update form does; throws {@link StatusPageException} to refuse. */
    private interface Apply {
        void apply(long incident, StatusPageService.Publication publication, String user);
    }

    private static com.slack.api.bolt.response.Response submit(com.slack.api.bolt.request.builtin.ViewSubmissionRequest req,
            com.slack.api.bolt.context.builtin.ViewSubmissionContext ctx, IncidentService incidents,
            Apply apply) {
        var view = req.getPayload().getView();
        String user = req.getPayload().getUser().getId();
        PublishModal.Submission s = PublishModal.read(view.getState(), view.getPrivateMetadata());
        if (!s.errors().isEmpty()) {
            return ctx.ack(r -> r.responseAction("errors").errors(s.errors()));
        }
        Optional<Incident> incident = s.incident() < 0 ? Optional.empty() : incidents.queries().findVisible(s.incident(), user);
        if (incident.isEmpty()) {
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(PublishModal.MESSAGE,
                    "This incident does not exist or you cannot see it; nothing was published.")));
        }
        try {
            apply.apply(incident.get().number(), s.publication(), user);
        } catch (StatusPageException e) {
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(PublishModal.MESSAGE, e.getMessage())));
        }
        return ctx.ack();
    }
}
