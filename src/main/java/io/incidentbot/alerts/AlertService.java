package io.incidentbot.alerts;

import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentException;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.outbox.JobPayload;
import io.incidentbot.outbox.JobPayloads;
import io.incidentbot.store.AlertRepository;
import io.incidentbot.store.AlertRepository.Group;
import io.incidentbot.store.AlertRepository.StoredTransition;
import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The alert use cases (issue 12): one notification in, routed by {@link AlertRouter}, committed in one
 * transaction with everything it causes: the transitions (each stored once), a declared incident and the
 * group's link to it, timeline entries, and the Slack work as outbox jobs.
 *
 * <p><b>Storms.</b> Slack work of a group is one coalescing {@link JobPayload.AlertGroup} job: a
 * notification queues it only when none is queued, due {@link #SLACK_INTERVAL} after the group's last
 * job was taken (or now, for a group that never had one). The job reads the group as it is when
 * delivered, so any number of notifications in between cost one {@code chat.postMessage} or
 * {@code chat.update}: at most one per group per 10 s, in the alerts channel and (as a digest) in the
 * incident channel alike. Its ordering key is {@code -groupId}, so a group waiting out its interval
 * never holds up another group's or an incident's own jobs; only the first digest of a declare, due at
 * once, goes in the incident's lane, behind the jobs that create its channel.
 */
public final class AlertService {
    /** Least time between two Slack messages or updates for one alert group. */
    public static final Duration SLACK_INTERVAL = Duration.ofSeconds(10);

    private final Storage storage;
    private final IncidentService incidents;
    private final AlertRouter router;
    private final Supplier<String> botUserId;
    private final Clock clock;
    private final Runnable outboxWakeup;

    /**
     * @param storage      the database
     * @param incidents    declares incidents (inside this service's transaction)
     * @param router       the routing decision ({@code INCIDENT_ALERT_DECLARE}, alerts channel set or not)
     * @param botUserId    the bot's Slack user ID, the declarer of incidents it opens; null until known
     * @param clock        receipt times and job due times
     * @param outboxWakeup called after each commit that queued Slack work
     */
    public AlertService(Storage storage, IncidentService incidents, AlertRouter router, Supplier<String> botUserId,
                        Clock clock, Runnable outboxWakeup) {
        this.storage = storage;
        this.incidents = incidents;
        this.router = router;
        this.botUserId = botUserId;
        this.clock = clock;
        this.outboxWakeup = outboxWakeup;
    }

    /**
     * What a notification did.
     *
     * @param route    {@code declare}, {@code timeline}, {@code alerts_channel} or {@code drop}
     * @param stored   transitions stored now (0 for a redelivery)
     * @param incident the group's incident number, or null
     */
    public record Receipt(String route, int stored, Long incident) {
    }

    /** The bot's own Slack user ID is not known yet ({@code auth.test} has not answered): try again later. */
    public static final class NotReadyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotReadyException() {
            super("the bot is starting; try again", null, false, false);
        }
    }

    /**
     * Stores one notification and everything it causes, committed before this returns. A declare is then
     * written to the audit log ({@link IncidentService#declaredWithin}), declared by the bot.
     *
     * @param n the parsed webhook body
     * @return what it did
     * @throws NotReadyException when a declare is due before the bot knows its own user ID
     */
    public Receipt receive(AlertNotification n) {
        Instant now = clock.instant();
        Incident[] declared = new Incident[1];
        Receipt receipt = storage.transaction(r -> {
            declared[0] = null; // PostgreSQL may run this again after a serialization failure
            AlertRepository alerts = r.alerts();
            long groupId = alerts.group(n.source(), n.groupKey(), n.title(), now);
            Group g = alerts.find(groupId).orElseThrow();
            OptionalLong open = g.incident() != null && r.incidents().find(g.incident()).map(Incident::isOpen)
                    .orElse(false) ? OptionalLong.of(g.incident()) : OptionalLong.empty();
            Route route = router.route(n, new GroupState(open, alerts.lastStatus(groupId)));
            // A transition belongs to the group's open incident; any other waits for the group's next incident.
            Long belongs = route instanceof Route.TimelineEntries t ? t.incident() : null;
            Map<Long, Transition> stored = new LinkedHashMap<>();
            for (Transition t : route.transitions()) {
                alerts.addTransition(groupId, t, belongs, now).ifPresent(id -> stored.put(id, t));
            }
            if (stored.isEmpty()) {
                return new Receipt("drop", 0, g.incident());
            }
            if (route instanceof Route.Declare d) {
                declared[0] = declare(r, g, d, stored, now);
                return new Receipt("declare", stored.size(), declared[0].number());
            } else if (route instanceof Route.TimelineEntries t) {
                long incident = t.incident();
                stored.values().forEach(tr -> r.timeline().add(entry(incident, tr, botUserId.get())));
                if (t.allResolved() && alerts.markResolvedSaid(groupId)) {
                    JobPayloads.enqueue(r.outbox(), incident, new JobPayload.ChannelPost(new IncidentEvent.AlertsResolved(
                            botUserId.get(), alerts.alerts(groupId).size(), now)), now);
                }
                queueSlack(r, g, now, null);
                return new Receipt("timeline", stored.size(), incident);
            }
            queueSlack(r, g, now, null);
            return new Receipt("alerts_channel", stored.size(), null);
        });
        outboxWakeup.run();
        if (declared[0] != null) {
            incidents.declaredWithin(declared[0], now);
        }
        return receipt;
    }

    /**
     * The alert group has an open incident already (someone declared from its message in the alerts channel
     * after the group declared one, or twice): nothing was declared.
     */
    public static final class GroupHasIncident extends IncidentException {
        private static final long serialVersionUID = 1L;
        private final long incident;

        /** @param incident the number of the group's open incident */
        public GroupHasIncident(long incident) {
            super("Incident " + incident + " is already open for this alert group; its alerts go to that incident.");
            this.incident = incident;
        }

        /** @return the number of the group's open incident */
        public long incident() {
            return incident;
        }
    }

    /**
     * Declares an incident from alert group {@code groupId} (its message's <b>Declare incident</b> button in
     * the alerts channel), in one transaction: the declare as asked (the declarer leads), the group's link
     * to the new incident, so that later notifications go to its timeline, and the group's transitions that
     * belong to no incident yet as its alerts and timeline entries (key events at their own times; the
     * declarer chose this group, so all of them, where a declare by the group itself makes entries of its
     * declaring notification only); the group's alerts digest is queued for the new channel.
     * Then wakes the outbox and audits the declare. A group that does not exist declares without a link.
     *
     * @param groupId the group's ID, as the button carried it; null for none
     * @param d       what the declarer asked for
     * @return the declared incident
     * @throws GroupHasIncident  when the group has an open incident already (nothing is declared)
     * @throws IncidentException when the title is blank or too long
     */
    public Incident declareFrom(Long groupId, Declaration d) {
        Instant now = clock.instant();
        Incident declared = storage.transaction(r -> {
            Optional<Group> group = groupId == null ? Optional.empty() : r.alerts().find(groupId);
            if (group.isPresent() && group.get().incident() != null) {
                r.incidents().find(group.get().incident()).filter(Incident::isOpen).ifPresent(i -> {
                    throw new GroupHasIncident(i.number());
                });
            }
            Incident inc = incidents.declareWithin(r, d, true, now);
            group.ifPresent(g -> link(r, g, inc.number(), Map.of(), botUserId.get() != null ? botUserId.get()
                    : d.declaredBy(), true, now));
            return inc;
        });
        outboxWakeup.run();
        incidents.declaredWithin(declared, now);
        return declared;
    }

    private Incident declare(Repositories r, Group g, Route.Declare d, Map<Long, Transition> stored, Instant now) {
        String bot = botUserId.get();
        if (bot == null) {
            throw new NotReadyException();
        }
        String title = d.title().length() > Declaration.MAX_TITLE ? d.title().substring(0, Declaration.MAX_TITLE)
                : d.title();
        Incident inc = incidents.declareWithin(r, new Declaration(title, d.severity(), null, false, bot, null),
                false, now);
        link(r, g, inc.number(), stored, bot, false, now);
        return inc;
    }

    /**
     * Links the group to a new incident, which takes the group's transitions that belong to no incident yet
     * (see {@link AlertRepository#linkIncident}), and queues the group's first digest for the incident.
     *
     * @param fresh    the transitions of the notification being received, by ID: timeline entries with their labels
     * @param allTaken true to make every transition taken a timeline entry, false for the fresh ones only
     */
    private static void link(Repositories r, Group g, long incident, Map<Long, Transition> fresh, String actor,
                             boolean allTaken, Instant now) {
        for (StoredTransition t : r.alerts().linkIncident(g.id(), incident)) {
            Transition rich = fresh.get(t.id());
            if (rich != null) {
                r.timeline().add(entry(incident, rich, actor));
            } else if (allTaken) {
                r.timeline().add(entry(incident, t, actor));
            }
        }
        queueSlack(r, g, now, incident);
    }

    /**
     * Queues the group's coalescing Slack job unless one is queued already (so a group has at most one).
     *
     * @param declared the incident a declare just linked the group to, else null: its first digest, when due
     *                 at once, goes in the incident's own lane, after the jobs that create its channel; one due
     *                 later (a group that fires again soon after its last message) waits in the group's lane,
     *                 so as not to hold up the new incident's own jobs, and for its channel if need be
     */
    private static void queueSlack(Repositories r, Group g, Instant now, Long declared) {
        if (g.slackPending()) {
            return;
        }
        Instant due = g.lastSlackAt() == null ? now : g.lastSlackAt().plus(SLACK_INTERVAL);
        boolean atOnce = !due.isAfter(now);
        JobPayloads.enqueue(r.outbox(), declared != null && atOnce ? declared : -g.id(),
                new JobPayload.AlertGroup(g.id()), atOnce ? now : due);
        r.alerts().slackQueued(g.id());
    }

    /** @return the timeline entry of a transition, a key event at the alert's own time */
    static TimelineEntry entry(long incident, Transition t, String actor) {
        return new TimelineEntry(0, incident, EntryKind.ALERT, t.at(), null, null, actor, entryText(t), null,
                false, true, List.of());
    }

    /** @return the timeline entry of a stored transition (no labels): {@code Alert firing: Name url} */
    static TimelineEntry entry(long incident, StoredTransition t, String actor) {
        return new TimelineEntry(0, incident, EntryKind.ALERT, t.at(), null, null, actor, "Alert "
                + t.status().label() + ": " + t.name() + (t.url() == null ? "" : " " + t.url()), null, false, true,
                List.of());
    }

    /** @return {@code Alert firing: Name (label=value, ...) url} */
    static String entryText(Transition t) {
        Alert a = t.alert();
        Map<String, String> labels = new TreeMap<>(a.labels());
        labels.remove("alertname");
        String url = a.generatorUrl() != null ? a.generatorUrl() : a.dashboardUrl();
        return "Alert " + t.to().label() + ": " + a.name()
                + (labels.isEmpty() ? "" : " (" + labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")) + ")")
                + (url == null ? "" : " " + url);
    }
}
