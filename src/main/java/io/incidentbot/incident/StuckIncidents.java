package io.incidentbot.incident;

import io.incidentbot.outbox.JobPayload;
import io.incidentbot.outbox.JobPayloads;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;
import io.incidentbot.timeline.EntryKind;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Use cases for an incident whose channel could not be created for good (Slack refused
 * {@code conversations.create}, e.g. {@code missing_scope}): without a channel none of the
 * channel-scoped commands can reach it, so its declarer can, from anywhere, try again once the cause is
 * fixed ({@link #retry}) or close it ({@link #cancel}).
 */
public final class StuckIncidents {
    private final Storage storage;
    private final Clock clock;
    private final boolean announce;
    private final Runnable outboxWakeup;

    /**
     * @param storage      the database
     * @param clock        time source
     * @param announce     true when an announcement channel is configured (a retry re-queues the announcement)
     * @param outboxWakeup called after a commit that queued Slack work
     */
    public StuckIncidents(Storage storage, Clock clock, boolean announce, Runnable outboxWakeup) {
        this.storage = storage;
        this.clock = clock;
        this.announce = announce;
        this.outboxWakeup = outboxWakeup;
    }

    /**
     * Queues the channel creation again, followed by everything declaring queues after it (invite of the
     * declarer, topic, header message, announcement), which failed for want of a channel.
     *
     * @param number      incident number
     * @param actor       Slack user ID of who asks; must be the declarer
     * @param responseUrl where to tell the asker if it fails again, may be null
     * @return the incident
     * @throws ChannelRecoveryRefused when there is no such incident, the asker is not its declarer, or
     *                                its channel exists or is still being created
     */
    public Incident retry(long number, String actor, String responseUrl) {
        Incident inc = storage.transaction(r -> {
            Incident i = stuck(r, number, actor, "retry");
            Instant now = clock.instant();
            var out = r.outbox();
            JobPayloads.enqueue(out, number, new JobPayload.CreateChannel(responseUrl), now);
            JobPayloads.enqueue(out, number, new JobPayload.Invite(List.of(i.declaredBy()), responseUrl), now);
            JobPayloads.enqueue(out, number, new JobPayload.SyncTopic(), now);
            JobPayloads.enqueue(out, number, new JobPayload.SyncHeader(responseUrl), now);
            if (announce) {
                JobPayloads.enqueue(out, number, new JobPayload.Announce(new JobPayload.Declared(number, i.severity(),
                        i.title(), i.declaredBy(), i.privateIncident())), now);
            }
            return i;
        });
        outboxWakeup.run();
        return inc;
    }

    /**
     * Closes the incident: status {@code resolved} with the summary "Cancelled: its channel could not be
     * created", and a timeline entry. Nothing is sent to Slack (there is no channel).
     *
     * @param number incident number
     * @param actor  Slack user ID of who asks; must be the declarer
     * @return the incident as closed
     * @throws ChannelRecoveryRefused as {@link #retry}
     */
    public Incident cancel(long number, String actor) {
        return storage.transaction(r -> {
            Incident i = stuck(r, number, actor, "cancel");
            Instant now = clock.instant();
            r.incidents().setStatus(number, Status.RESOLVED, i.identifiedAt(), i.mitigatedAt(), now);
            r.incidents().setResolutionSummary(number, "Cancelled: its channel could not be created.");
            IncidentWrites.entry(r, number, EntryKind.RESOLVED, actor,
                    "Cancelled: the incident channel could not be created.", now);
            return r.incidents().find(number).orElseThrow();
        });
    }

    private static Incident stuck(Repositories r, long number, String actor, String what) {
        Incident i = r.incidents().find(number)
                .orElseThrow(() -> new ChannelRecoveryRefused("There is no incident " + number + "."));
        if (!i.declaredBy().equals(actor)) {
            throw new ChannelRecoveryRefused("Only the declarer of incident " + number + " can " + what + " it.");
        }
        if (!i.isOpen()) {
            throw new ChannelRecoveryRefused("Incident " + number + " is already resolved.");
        }
        if (i.channelId() != null) {
            throw new ChannelRecoveryRefused("Incident " + number + " has its channel; run commands there"
                    + (what.equals("cancel") ? " (`/incident resolve`)." : "."));
        }
        boolean failed = r.outbox().failed(number).stream().anyMatch(j -> j.kind() == OutboxJob.Kind.CREATE_CHANNEL);
        boolean pending = r.outbox().dueHeads(Instant.parse("9999-01-01T00:00:00Z"), Integer.MAX_VALUE).stream()
                .anyMatch(j -> j.incident() == number);
        if (!failed || pending) {
            throw new ChannelRecoveryRefused("The channel of incident " + number + " is still being created.");
        }
        return i;
    }
}
