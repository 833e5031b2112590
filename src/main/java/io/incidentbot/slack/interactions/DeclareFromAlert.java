package io.incidentbot.slack.interactions;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import io.incidentbot.slack.jobs.AlertDeliveries;
import io.incidentbot.alerts.AlertService;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentException;
import io.incidentbot.slack.http.ErrorMiddleware;
import io.incidentbot.slack.render.AlertPosts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The alert group message's <b>Declare incident</b> button ({@code action_id}
 * {@value AlertPosts#DECLARE_ACTION}, value the group ID): acks at once, then opens the declare modal
 * ({@code views.open}, the trigger ID is valid for 3 s) with the group's title filled in and the group ID
 * in its {@code private_metadata}. Its submission ({@code callback_id} {@value #CALLBACK_ID}) declares the
 * incident linked to the group ({@link AlertService#declareFrom}): the group's alerts become its alerts and
 * key events, and later notifications of the group go to its timeline instead of the alerts channel; the people
 * and user groups picked in its invite fields are invited as from every declare form (issue 25).
 */
public final class DeclareFromAlert {
    /** The modal's {@code callback_id}. */
    public static final String CALLBACK_ID = "incident_declare_from_alert";
    private static final Logger log = LoggerFactory.getLogger(DeclareFromAlert.class);

    private DeclareFromAlert() {
    }

    /**
     * Registers the block action and the modal's submission.
     *
     * @param app      the Bolt app
     * @param alerts   reads the group's title
     * @param declare  declares an incident linked to the group
     * @param afterAck runs the {@code views.open} right after the ack
     */
    public static void register(App app, AlertDeliveries alerts, AlertService declare, Executor afterAck) {
        app.blockAction(AlertPosts.DECLARE_ACTION, (req, ctx) -> {
            var p = req.getPayload();
            Optional<Long> group = groupId(p.getActions() == null || p.getActions().isEmpty() ? null
                    : p.getActions().get(0).getValue());
            String title = group.flatMap(alerts::title).orElse("");
            View view = modal(group.orElse(null), title);
            String triggerId = p.getTriggerId();
            MethodsClient client = ctx.client();
            afterAck.execute(() -> open(client, triggerId, view));
            return ctx.ack();
        });
        app.viewSubmission(CALLBACK_ID, (req, ctx) -> {
            var view = req.getPayload().getView();
            DeclareModal.Submission s = DeclareModal.read(view.getState(), req.getPayload().getUser().getId(), null);
            if (!s.errors().isEmpty()) {
                return ctx.ack(r -> r.responseAction("errors").errors(s.errors()));
            }
            Optional<Long> group = groupId(view.getPrivateMetadata());
            try {
                Incident inc = declare.declareFrom(group.orElse(null), s.declaration(), s.invite(), s.usergroups());
                log.info("incident {} declared from alert group {}", inc.number(), group.orElse(null));
            } catch (IncidentException e) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(DeclareModal.TITLE,
                        ErrorMiddleware.words(e))));
            }
            return ctx.ack();
        });
    }

    /**
     * @param groupId the alert group's ID, kept in {@code private_metadata}; null for none
     * @param title   the title filled in (cut to the title's limit)
     * @return the declare modal opened from an alert group's message
     */
    public static View modal(Long groupId, String title) {
        return DeclareModal.build(CALLBACK_ID, groupId == null ? null : String.valueOf(groupId),
                null, title == null || title.isBlank() ? null : title, null);
    }

    /** @return the group ID a button value or {@code private_metadata} carries, if it is one */
    static Optional<Long> groupId(String value) {
        return value != null && value.matches("\\d{1,18}") ? Optional.of(Long.parseLong(value)) : Optional.empty();
    }

    private static void open(MethodsClient client, String triggerId, View view) {
        try {
            ViewsOpenResponse r = client.viewsOpen(req -> req.triggerId(triggerId).view(view));
            if (!r.isOk()) {
                log.error("views.open for declare_from_alert failed: {}", r.getError());
            }
        } catch (Exception e) {
            log.error("views.open for declare_from_alert failed: {}", e.toString());
        }
    }
}
