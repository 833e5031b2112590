package io.incidentbot.slack.jobs;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.model.block.LayoutBlock;
import io.incidentbot.incident.Incident;
import java.util.List;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.SlackCalls;
import io.incidentbot.slack.render.Messages;

/**
 * The header message: {@code chat.postMessage} the first time (its {@code ts} is stored), {@code chat.update}
 * after, and only when the rendered header (fallback text and Block Kit) differs from what was last sent.
 */
public final class HeaderJob implements KindHandler<SlackJob.SyncHeader> {
    private final MethodsClient client;
    private final Posts posts;
    private final Deliveries deliveries;
    private final boolean publish;

    /** @param deliveries records the header's {@code ts} after the first post */
    public HeaderJob(MethodsClient client, Posts posts, Deliveries deliveries) {
        this(client, posts, deliveries, false);
    }

    /** @param publish true when the status page is on (the header shows <em>Publish to status page</em>) */
    public HeaderJob(MethodsClient client, Posts posts, Deliveries deliveries, boolean publish) {
        this.publish = publish;
        this.client = client;
        this.posts = posts;
        this.deliveries = deliveries;
    }

    @Override
    public Outcome deliver(OutboxJob job, Incident incident, SlackJob.SyncHeader payload) {
        String text = Messages.headerText(incident);
        List<LayoutBlock> blocks = io.incidentbot.slack.render.Header.blocks(incident,
                deliveries.lastStatusUpdate(incident.number()), publish);
        String rendered = text + "\n" + blocks;
        if (incident.headerTs() == null) {
            SlackCalls.Result<String> r = posts.postOnce(job, incident.channelId(), text, blocks);
            if (r.failure() != null) {
                return r.failure();
            }
            deliveries.headerPosted(incident.number(), r.response());
            deliveries.sent(incident.number(), "header", rendered);
            return Outcome.done();
        }
        if (deliveries.lastSent(incident.number(), "header").filter(rendered::equals).isPresent()) {
            return Outcome.done();
        }
        SlackCalls.Result<ChatUpdateResponse> r = SlackCalls.run("chat.update",
                () -> client.chatUpdate(req -> req.channel(incident.channelId()).ts(incident.headerTs())
                        .text(text).blocks(blocks)));
        if (!r.ok()) {
            return SlackCalls.failed("chat.update", r);
        }
        deliveries.sent(incident.number(), "header", rendered);
        return Outcome.done();
    }
}
