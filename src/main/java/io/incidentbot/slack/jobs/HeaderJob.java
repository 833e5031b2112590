package io.incidentbot.slack.jobs;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.model.block.LayoutBlock;
import io.incidentbot.incident.Incident;
import java.util.List;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.web.SlackCalls;
import io.incidentbot.slack.render.Messages;
import com.slack.api.methods.response.pins.PinsAddResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The header message: {@code chat.postMessage} the first time (its {@code ts} is stored), {@code chat.update}
 * after, and only when the rendered header (fallback text and Block Kit) differs from what was last sent.
 * After the first post the header is pinned ({@code pins.add}, scope {@code pins:write}) so its buttons do
 * not scroll away; {@code already_pinned} counts as pinned, a refusal (e.g. {@code missing_scope} on an install
 * from before 0.2) is logged once and the header stays unpinned, a transient failure is retried with the job.
 */
public final class HeaderJob implements KindHandler<SlackJob.SyncHeader> {
    private static final Logger log = LoggerFactory.getLogger(HeaderJob.class);
    private static final String PIN = "pin";
    private final MethodsClient client;
    private final Posts posts;
    private final Deliveries deliveries;
    private final boolean publish;
    private final PerIncident extra;

    /** @param deliveries records the header's {@code ts} after the first post */
    public HeaderJob(MethodsClient client, Posts posts, Deliveries deliveries) {
        this(client, posts, deliveries, false);
    }

    /** @param publish true when the status page is on (the header shows <em>Publish to status page</em>) */
    public HeaderJob(MethodsClient client, Posts posts, Deliveries deliveries, boolean publish) {
        this(client, posts, deliveries, publish, PerIncident.NONE);
    }

    /** @param extra what an integration adds to the header of an incident as it is now (read when delivering) */
    public HeaderJob(MethodsClient client, Posts posts, Deliveries deliveries, boolean publish, PerIncident extra) {
        this.extra = extra;
        this.publish = publish;
        this.client = client;
        this.posts = posts;
        this.deliveries = deliveries;
    }

    @Override
    public Outcome deliver(OutboxJob job, Incident incident, SlackJob.SyncHeader payload) {
        io.incidentbot.slack.render.Names names = extra.names();
        String text = Messages.headerText(incident, names);
        List<LayoutBlock> blocks = io.incidentbot.slack.render.Header.blocks(incident,
                deliveries.lastStatusUpdate(incident.number()), publish, deliveries.pages(incident.number()), extra.header(incident),
                deliveries.impactStarted(incident.number()).orElse(null), names);
        String rendered = text + "\n" + blocks;
        if (incident.headerTs() == null) {
            SlackCalls.Result<String> r = posts.postOnce(job, incident.channelId(), text, blocks);
            if (r.failure() != null) {
                return r.failure();
            }
            deliveries.headerPosted(incident.number(), r.response());
            deliveries.sent(incident.number(), "header", rendered);
            return pin(incident.number(), incident.channelId(), r.response());
        }
        Outcome pinned = pin(incident.number(), incident.channelId(), incident.headerTs());
        if (pinned.type() != Outcome.Type.DONE) {
            return pinned;
        }
        if (deliveries.lastSent(incident.number(), "header").filter(rendered::equals).isPresent()) {
            return Outcome.done();
        }
        SlackCalls.Result<ChatUpdateResponse> r = SlackCalls.run("chat.update",
                () -> client.chatUpdate(req -> req.channel(incident.channelId()).ts(incident.headerTs())
                        .text(io.incidentbot.slack.render.UserText.outgoing(text)).blocks(blocks)));
        if (!r.ok()) {
            return SlackCalls.failed("chat.update", r);
        }
        deliveries.sent(incident.number(), "header", rendered);
        return Outcome.done();
    }

    /** Pins the header once ({@code pins.add}); remembered as the delivery {@code "pin"}. */
    private Outcome pin(long number, String channel, String ts) {
        if (deliveries.lastSent(number, PIN).isPresent()) {
            return Outcome.done();
        }
        SlackCalls.Result<PinsAddResponse> r = SlackCalls.run("pins.add",
                () -> client.pinsAdd(req -> req.channel(channel).timestamp(ts)));
        if (r.ok() || "already_pinned".equals(r.error())) {
            deliveries.sent(number, PIN, ts);
            return Outcome.done();
        }
        Outcome failed = SlackCalls.failed("pins.add", r);
        if (failed.type() == Outcome.Type.RETRY) {
            return failed;
        }
        log.warn("pins.add for the header of incident {} refused ({}); the header stays unpinned", number, r.error());
        deliveries.sent(number, PIN, "refused: " + r.error());
        return Outcome.done();
    }
}
