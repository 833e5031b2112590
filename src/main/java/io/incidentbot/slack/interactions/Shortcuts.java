package io.incidentbot.slack.interactions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentException;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.slack.http.ErrorMiddleware;
import io.incidentbot.incident.QuotedMessage;
import io.incidentbot.slack.render.Messages;
import io.incidentbot.slack.render.Modals;
import io.incidentbot.timeline.SlackTs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The shortcuts ({@code features.shortcuts} in manifest.yml): global {@code declare_incident} opens the
 * declare modal; message shortcut {@code declare_from_message} opens it pre-filled from the message and,
 * on submit, makes the message the incident's first key event; message shortcut {@code add_to_timeline}
 * makes the message a key event of an open incident the user picks. The message travels in the view's
 * {@code private_metadata} (JSON, text cut so the whole stays under Slack's 3,000 characters).
 */
final class Shortcuts {
    static final String DECLARE = "declare_incident";
    static final String DECLARE_FROM_MESSAGE = "declare_from_message";
    static final String ADD_TO_TIMELINE = "add_to_timeline";
    /** Callback ID of the declare modal opened from a message. */
    static final String DECLARE_FROM_MESSAGE_MODAL = "incident_declare_from_message";
    private static final Logger log = LoggerFactory.getLogger(Shortcuts.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Shortcuts() {
    }

    /** @param names what the process file calls severities (issue 25), in the add-to-timeline picker's options */
    static void register(App app, IncidentService incidents, Executor afterAck, io.incidentbot.slack.render.Names names) {
        app.globalShortcut(DECLARE, (req, ctx) -> {
            String trigger = req.getPayload().getTriggerId();
            afterAck.execute(() -> open(ctx.client(), trigger, DeclareModal.build(null)));
            return ctx.ack();
        });
        app.messageShortcut(DECLARE_FROM_MESSAGE, (req, ctx) -> {
            var p = req.getPayload();
            QuotedMessage m = message(p);
            String text = m.text() == null ? "" : m.text();
            String title = text.strip().lines().findFirst().orElse("");
            View view = DeclareModal.build(DECLARE_FROM_MESSAGE_MODAL, metadata(m), null, title, text);
            afterAck.execute(() -> open(ctx.client(), p.getTriggerId(), view));
            return ctx.ack();
        });
        app.viewSubmission(DECLARE_FROM_MESSAGE_MODAL, (req, ctx) -> {
            var view = req.getPayload().getView();
            String user = req.getPayload().getUser().getId();
            DeclareModal.Submission s = DeclareModal.read(view.getState(), user, null);
            if (!s.errors().isEmpty()) {
                return ctx.ack(r -> r.responseAction("errors").errors(s.errors()));
            }
            Incident inc = incidents.declare(s.declaration(), s.invite(), s.usergroups());
            read(view.getPrivateMetadata()).ifPresent(m -> incidents.addKeyEvent(inc.number(), m, user));
            return ctx.ack();
        });
        app.messageShortcut(ADD_TO_TIMELINE, (req, ctx) -> {
            var p = req.getPayload();
            View view = Modals.addToTimeline(incidents.queries().listOpenVisibleTo(p.getUser().getId()), metadata(message(p)), names);
            afterAck.execute(() -> open(ctx.client(), p.getTriggerId(), view));
            return ctx.ack();
        });
        app.viewSubmission(Modals.ADD_TO_TIMELINE, (req, ctx) -> {
            var view = req.getPayload().getView();
            String user = req.getPayload().getUser().getId();
            Optional<Long> n = Buttons.incidentNumber(new Values(view.getState()).selected(Modals.INCIDENT));
            Optional<QuotedMessage> m = read(view.getPrivateMetadata());
            if (n.isEmpty() || m.isEmpty()) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(Modals.INCIDENT, "Pick an incident.")));
            }
            try {
                incidents.addKeyEvent(n.get(), m.get(), user);
            } catch (IncidentException e) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(Modals.INCIDENT, ErrorMiddleware.words(e))));
            }
            return ctx.ack();
        });
    }

    private static QuotedMessage message(com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload p) {
        String ts = p.getMessageTs() != null ? p.getMessageTs() : p.getMessage().getTs();
        String author = p.getMessage() == null ? null : p.getMessage().getUser();
        String text = p.getMessage() == null ? null : p.getMessage().getText();
        return new QuotedMessage(p.getChannel().getId(), ts, SlackTs.toInstant(ts), author, text);
    }

    /** @return the message as JSON, its text cut until the whole fits Slack's 3,000 characters */
    static String metadata(QuotedMessage m) {
        String text = m.text() == null ? "" : m.text();
        int max = 2500;
        while (true) {
            try {
                String json = JSON.writeValueAsString(Map.of("c", m.channel(), "ts", m.ts(),
                        "u", m.author() == null ? "" : m.author(), "t", Messages.truncate(text, max)));
                if (json.length() <= Modals.MAX_METADATA) {
                    return json;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            max = max / 2;
        }
    }

    static Optional<QuotedMessage> read(String metadata) {
        try {
            var n = JSON.readTree(metadata == null ? "" : metadata);
            if (n == null || !n.hasNonNull("c") || !n.hasNonNull("ts")) {
                return Optional.empty();
            }
            String ts = n.get("ts").asText();
            String u = n.path("u").asText("");
            return Optional.of(new QuotedMessage(n.get("c").asText(), ts, SlackTs.toInstant(ts), u.isEmpty() ? null : u,
                    n.path("t").asText("")));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static void open(com.slack.api.methods.MethodsClient client, String triggerId, View view) {
        try {
            var r = client.viewsOpen(req -> req.triggerId(triggerId).view(view));
            if (!r.isOk()) {
                log.error("views.open for {} failed: {}", view.getCallbackId(), r.getError());
            }
        } catch (Exception e) {
            log.error("views.open for {} failed: {}", view.getCallbackId(), e.toString());
        }
    }
}
