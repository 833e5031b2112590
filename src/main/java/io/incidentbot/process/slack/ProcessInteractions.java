package io.incidentbot.process.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.model.view.View;
import io.incidentbot.incident.Incident;
import io.incidentbot.process.IncidentType;
import io.incidentbot.process.ProcessService;
import io.incidentbot.slack.interactions.DeclareModal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;

/**
 * The process file's interactive surface on the Bolt app: the typed declare modal's type and severity selectors
 * ({@code block_actions} from {@code dispatch_action} inputs, answered after the ack with {@code views.update} of
 * the same view, its {@code hash} guarding against a newer change) and its {@code view_submission} (errors back
 * into the modal with {@code response_action: errors}, else the declare with the type and field values), and the
 * checklist's checkboxes ({@link ChecklistInteractions}).
 */
public final class ProcessInteractions {
    private static final Logger log = LoggerFactory.getLogger(ProcessInteractions.class);

    private ProcessInteractions() {
    }

    /**
     * @param app      the Bolt app
     * @param process  the process use cases, or null when no process file is set (nothing is registered)
     * @param afterAck runs {@code views.update} right after the ack
     */
    public static void register(App app, ProcessService process, Executor afterAck) {
        if (process == null) {
            return;
        }
        for (String action : new String[] {TypedDeclareModal.TYPE, TypedDeclareModal.SEVERITY}) {
            app.blockAction(action, (req, ctx) -> {
                View view = req.getPayload().getView();
                if (view == null || !TypedDeclareModal.CALLBACK_ID.equals(view.getCallbackId())) {
                    return ctx.ack();
                }
                TypedDeclareModal.Submission s = TypedDeclareModal.read(process.process(), view.getState(), req.getPayload().getUser().getId());
                View next = DeclareModal.keepInvites(TypedDeclareModal.build(process.process(), s.type(),
                        action.equals(TypedDeclareModal.TYPE) ? null : TypedDeclareModal.severity(view.getState()),
                        TypedDeclareModal.text(view.getState(), DeclareModal.TITLE), TypedDeclareModal.text(view.getState(), "summary"),
                        TypedDeclareModal.typed(view.getState(), s.type()), TypedDeclareModal.privateTicked(view.getState())), view.getState());
                afterAck.execute(() -> update(ctx, view, next));
                return ctx.ack();
            });
        }
        FieldsForm.register(app, process, afterAck);
        ChecklistInteractions.register(app, process.process(), process.checklists());
        app.viewSubmission(TypedDeclareModal.CALLBACK_ID, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            TypedDeclareModal.Submission s = TypedDeclareModal.read(process.process(), req.getPayload().getView().getState(), user);
            if (!s.errors().isEmpty()) {
                return ctx.ack(r -> r.responseAction("errors").errors(s.errors()));
            }
            Incident incident = process.declare(s.declaration(), s.type(), s.fields(), s.invite(), s.usergroups());
            log.info("incident {} of type {} declared from the modal", incident.number(), s.type().name());
            return ctx.ack();
        });
    }

    private static void update(ActionContext ctx, View current, View next) {
        try {
            var r = ctx.client().viewsUpdate(u -> u.viewId(current.getId()).hash(current.getHash()).view(next));
            if (!r.isOk()) {
                log.warn("views.update of the declare modal failed: {}", r.getError());
            }
        } catch (Exception e) {
            log.warn("views.update of the declare modal failed: {}", e.toString());
        }
    }

    /** @return the type a {@code /incident declare} with no title shows first */
    static IncidentType firstType(ProcessService process) {
        return process.process().defaultType();
    }
}
