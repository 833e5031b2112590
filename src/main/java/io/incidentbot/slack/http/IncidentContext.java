package io.incidentbot.slack.http;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.slack.commands.Routes;
import io.incidentbot.slack.commands.Subcommand;
import io.incidentbot.slack.render.Modals;
import org.slf4j.MDC;

import java.util.Optional;

/**
 * Bolt middleware, before the error middleware: puts the number of the incident a slash command or an
 * interaction concerns in the {@code incident} MDC field while Bolt handles it, so every line logged
 * meanwhile (an unexpected error's included) names it, and takes it out afterwards. Which incident:
 * <ul>
 *   <li>a command: the number it names ({@code retry 12}), else, for a subcommand that runs in an incident
 *       channel, that channel's incident ({@link Routes#concerns});</li>
 *   <li>a button or a message shortcut: the incident whose channel the message is in (header and reminder
 *       buttons are posted there); a Home tab button concerns none;</li>
 *   <li>a header modal's submission: the incident number in its {@code private_metadata}.</li>
 * </ul>
 * Events API requests are left to the timeline capture middleware, which knows the channel's incident.
 * Work handed to another thread after the ack ({@code views.open}) does not carry the field. A failed
 * lookup leaves the field unset and the request goes on.
 */
public final class IncidentContext implements Middleware {
    /** The MDC field. */
    public static final String FIELD = "incident";

    private final IncidentService incidents;
    private final Routes routes;

    /**
     * @param incidents finds a channel's incident
     * @param routes    the {@code /incident} routing table, which knows which subcommand names an incident
     */
    public IncidentContext(IncidentService incidents, Routes routes) {
        this.incidents = incidents;
        this.routes = routes;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        Optional<Long> incident;
        try {
            incident = concerns(req);
        } catch (RuntimeException e) {
            incident = Optional.empty();
        }
        if (incident.isEmpty()) {
            return chain.next(req);
        }
        String previous = MDC.get(FIELD);
        MDC.put(FIELD, String.valueOf(incident.get()));
        try {
            return chain.next(req);
        } finally {
            if (previous == null) {
                MDC.remove(FIELD);
            } else {
                MDC.put(FIELD, previous);
            }
        }
    }

    private Optional<Long> concerns(Request<?> req) {
        if (req instanceof SlashCommandRequest c) {
            var p = c.getPayload();
            return routes.concerns(new Subcommand.Invocation(p.getText(), p.getUserId(), p.getChannelId(),
                    p.getResponseUrl()));
        }
        if (req instanceof BlockActionRequest b) {
            var p = b.getPayload();
            String channel = p.getChannel() != null ? p.getChannel().getId()
                    : p.getContainer() != null ? p.getContainer().getChannelId() : null;
            return ofChannel(channel);
        }
        if (req instanceof MessageShortcutRequest m) {
            var p = m.getPayload();
            return ofChannel(p.getChannel() == null ? null : p.getChannel().getId());
        }
        if (req instanceof ViewSubmissionRequest v) {
            var view = v.getPayload().getView();
            if (view != null && Modals.OF_AN_INCIDENT.contains(view.getCallbackId())
                    && view.getPrivateMetadata() != null && view.getPrivateMetadata().matches("\\d{1,12}")) {
                return Optional.of(Long.parseLong(view.getPrivateMetadata()));
            }
        }
        return Optional.empty();
    }

    private Optional<Long> ofChannel(String channel) {
        return channel == null || channel.isBlank() ? Optional.empty()
                : incidents.queries().findByChannel(channel).map(Incident::number);
    }
}
