package io.incidentbot.pager;

import com.slack.api.bolt.App;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Transactions;
import io.incidentbot.slack.interactions.Buttons;
import io.incidentbot.slack.render.Header;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The header's <b>Page on-call</b> button ({@link Header#PAGE}) and its modal ({@link PageModal}), issue 21: the
 * click opens the modal ({@code views.open} after the ack) for an incident the clicker can see, or tells them why not
 * (no pager set up: {@link PageCommand#NO_PAGER}); the submission pages through the chosen pagers with the same use
 * case as {@code /incident page [message]} ({@link PageCommand#page}), once per submission, recorded with who paged.
 * A refusal in the form comes back under its field ({@code response_action: errors}) and pages nobody.
 */
public final class PageOncallButton {
    private PageOncallButton() {
    }

    /**
     * @param app          the Bolt app
     * @param incidents    finds the incident and checks the clicker may see it
     * @param transactions runs the page
     * @param pager        the pager integration
     * @param afterAck     runs {@code views.open} and the answers right after the ack
     */
    public static void register(App app, IncidentService incidents, Transactions transactions, PagerIntegration pager,
                                Executor afterAck) {
        PageCommand command = new PageCommand(transactions, pager);
        app.blockAction(Header.PAGE, (req, ctx) -> {
            var p = req.getPayload();
            String user = p.getUser().getId();
            String value = p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
            Optional<Incident> incident = Buttons.incidentNumber(value).flatMap(n -> incidents.queries().findVisible(n, user));
            if (incident.isEmpty() || !pager.planner().enabled()) {
                String refusal = incident.isEmpty() ? "You cannot page for that incident; nobody was paged." : PageCommand.NO_PAGER;
                afterAck.execute(() -> Buttons.respond(ctx, refusal));
                return ctx.ack();
            }
            Buttons.openModal(afterAck, ctx, p.getTriggerId(), PageModal.of(incident.get(), pager.planner().pagers()));
            return ctx.ack();
        });
        app.viewSubmission(PageModal.CALLBACK_ID, (req, ctx) -> {
            var view = req.getPayload().getView();
            String user = req.getPayload().getUser().getId();
            if (!pager.planner().enabled()) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(PageModal.MESSAGE, PageCommand.NO_PAGER)));
            }
            PageModal.Submission s = PageModal.read(view.getState(), view.getPrivateMetadata(), pager.planner().pagers());
            if (!s.errors().isEmpty()) {
                return ctx.ack(r -> r.responseAction("errors").errors(s.errors()));
            }
            Optional<Incident> incident = s.incident() < 0 ? Optional.empty() : incidents.queries().findVisible(s.incident(), user);
            if (incident.isEmpty()) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(PageModal.MESSAGE,
                        "This incident does not exist or you cannot see it; nobody was paged.")));
            }
            transactions.run(work -> command.page(work, incident.get().number(), user, s.message(), false, s.pagers()));
            return ctx.ack();
        });
    }
}
