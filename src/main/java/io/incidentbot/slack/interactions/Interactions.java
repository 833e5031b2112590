package io.incidentbot.slack.interactions;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.reminders.ReminderService;
import io.incidentbot.slack.render.Header;
import io.incidentbot.slack.render.Modals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Registers the interactive surface on the Bolt app: the header's buttons and their modals, the
 * reminder buttons, the shortcuts, the App Home tab, and a middleware that answers 200 (with a debug
 * line) to interactivity payload types or IDs the bot has no listener for, where Bolt would answer 404.
 */
public final class Interactions {
    private static final Logger log = LoggerFactory.getLogger(Interactions.class);
    private static final Set<RequestType> INTERACTIVE = Set.of(RequestType.BlockAction, RequestType.ViewSubmission,
            RequestType.ViewClosed, RequestType.GlobalShortcut, RequestType.MessageShortcut,
            RequestType.BlockSuggestion, RequestType.AttachmentAction, RequestType.DialogSubmission,
            RequestType.DialogCancellation, RequestType.DialogSuggestion, RequestType.WorkflowStepEdit,
            RequestType.WorkflowStepSave);

    private Interactions() {
    }

    /**
     * @param app       the Bolt app
     * @param incidents the use cases every button and modal calls
     * @param reminders snooze
     * @param homeTabs  the App Home tab publisher
     * @param announced true when status updates also go to an announcement channel
     * @param afterAck  runs {@code views.open} right after the ack
     * @param statusPage the status page's use cases when publishing is on (its button and modals), else null
     * @param today     the calendar day now in {@code INCIDENT_TIMEZONE} (the Add follow-up form refuses an earlier due date)
     * @param confirm   what the Resolve modal must have confirmed (the process file's checklist), or {@link ResolveConfirmation#NONE}
     * @param names     what the process file calls severities and roles (issue 25), for the Severity and Roles forms,
     *                  the Severity form's note and refusal and the add-to-timeline picker; {@code Names.CODES} without one
     */
    public static void register(App app, IncidentService incidents, ReminderService reminders, HomeTabs homeTabs,
                                boolean announced, Executor afterAck, io.incidentbot.statuspage.StatusPageService statusPage,
                                java.util.function.Supplier<java.time.LocalDate> today, ResolveConfirmation confirm,
                                io.incidentbot.slack.render.Names names) {
        app.use((req, resp, chain) -> {
            Response r = chain.next(req);
            if (r.getStatusCode() == 404 && INTERACTIVE.contains(req.getRequestType())) {
                log.debug("no listener for {} payload; answering 200", req.getRequestType());
                return Response.ok();
            }
            return r;
        });
        for (OpenModalButton b : List.of(
                new OpenModalButton(Header.STATUS, Modals::status),
                new OpenModalButton(Header.SEVERITY, i -> Modals.severity(i, names)),
                new OpenModalButton(Header.ROLES, i -> Modals.roles(i, names)),
                new OpenModalButton(Header.UPDATE, i -> io.incidentbot.statuspage.slack.PublicUpdateField.add(Modals.update(i, announced), i, statusPage)),
                new OpenModalButton(Header.FOLLOW_UP, Modals::followUp),
                new OpenModalButton(Header.RESOLVE, i -> io.incidentbot.statuspage.slack.PublicUpdateField.addResolution(confirm.add(Modals.resolve(i), i), i, statusPage)))) {
            b.register(app, incidents, afterAck);
        }
        for (IncidentSubmission s : List.of(new StatusSubmission(incidents), new SeveritySubmission(incidents, names),
                new RolesSubmission(incidents), TextSubmission.update(incidents, statusPage), TextSubmission.followUp(incidents, today),
                new ResolveSubmission(incidents, statusPage, confirm))) {
            s.register(app);
        }
        for (DirectButton b : List.of(new ReopenButton(incidents), new PostmortemButton(incidents),
                new TakeLeadButton(incidents), new SnoozeButton(incidents, reminders))) {
            b.register(app, afterAck);
        }
        io.incidentbot.statuspage.slack.StatusPageInteractions.register(app, incidents, statusPage, afterAck);
        Shortcuts.register(app, incidents, afterAck, names);
        homeTabs.register(app, afterAck);
    }
}
