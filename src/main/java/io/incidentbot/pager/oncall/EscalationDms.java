package io.incidentbot.pager.oncall;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.Transactions;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.JobRoutes;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.jobs.Posts;
import io.incidentbot.pager.Page;
import io.incidentbot.pager.PageDelivery;
import io.incidentbot.pager.PagerKind;
import io.incidentbot.slack.web.SlackCalls;
import io.incidentbot.slack.render.Messages;
import io.incidentbot.slack.render.UserText;
import io.incidentbot.store.Storage;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * Sends the Slack escalation's direct messages ({@link EscalationDm} jobs): {@code chat.postMessage} in the app's DM
 * with the recipient (opened with {@code conversations.open}; scopes {@code chat:write}, {@code im:write}), at most
 * once ({@link #deliver}), with the incident, severity, a link to the
 * channel and two buttons, <b>Acknowledge</b> ({@value #ACKNOWLEDGE}) and <b>Join channel</b> ({@value #JOIN}),
 * whose value is the incident number ({@link EscalationButtons}). A message due after the page was acknowledged or
 * resolved, or the incident resolved, is dropped. A private incident's message names no title. Each message sent is
 * remembered ({@link EscalationDm#SENT}), and withdrawn when the page is acknowledged or the incident resolves
 * ({@link #withdraw}). A message waits up to {@link #CHANNEL_WAIT} for the incident's channel, to link it. Each is
 * also a {@link EntryKind#PAGE} timeline entry and a line in the incident channel ("Escalation step 2: messaged
 * &lt;@U..&gt;", an {@link IncidentEvent.PageChanged}), written once per job.
 */
public final class EscalationDms {
    /** Action ID of the <b>Acknowledge</b> button. */
    public static final String ACKNOWLEDGE = "page_acknowledge";
    /** Action ID of the <b>Join channel</b> button. */
    public static final String JOIN = "page_join";
    private static final Logger log = LoggerFactory.getLogger(EscalationDms.class);
    /** {@code chat.update} errors that mean the message is gone: nothing to withdraw. */
    private static final java.util.Set<String> GONE = java.util.Set.of("message_not_found", "channel_not_found",
            "cant_update_message");

    /**
     * How long a message waits for the incident's channel (created right after the declare) so that it can link it;
     * after that it is sent without the link (its <b>Join channel</b> button finds the channel when clicked): a page
     * must not wait on a Slack outage.
     */
    static final Duration CHANNEL_WAIT = Duration.ofSeconds(15);
    private static final Duration CHANNEL_RETRY = Duration.ofSeconds(1);

    private final MethodsClient client;
    private final Posts posts;
    private final Storage storage;
    private final Transactions transactions;

    /**
     * @param client       Web API client with the bot token
     * @param transactions units of work on the storage where incidents and pages live
     */
    public EscalationDms(MethodsClient client, Transactions transactions) {
        this.client = client;
        this.posts = new Posts(client);
        this.transactions = transactions;
        this.storage = transactions.storage();
    }

    /** @return the routing table of subscriber {@value EscalationDm#SUBSCRIBER} */
    public JobRoutes routes() {
        return JobRoutes.of(EscalationDm.SUBSCRIBER)
                .route(EscalationDm.KIND, EscalationDm.class, this::deliver)
                .route(EscalationDm.WITHDRAW, EscalationDm.Withdraw.class, (job, w) -> withdraw(w))
                .onFailed((job, error) -> log.warn("escalation message of incident {} not sent: {}", job.incident(), error));
    }

    /**
     * Sends one direct message, at most once: {@code conversations.open} (scope {@code im:write}) gives the app's DM
     * channel with the recipient, and the post carries the job's ID in its metadata ({@link Posts#postOnce}), so a
     * retry after a lost answer finds the earlier post in the DM's history ({@code conversations.history}, scope
     * {@code im:history}) instead of messaging the person twice.
     */
    Outcome deliver(OutboxJob job, EscalationDm dm) {
        Optional<Incident> incident = storage.read(r -> r.incidents().find(dm.incident()));
        boolean waiting = storage.read(r -> r.pages().find(dm.incident(), PagerKind.SLACK))
                .map(p -> p.state() == Page.State.TRIGGERED).orElse(false);
        if (incident.isEmpty() || !incident.get().isOpen() || !waiting) {
            return Outcome.done();
        }
        if (incident.get().channelId() == null
                && Duration.between(job.createdAt(), transactions.clock().instant()).compareTo(CHANNEL_WAIT) < 0) {
            // the check can run in the second after a declare: wait a little for the channel to link and join
            return Outcome.retry("the incident channel is not created yet", CHANNEL_RETRY);
        }
        String text = text(incident.get(), dm);
        String n = String.valueOf(dm.incident());
        List<LayoutBlock> blocks = List.of(section(s -> s.text(markdownText(text))), actions(a -> a.elements(List.of(
                ButtonElement.builder().actionId(ACKNOWLEDGE).text(plainText("Acknowledge")).value(n).style("primary").build(),
                ButtonElement.builder().actionId(JOIN).text(plainText("Join channel")).value(n).build()))));
        SlackCalls.Result<ConversationsOpenResponse> im = SlackCalls.run("conversations.open",
                () -> client.conversationsOpen(req -> req.users(List.of(dm.user()))));
        if (!im.ok()) {
            return SlackCalls.failed("conversations.open", im);
        }
        String channel = im.response().getChannel().getId();
        SlackCalls.Result<String> posted = posts.postOnce(job, channel, text, blocks);
        if (posted.failure() != null) {
            return posted.failure();
        }
        String sent = channel + " " + posted.response();
        transactions.run(work -> {
            var w = work.repositories();
            if (!w.pages().firstDelivery(PageDelivery.JOB_SOURCE, String.valueOf(job.id()), work.now())) {
                return null; // an earlier attempt wrote all this and its answer was lost
            }
            w.outbox().rememberSent(dm.incident(), EscalationDm.SENT, w.outbox().lastSent(dm.incident(), EscalationDm.SENT)
                    .map(before -> before + "\n" + sent).orElse(sent));
            String line = stepLine(dm);
            w.timeline().add(new TimelineEntry(0, dm.incident(), EntryKind.PAGE, work.now(), null, null, null, line, null,
                    false, false, List.of()));
            work.record(new IncidentEvent.PageChanged(dm.incident(), null, line, null, false, work.now()));
            return null;
        });
        return Outcome.done();
    }

    /** @return the timeline entry of a sent message: "Escalation step 2: messaged @{U..}" ("step 1 (repeat 1)" on a repeat) */
    static String stepLine(EscalationDm dm) {
        return "Escalation step " + (dm.step() + 1) + (dm.round() > 0 ? " (repeat " + dm.round() + ")" : "") + ": messaged "
                + TimelineEntry.userToken(dm.user());
    }

    /**
     * Withdraws every direct message sent for the resolved incident, or whose page was acknowledged: {@code chat.update}
     * of each (its DM channel and {@code ts}, as remembered when sent) to "Resolved by &lt;@U..&gt;, no action needed"
     * (or "Acknowledged by &lt;@U..&gt;, no action needed"), without the buttons. A
     * message Slack no longer has ({@code message_not_found}, {@code channel_not_found}) is skipped; a transient
     * failure retries the whole job ({@code chat.update} of the same text twice is harmless).
     */
    Outcome withdraw(EscalationDm.Withdraw w) {
        Optional<Incident> incident = storage.read(r -> r.incidents().find(w.incident()));
        Optional<String> sent = storage.read(r -> r.outbox().lastSent(w.incident(), EscalationDm.SENT));
        if (incident.isEmpty() || sent.isEmpty()) {
            return Outcome.done();
        }
        String text = withdrawn(incident.get(), w);
        List<LayoutBlock> blocks = List.of(section(s -> s.text(markdownText(text))));
        for (String line : sent.get().split("\n")) {
            String[] at = line.split(" ", 2);
            SlackCalls.Result<ChatUpdateResponse> r = SlackCalls.run("chat.update",
                    () -> client.chatUpdate(req -> req.channel(at[0]).ts(at[1]).text(UserText.outgoing(text)).blocks(blocks)));
            if (!r.ok() && (r.failure() != null || !GONE.contains(r.error()))) {
                return SlackCalls.failed("chat.update", r);
            }
        }
        return Outcome.done();
    }

    /**
     * @return e.g. ":white_check_mark: Resolved by <@U1>, no action needed (incident 12: *Checkout down*)." or
     *         ":white_check_mark: Acknowledged by <@U2>, no action needed (incident 12: *Checkout down*)."
     */
    static String withdrawn(Incident i, EscalationDm.Withdraw w) {
        String what = i.privateIncident() ? "private incident " + i.number()
                : "incident " + i.number() + ": *" + Messages.escape(i.title()) + "*";
        String why = w.acknowledgedBy() != null ? "Acknowledged by " + w.acknowledgedBy()
                : "Resolved" + (w.resolvedBy() == null ? "" : " by <@" + w.resolvedBy() + ">");
        return ":white_check_mark: " + why + ", no action needed (" + what + ").";
    }

    /**
     * @return e.g. ":rotating_light: You are paged (step 1) for *SEV1* incident 12: *Checkout down* in <#C1>.
     *         Acknowledge to stop the escalation for everyone."
     */
    static String text(Incident i, EscalationDm dm) {
        String what = i.privateIncident() ? "private incident " + i.number()
                : "incident " + i.number() + ": *" + Messages.escape(i.title()) + "*";
        String where = i.channelId() == null ? "" : " in <#" + i.channelId() + ">";
        return ":rotating_light: You are paged (step " + (dm.step() + 1) + (dm.round() > 0 ? ", repeat " + dm.round() : "")
                + ") for *" + i.severity().name() + "* " + what + where
                + ". Acknowledge to stop the escalation for everyone.";
    }
}
