package io.incidentbot.slack.jobs;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.web.SlackCalls;
import io.incidentbot.markup.Mentions;
import io.incidentbot.slack.render.Messages;
import io.incidentbot.slack.render.UserText;

/**
 * A message made a key event from another channel: {@code chat.getPermalink} (no scope needed; the
 * bot must be able to read the channel), the permalink added to its timeline entry, then the quote
 * ({@code chat.postMessage}) in the incident channel. Without a permalink (e.g. {@code channel_not_found}
 * for a channel the bot cannot read) the quote is posted without the link.
 */
public final class QuoteJob implements KindHandler<SlackJob.Quote> {
    private final MethodsClient client;
    private final Posts posts;
    private final Deliveries deliveries;

    /** @param deliveries records the permalink on the timeline entry */
    public QuoteJob(MethodsClient client, Posts posts, Deliveries deliveries) {
        this.client = client;
        this.posts = posts;
        this.deliveries = deliveries;
    }

    @Override
    public Outcome deliver(OutboxJob job, Incident incident, SlackJob.Quote q) {
        SlackCalls.Result<ChatGetPermalinkResponse> link = SlackCalls.run("chat.getPermalink",
                () -> client.chatGetPermalink(req -> req.channel(q.channel()).messageTs(q.ts())));
        String permalink = link.ok() ? link.response().getPermalink() : null;
        String quoted = "> " + Messages.truncate(q.text() == null ? "" : UserText.inert(q.text()), 2800).replace("\n", "\n> ");
        String text = ":pushpin: Key event from " + (q.author() == null ? "a bot" : Mentions.of(q.author()))
                + " in <#" + q.channel() + ">" + (permalink == null ? "" : " (<" + permalink + "|original>)") + ":\n" + quoted;
        SlackCalls.Result<String> posted = posts.postOnce(job, incident.channelId(), text, null);
        if (posted.failure() != null) {
            return posted.failure();
        }
        if (permalink != null) {
            deliveries.quotedPermalink(q.entryId(), permalink);
        }
        return Outcome.done();
    }
}
