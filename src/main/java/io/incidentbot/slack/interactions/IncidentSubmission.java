package io.incidentbot.slack.interactions;

import com.slack.api.bolt.App;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentException;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.slack.http.ErrorMiddleware;

import java.util.Map;

/**
 * The submission of one of the header's modals ({@code view_submission}). The incident is the one
 * named in the view's {@code private_metadata}, looked up again and checked to be visible to the
 * submitter; {@link #apply} then calls the same {@link IncidentService} use case as the subcommand.
 * A refusal comes back into the modal through {@code response_action: errors}.
 */
abstract class IncidentSubmission {
    protected final IncidentService incidents;

    IncidentSubmission(IncidentService incidents) {
        this.incidents = incidents;
    }

    /** @return the view's {@code callback_id} */
    abstract String callbackId();

    /** @return the block that shows a refusal of the use case */
    abstract String errorBlock();

    /**
     * Validates and applies the submission.
     *
     * @param incident the incident, visible to {@code userId}, with a channel
     * @return block ID to error message; empty when applied
     * @throws IncidentException when the use case refuses
     */
    abstract Map<String, String> apply(Incident incident, Values values, String userId);

    /** @return why the use case refused, as the modal shows it under {@link #errorBlock()} */
    String refusal(IncidentException e) {
        return ErrorMiddleware.words(e);
    }

    final void register(App app) {
        app.viewSubmission(callbackId(), (req, ctx) -> {
            var view = req.getPayload().getView();
            String user = req.getPayload().getUser().getId();
            Incident incident = Buttons.incidentNumber(view.getPrivateMetadata())
                    .flatMap(n -> incidents.queries().findVisible(n, user)).filter(i -> i.channelId() != null).orElse(null);
            if (!io.incidentbot.markup.Mentions.isUserId(user)) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(errorBlock(),
                        "This form did not come from a Slack user; nothing was changed.")));
            }
            if (incident == null) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(errorBlock(),
                        "This incident does not exist or you cannot see it; nothing was changed.")));
            }
            Map<String, String> errors;
            try {
                errors = apply(incident, new Values(view.getState()), user);
            } catch (IncidentException e) {
                errors = Map.of(errorBlock(), refusal(e));
            } catch (Values.NotAUser e) {
                errors = Map.of(e.block(), e.getMessage());
            }
            if (!errors.isEmpty()) {
                Map<String, String> shown = errors;
                return ctx.ack(r -> r.responseAction("errors").errors(shown));
            }
            return ctx.ack();
        });
    }
}
