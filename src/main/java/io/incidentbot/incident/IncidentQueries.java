package io.incidentbot.incident;

import io.incidentbot.store.OutboxRepository;
import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incident reads, apart from the use cases that change state ({@link IncidentService}): lists and
 * look-ups with the visibility rules of private incidents, the timeline, the changes around an incident, the
 * outbox jobs given up and the insights. Each call is one read-only transaction.
 */
public final class IncidentQueries {
    private final Storage storage;
    private final Clock clock;
    private final java.time.Duration changeWindow;

    /**
     * @param storage      the database
     * @param clock        the time "now" is for ages and open windows
     * @param changeWindow {@code INCIDENT_CHANGE_WINDOW}: how far before a declare {@link #changes} looks
     */
    public IncidentQueries(Storage storage, Clock clock, java.time.Duration changeWindow) {
        this.storage = storage;
        this.clock = clock;
        this.changeWindow = changeWindow;
    }

    /**
     * @return the changes around the channel's incident: the {@code INCIDENT_CHANGE_WINDOW} before it and
     *         those since it was declared
     * @throws NotAnIncidentChannelException when the channel is no incident's
     */
    public io.incidentbot.changes.ChangeReport changes(String channelId) {
        return storage.read(r -> DeclaredChanges.report(r, r.incidents().findByChannel(channelId)
                .orElseThrow(() -> new NotAnIncidentChannelException("changes")), changeWindow, clock.instant()));
    }

    /** @return the numbers of those of {@code incidents} that an alert group declared */
    public java.util.Set<Long> openedByAlerts(List<Incident> incidents) {
        return storage.read(r -> r.alerts().declaredByAlerts(incidents.stream().map(Incident::number).toList()));
    }

    /**
     * @param number incident number
     * @param userId Slack user ID of who asks
     * @return the incident, unless it is private and {@code userId} is not in its channel now
     */
    public Optional<Incident> findVisible(long number, String userId) {
        return storage.read(r -> r.incidents().find(number).filter(i -> mayAccess(r, i, userId)));
    }

    /**
     * Access to a private incident is current membership of its channel (latest join or leave recorded),
     * not "ever took part": someone removed from the channel can no longer see or change it. The
     * declarer's {@code retry}/{@code cancel} of a channel-less incident is checked apart
     * ({@link StuckIncidents}).
     */
    static boolean mayAccess(Repositories r, Incident i, String userId) {
        return !i.privateIncident() || r.participants().isMember(i.number(), userId);
    }

    /** @return open incidents, newest first */
    public List<Incident> listOpen() {
        return storage.read(r -> r.incidents().listOpen());
    }

    /**
     * @param userId Slack user ID of who asks
     * @return open incidents, newest first, without the private ones whose channel {@code userId} is not
     *         in now (never joined, or left)
     */
    public List<Incident> listOpenVisibleTo(String userId) {
        return storage.read(r -> r.incidents().listOpen().stream()
                .filter(i -> !i.privateIncident() || r.participants().isMember(i.number(), userId))
                .toList());
    }

    /**
     * @param userId Slack user ID of who asks
     * @param limit  most incidents to return
     * @return resolved incidents {@code userId} may see, latest resolved first
     */
    public List<Incident> listResolvedVisibleTo(String userId, int limit) {
        return storage.read(r -> r.incidents().listAll().stream()
                .filter(i -> !i.isOpen() && i.resolvedAt() != null && mayAccess(r, i, userId))
                .sorted(java.util.Comparator.comparing(Incident::resolvedAt).reversed()).limit(limit).toList());
    }

    /** @return for each of {@code incidents}, its outbox jobs (outside calls) given up, oldest first */
    public Map<Long, List<OutboxRepository.FailedJob>> failedSlackCalls(List<Incident> incidents) {
        return storage.read(r -> {
            Map<Long, List<OutboxRepository.FailedJob>> m = new HashMap<>();
            incidents.forEach(i -> m.put(i.number(), r.outbox().failed(i.number())));
            return m;
        });
    }

    /** @return the incident whose channel is {@code channelId}, if any */
    public Optional<Incident> findByChannel(String channelId) {
        return storage.read(r -> r.incidents().findByChannel(channelId));
    }

    /**
     * @param limit most entries to return
     * @return the latest entries of the channel's incident that are not deleted, oldest first
     * @throws NotAnIncidentChannelException when the channel is no incident's
     */
    public List<TimelineEntry> timeline(String channelId, int limit) {
        return storage.read(r -> {
            Incident inc = r.incidents().findByChannel(channelId)
                    .orElseThrow(() -> new NotAnIncidentChannelException("timeline"));
            return r.timeline().latest(inc.number(), limit);
        });
    }

    /**
     * Incident insights over the last {@code window}, from stored declared/identified/mitigated/resolved
     * times ({@link io.incidentbot.insights.StatsService}).
     *
     * @param window how far back, e.g. 90 days
     * @param zone   zone the weeks are counted in
     */
    public io.incidentbot.insights.IncidentStats stats(java.time.Duration window, java.time.ZoneId zone) {
        return stats(window, zone, clock.instant());
    }

    /**
     * As {@link #stats(java.time.Duration, java.time.ZoneId)}, for the window that ends at {@code asOf} instead
     * of now (the App Home tab shows the insights as of the hour, so its view does not change every minute).
     */
    public io.incidentbot.insights.IncidentStats stats(java.time.Duration window, java.time.ZoneId zone, java.time.Instant asOf) {
        return new io.incidentbot.insights.StatsService(storage, Clock.fixed(asOf, java.time.ZoneOffset.UTC), changeWindow)
                .stats(window, zone);
    }
}
