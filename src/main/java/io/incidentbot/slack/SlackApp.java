package io.incidentbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.Slack;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.slack.commands.Routes;
import io.incidentbot.slack.commands.Subcommand;
import io.incidentbot.slack.http.ErrorMiddleware;
import io.incidentbot.slack.http.IncidentContext;
import io.incidentbot.slack.interactions.DeclareModal;
import io.incidentbot.slack.web.BotIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Builds the Bolt app: the {@code /incident} slash command, the declare modal's submission, the
 * Events API listeners, and the middlewares (bot identity, the {@code incident} log field, errors).
 */
public final class SlackApp {
    private static final Logger log = LoggerFactory.getLogger(SlackApp.class);

    private SlackApp() {
    }

    /**
     * @param slack         SDK instance pointed at the Web API base URL
     * @param botToken      {@code xoxb-...}
     * @param identity      the bot's identity middleware
     * @param zone          time zone for times shown in Slack ({@code INCIDENT_TIMEZONE})
     * @param afterAck      runs Web API calls that must follow an ack at once ({@code views.open})
     * @param events        registers the Events API listeners
     * @param subcommands   integrations' {@code /incident} subcommands ({@link Routes#standard(IncidentService, Clock, java.time.ZoneId, List)})
     * @param names         what the process file calls severities and roles (issue 25), for refusals that name them
     *                      ({@code Incident 4 is already SEV2 Major.}); {@code Names.CODES} without one
     * @return the app, not yet started
     */
    public static App build(Slack slack, String botToken, BotIdentity identity,
                            IncidentService incidents, Clock clock, java.time.ZoneId zone, Executor afterAck,
                            java.util.function.Consumer<App> events,
                            List<java.util.function.Function<Routes, Subcommand>> subcommands,
                            io.incidentbot.slack.render.Names names) {
        // Bolt's own request verification is off: HttpFrontEnd checks every HTTP request's signature
        // once, before Bolt sees it, and also refuses future timestamps, which Bolt accepts. Socket
        // Mode has no signatures (the socket itself is authenticated).
        AppConfig config = AppConfig.builder().slack(slack).singleTeamBotToken(botToken)
                .requestVerificationEnabled(false).sslCheckEnabled(false).build();
        Routes command = Routes.standard(incidents, clock, zone, subcommands);
        List<Middleware> middlewares = new ArrayList<>();
        middlewares.add(identity);
        // Before the error middleware, so that an unexpected error's log line names the incident too.
        middlewares.add(new IncidentContext(incidents, command));
        middlewares.add(new ErrorMiddleware(incidents, names));
        App app = new App(config, middlewares);

        app.command("/incident", (req, ctx) -> {
            var p = req.getPayload();
            Subcommand.Reply reply = command.run(new Subcommand.Invocation(p.getText(), p.getUserId(),
                    p.getChannelId(), p.getResponseUrl()));
            if (reply.openModal()) {
                String triggerId = p.getTriggerId();
                String responseUrl = p.getResponseUrl();
                io.incidentbot.incident.Severity severity = reply.modalSeverity();
                afterAck.execute(() -> openModal(slack, ctx.client(), triggerId, responseUrl, severity));
                return ctx.ack();
            }
            if (reply.modal() != null) {
                String triggerId = p.getTriggerId();
                afterAck.execute(() -> openView(ctx.client(), triggerId, reply.modal()));
                return ctx.ack();
            }
            return ctx.ack(reply.text());
        });

        app.viewSubmission(DeclareModal.CALLBACK_ID, (req, ctx) -> {
            var view = req.getPayload().getView();
            DeclareModal.Submission s = DeclareModal.read(view.getState(), req.getPayload().getUser().getId(),
                    view.getPrivateMetadata());
            if (!s.errors().isEmpty()) {
                return ctx.ack(r -> r.responseAction("errors").errors(s.errors()));
            }
            Incident inc = incidents.declare(s.declaration(), s.invite(), s.usergroups());
            log.info("incident {} declared from the modal", inc.number());
            return ctx.ack();
        });

        events.accept(app);
        return app;
    }

    /** {@code views.open} of a subcommand's modal with the command's trigger ID (valid 3 s); a failure is logged. */
    private static void openView(com.slack.api.methods.MethodsClient client, String triggerId, com.slack.api.model.view.View view) {
        try {
            ViewsOpenResponse r = client.viewsOpen(req -> req.triggerId(triggerId).view(view));
            if (!r.isOk()) {
                log.error("views.open for {} failed: {}", view.getCallbackId(), r.getError());
            }
        } catch (Exception e) {
            log.error("views.open for {} failed: {}", view.getCallbackId(), e.toString());
        }
    }

    /**
     * {@code views.open} with the command's trigger ID (valid for 3 seconds, so not through the
     * outbox); when it fails, the user is told through the {@code response_url} how to declare by text.
     */
    private static void openModal(Slack slack, com.slack.api.methods.MethodsClient client, String triggerId,
                                  String responseUrl, io.incidentbot.incident.Severity severity) {
        String error;
        try {
            ViewsOpenResponse r = client.viewsOpen(req -> req.triggerId(triggerId).view(DeclareModal.build(DeclareModal.CALLBACK_ID,
                    responseUrl, severity, null, null)));
            if (r.isOk()) {
                return;
            }
            error = r.getError();
        } catch (Exception e) {
            error = e.getClass().getSimpleName();
        }
        log.error("views.open failed: {}", error);
        if (responseUrl != null) {
            try {
                slack.send(responseUrl, io.incidentbot.slack.render.Replies.ephemeral(
                        ":warning: I could not open the declare form (Slack answered `" + error + "`). "
                                + "Declare with `/incident declare [sev1-4] <title>` instead."));
            } catch (java.io.IOException e) {
                log.error("could not tell the user that views.open failed: {}", e.toString());
            }
        }
    }
}
