package io.incidentbot.slack.http;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentException;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.NotAnIncidentChannelException;
import io.incidentbot.markup.Mentions;
import io.incidentbot.slack.interactions.DeclareModal;
import io.incidentbot.slack.render.Names;
import io.incidentbot.slack.render.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The one place errors become answers. A refused request ({@link IncidentException}) gets its
 * sentence; any other exception is logged and the user gets an ephemeral "something went wrong,
 * incident N is unchanged" answer with status 200, never a stack trace. For Events API requests an
 * unexpected exception answers 500 so that Slack redelivers the event (nothing was stored).
 */
public final class ErrorMiddleware implements Middleware {
    private static final Logger log = LoggerFactory.getLogger(ErrorMiddleware.class);
    private final IncidentService incidents;
    private final Names names;

    /**
     * @param incidents the use cases, to name the incident an unexpected error left unchanged
     * @param names     what the process file calls severities and roles (issue 25), for refusals that name them
     */
    public ErrorMiddleware(IncidentService incidents, Names names) {
        this.incidents = incidents;
        this.names = names;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) {
        try {
            return chain.next(req);
        } catch (IncidentException e) {
            return req.getRequestType() == RequestType.ViewSubmission ? modalError(words(e, names)) : ephemeral(words(e, names));
        } catch (Exception e) {
            boolean outage = io.incidentbot.store.StorageUnavailableException.in(e); // logged once by the storage
            if (req.getRequestType() == RequestType.Event) {
                if (!outage) {
                    log.error("event handling failed; answering 500 so Slack redelivers it", e);
                }
                return Response.builder().statusCode(500).contentType("text/plain").body("event not processed").build();
            }
            if (!outage) {
                log.error("{} request failed", req.getRequestType(), e);
            }
            return somethingWentWrong(req.getRequestType(), unchanged(req));
        }
    }

    /**
     * @param type      the request's type
     * @param unchanged what is unchanged, e.g. {@code "; nothing was changed"}
     * @return the 200 answer to a request that failed on our side: the declare modal's error under its title, or an
     *         ephemeral "something went wrong" saying what is unchanged
     */
    static Response somethingWentWrong(RequestType type, String unchanged) {
        if (type == RequestType.ViewSubmission) {
            return modalError("Something went wrong on my side; nothing was declared. Please try again.");
        }
        return ephemeral(":warning: Something went wrong on my side" + unchanged
                + ". Please try again; if it keeps failing, an admin can find the error in the bot's logs.");
    }

    /**
     * @return the sentence telling the user why the domain refused (Slack mrkdwn); refusals without
     *         their own wording here (e.g. an unknown incident number) say their message
     */
    public static String words(IncidentException e) {
        return words(e, Names.CODES);
    }

    /**
     * @param names what the process file calls severities and roles (issue 25): {@code Incident 4 is already SEV2 Major.},
     *              {@code @bob is already Incident commander of incident 4.}
     * @return as {@link #words(IncidentException)}, naming severities and roles as the file does
     */
    public static String words(IncidentException e, Names names) {
        if (e instanceof NotAnIncidentChannelException n) {
            return "`/incident " + n.operation() + "` must be run in an incident channel. "
                    + "Use `/incident list` to find one, or `/incident declare` to open one.";
        } else if (e instanceof IncidentException.TitleBlank) {
            return "An incident needs a title: `/incident declare [sev1-4] <title>`.";
        } else if (e instanceof IncidentException.TitleTooLong t) {
            return "That title is " + t.length() + " characters long; keep it under " + Declaration.MAX_TITLE
                    + " and put the details in the summary.";
        } else if (e instanceof IncidentException.AlreadyInStatus a) {
            return "Incident " + a.incident() + " is already " + a.status().label() + ".";
        } else if (e instanceof IncidentException.AlreadySeverity a) {
            return "Incident " + a.incident() + " is already " + names.severity(a.severity()) + ".";
        } else if (e instanceof io.incidentbot.incident.ChannelRecoveryRefused c
                && c.reason() == io.incidentbot.incident.ChannelRecoveryRefused.Reason.HAS_CHANNEL
                && c.operation().equals("cancel")) {
            return "Incident " + c.incident() + " has its channel; run commands there (`/incident resolve`).";
        } else if (e instanceof IncidentException.AlreadyInRole a) {
            return Mentions.of(a.user()) + " is already " + names.role(a.role()) + " of incident " + a.incident() + ".";
        }
        return e.getMessage();
    }

    private String unchanged(Request<?> req) {
        if (!(req instanceof SlashCommandRequest cmd)) {
            return "; nothing was changed";
        }
        try {
            Optional<Incident> inc = incidents.queries().findByChannel(cmd.getPayload().getChannelId());
            return inc.map(i -> "; incident " + i.number() + " is unchanged").orElse("; nothing was changed");
        } catch (RuntimeException e) {
            return "; nothing was changed";
        }
    }

    /** @return a 200 answer that keeps the declare modal open with {@code text} under its title field */
    static Response modalError(String text) {
        return Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON)
                .body(Replies.modalErrors(DeclareModal.TITLE, text)).build();
    }

    /** @return a 200 answer showing {@code text} only to the requester */
    static Response ephemeral(String text) {
        return Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON)
                .body(Replies.ephemeral(text)).build();
    }
}
