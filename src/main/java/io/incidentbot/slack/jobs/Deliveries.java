package io.incidentbot.slack.jobs;

import io.incidentbot.incident.Incident;
import io.incidentbot.store.Storage;

import java.time.Instant;
import java.util.Optional;

/**
 * What the Slack adapter's job handlers need while delivering outbox jobs: read the
 * incident, record what Slack answered (the channel, the header's {@code ts}) and queue follow-up jobs.
 * Each call is one transaction; reads do not take the write lock.
 */
public final class Deliveries {
    private final Storage storage;

    /** @param storage the database the jobs and incidents are in */
    public Deliveries(Storage storage) {
        this.storage = storage;
    }

    /** @return incident {@code number} as it is now, if it exists */
    public Optional<Incident> incident(long number) {
        return storage.read(r -> r.incidents().find(number));
    }

    /** @return true when channel {@code channelId} ({@code C...}) belongs to an incident */
    public boolean channelLinked(String channelId) {
        return storage.read(r -> r.incidents().findByChannel(channelId)).isPresent();
    }

    /** Records the incident's channel: Slack ID ({@code C...}) and name. */
    public void linkChannel(long incident, String channelId, String name) {
        storage.run(r -> r.incidents().setChannel(incident, channelId, name));
    }

    /** Records the {@code ts} (epoch seconds with microseconds, as text) of the incident's header message. */
    public void headerPosted(long incident, String ts) {
        storage.run(r -> r.incidents().setHeaderTs(incident, ts));
    }

    /** Queues another job; it is picked up at the worker's next look for due jobs. */
    public void enqueue(long incident, SlackJob payload, Instant at) {
        storage.run(r -> SlackJobs.enqueue(r.outbox(), incident, payload, at));
    }

    /**
     * @param what what was set, e.g. {@code topic}, {@code header}
     * @return the text the bot last set in Slack for the incident (as {@link #sent} recorded it), if any
     */
    public Optional<String> lastSent(long incident, String what) {
        return storage.read(r -> r.outbox().lastSent(incident, what));
    }

    /** Records what the bot just set in Slack, so an unchanged text is not sent again. */
    public void sent(long incident, String what, String text) {
        storage.run(r -> r.outbox().rememberSent(incident, what, text));
    }

    /** @return the incident's latest status update (the header shows its first line and age), if any */
    public Optional<io.incidentbot.timeline.TimelineEntry> lastStatusUpdate(long incident) {
        return storage.read(r -> r.timeline().lastOfKind(incident, io.incidentbot.timeline.EntryKind.STATUS_UPDATE));
    }

    /** Adds the permalink of a quoted message to its timeline entry. */
    public void quotedPermalink(long entryId, String permalink) {
        storage.run(r -> r.timeline().appendText(entryId, "\n" + permalink));
    }

    /** @return follow-up {@code id} with its state and tracker link (issue 22), if it exists */
    public Optional<io.incidentbot.trackers.FollowUpRecord> followUp(long id) {
        return storage.read(r -> r.trackers().find(id));
    }

    /** @return the latest close or reopen of follow-up {@code id}, if it ever changed */
    public Optional<io.incidentbot.trackers.FollowUpStateChange> lastChange(long id) {
        java.util.List<io.incidentbot.trackers.FollowUpStateChange> h = storage.read(r -> r.trackers().history(id));
        return h.isEmpty() ? Optional.empty() : Optional.of(h.get(h.size() - 1));
    }

    /**
     * @return when the incident's impact started (issue 25), for the header's time to detect: as people set it
     *         ({@code /incident timestamps}), else the earliest first firing of the alerts linked to it (as the draft
     *         counts it), else empty
     */
    public Optional<java.time.Instant> impactStarted(long incident) {
        return storage.read(r -> r.incidents().impactStarted(incident).or(() -> r.alerts().alertsOfIncident(incident).stream()
                .map(io.incidentbot.store.AlertRepository.StoredAlert::firstFiredAt).filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.naturalOrder())));
    }

    /** @return the incident's pages (issue 21), for the header's paging line */
    public java.util.List<io.incidentbot.pager.Page> pages(long incident) {
        return storage.read(r -> r.pages().forIncident(incident));
    }
}
