package io.incidentbot.incident;

import io.incidentbot.store.OutboxRepository;
import io.incidentbot.store.Repositories;
import io.incidentbot.timeline.EntryKind;

import java.time.Instant;

/**
 * Use cases for an incident whose channel could not be created for good (Slack refused
 * {@code conversations.create}, e.g. {@code missing_scope}): without a channel none of the
 * channel-scoped commands can reach it, so its declarer can, from anywhere, try again once the cause is
 * fixed ({@link #retry}) or close it ({@link #cancel}).
 */
public final class StuckIncidents {
    private final Transactions transactions;
    private final OutboxRepository.JobType channelCreation;

    /**
     * @param transactions    runs each use case in a unit of work
     * @param channelCreation the outbox job that creates an incident's channel (the chat adapter names it; jobs of
     *                        other kinds and subscribers, e.g. a page backing off, do not count as "being created")
     */
    public StuckIncidents(Transactions transactions, OutboxRepository.JobType channelCreation) {
        this.transactions = transactions;
        this.channelCreation = channelCreation;
    }

    /**
     * Asks for the channel again ({@link IncidentEvent.ChannelRetried}): the subscribers redo what a declare
     * needed of them and failed for want of a channel (the Slack adapter: channel, invite of the declarer,
     * topic, header message, announcement).
     *
     * @param number      incident number
     * @param actor       Slack user ID of who asks; must be the declarer
     * @param responseUrl where to tell the asker if it fails again, may be null
     * @return the incident
     * @throws ChannelRecoveryRefused when there is no such incident, the asker is not its declarer, or
     *                                its channel exists or is still being created
     */
    public Incident retry(long number, String actor, String responseUrl) {
        return transactions.run(w -> {
            Incident i = stuck(w.repositories(), number, actor, "retry");
            w.record(new IncidentEvent.ChannelRetried(number, actor, responseUrl, w.now()));
            return i;
        });
    }

    /**
     * Closes the incident: status {@code resolved} with the summary "Cancelled: its channel could not be
     * created", a timeline entry, and {@link IncidentEvent.Cancelled}.
     *
     * @param number incident number
     * @param actor  Slack user ID of who asks; must be the declarer
     * @return the incident as closed
     * @throws ChannelRecoveryRefused as {@link #retry}
     */
    public Incident cancel(long number, String actor) {
        return transactions.run(w -> {
            Repositories r = w.repositories();
            Incident i = stuck(r, number, actor, "cancel");
            Instant now = w.now();
            String reason = "Cancelled: its channel could not be created.";
            r.incidents().setStatus(number, Status.RESOLVED, i.identifiedAt(), i.mitigatedAt(), now);
            r.incidents().setResolutionSummary(number, reason);
            IncidentWrites.entry(r, number, EntryKind.RESOLVED, actor,
                    "Cancelled: the incident channel could not be created.", now);
            w.record(new IncidentEvent.Cancelled(number, actor, reason, now));
            return r.incidents().find(number).orElseThrow();
        });
    }

    private Incident stuck(Repositories r, long number, String actor, String what) {
        Incident i = r.incidents().find(number)
                .orElseThrow(() -> new ChannelRecoveryRefused(ChannelRecoveryRefused.Reason.NO_SUCH_INCIDENT, number, what));
        if (!i.declaredBy().equals(actor)) {
            throw new ChannelRecoveryRefused(ChannelRecoveryRefused.Reason.NOT_DECLARER, number, what);
        }
        if (!i.isOpen()) {
            throw new ChannelRecoveryRefused(ChannelRecoveryRefused.Reason.RESOLVED, number, what);
        }
        if (i.channelId() != null) {
            throw new ChannelRecoveryRefused(ChannelRecoveryRefused.Reason.HAS_CHANNEL, number, what);
        }
        // Stuck: the channel's creation was given up and no creation (a retry's) waits. Other subscribers' jobs,
        // e.g. a page backing off through a pager outage, say nothing about the channel.
        boolean failed = r.outbox().failed(number).stream().anyMatch(f -> f.subscriber().equals(channelCreation.subscriber())
                && f.kind().equals(channelCreation.kind()));
        if (!failed || r.outbox().anyPending(number, channelCreation)) {
            throw new ChannelRecoveryRefused(ChannelRecoveryRefused.Reason.STILL_CREATING, number, what);
        }
        return i;
    }
}
