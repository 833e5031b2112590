package io.incidentbot.alerts;

import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentException;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Transactions;
import io.incidentbot.incident.UnitOfWork;
import io.incidentbot.store.AlertRepository;
import io.incidentbot.store.AlertRepository.Group;
import io.incidentbot.store.AlertRepository.StoredTransition;
import io.incidentbot.store.Repositories;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

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
 * unit of work with everything it causes: the transitions (each stored once), a declared incident and the
 * group's link to it, timeline entries, and the events the subscribers turn into outside work
 * ({@link IncidentEvent.AlertsReceived}, {@link IncidentEvent.AlertLinked}, {@link IncidentEvent.AlertsResolved}).
 */
public final class AlertService {
    private final Transactions transactions;
    private final IncidentService incidents;
    private final AlertRouter router;
    private final Supplier<String> botUserId;
    private final Storms storms;

    /**
     * A service with no storm caps ({@link AlertCaps.Cap#OFF}).
     *
     * @see #AlertService(Transactions, IncidentService, AlertRouter, Supplier, AlertCaps)
     */
    public AlertService(Transactions transactions, IncidentService incidents, AlertRouter router,
                        Supplier<String> botUserId) {
        this(transactions, incidents, router, botUserId, new AlertCaps(AlertCaps.Cap.OFF, AlertCaps.Cap.OFF));
    }

    /**
     * @param transactions runs each notification in a unit of work (the database, subscribers, receipt times)
     * @param incidents    declares incidents (inside this service's unit of work)
     * @param router       the routing decision ({@code INCIDENT_ALERT_DECLARE}, alerts channel set or not)
     * @param botUserId    the bot's Slack user ID, the declarer of incidents it opens; null until known
     * @param caps         {@code INCIDENT_ALERT_DECLARE_MAX} and {@code INCIDENT_ALERT_POST_MAX}
     */
    public AlertService(Transactions transactions, IncidentService incidents, AlertRouter router,
                        Supplier<String> botUserId, AlertCaps caps) {
        this.transactions = transactions;
        this.incidents = incidents;
        this.router = router;
        this.botUserId = botUserId;
        this.storms = new Storms(caps);
    }

    /**
     * What a notification did.
     *
     * @param route    {@code declare}, {@code storm} (attached to the storm incident past
     *                 {@code INCIDENT_ALERT_DECLARE_MAX}), {@code timeline}, {@code alerts_channel} or {@code drop}
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
     * Stores one notification and everything it causes, committed before this returns. A declare (by the
     * bot) is written to the audit log once committed.
     *
     * @param n the parsed webhook body
     * @return what it did
     * @throws NotReadyException when a declare is due before the bot knows its own user ID
     */
    public Receipt receive(AlertNotification n) {
        return transactions.run(w -> {
            Repositories r = w.repositories();
            Instant now = w.now();
            AlertRepository alerts = r.alerts();
            long groupId = alerts.group(n.source(), n.groupKey(), n.title(), now);
            alerts.externalUrl(groupId, n.externalUrl());
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
                OptionalLong storm = storms.stormIncident(r, requireBot(), now);
                if (storm.isPresent()) {
                    storms.joinDigest(alerts, groupId, now);
                    link(w, g, storm.getAsLong(), stored, requireBot(), false);
                    return new Receipt("storm", stored.size(), storm.getAsLong());
                }
                Incident declared = declare(w, g, d, stored);
                return new Receipt("declare", stored.size(), declared.number());
            } else if (route instanceof Route.TimelineEntries t) {
                long incident = t.incident();
                stored.values().forEach(tr -> r.timeline().add(entry(incident, tr, botUserId.get())));
                if (t.allResolved() && alerts.markResolvedSaid(groupId)) {
                    w.record(new IncidentEvent.AlertsResolved(incident, botUserId.get(), alerts.alerts(groupId).size(),
                            now));
                }
                w.record(new IncidentEvent.AlertsReceived(incident, botUserId.get(), groupId, stored.size(), now));
                return new Receipt("timeline", stored.size(), incident);
            }
            storms.capPosts(alerts, g, now);
            w.record(new IncidentEvent.AlertsReceived(0, botUserId.get(), groupId, stored.size(), now));
            return new Receipt("alerts_channel", stored.size(), null);
        });
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
     * declaring notification only), with {@link IncidentEvent.AlertLinked}. The declare is audited once committed. A group that does not exist declares without a link.
     * <p>The people and user groups picked in the form's invite fields (issue 25) are invited in the same unit of work as
     * {@code /incident invite} does ({@link IncidentService#inviteWithin}: a timeline entry naming who invited whom;
     * the Slack adapter invites them once the channel exists).
     *
     * @param groupId    the group's ID, as the button carried it; null for none
     * @param d          what the declarer asked for
     * @param users      Slack user IDs to invite, may be empty
     * @param usergroups Slack user group IDs ({@code S...}) whose members to invite, may be empty
     * @return the declared incident
     * @throws GroupHasIncident  when the group has an open incident already (nothing is declared)
     * @throws IncidentException when the title is blank or too long
     */
    public Incident declareFrom(Long groupId, Declaration d, List<String> users, List<String> usergroups) {
        return transactions.run(w -> {
            Repositories r = w.repositories();
            Optional<Group> group = groupId == null ? Optional.empty() : r.alerts().find(groupId);
            if (group.isPresent() && group.get().incident() != null) {
                r.incidents().find(group.get().incident()).filter(Incident::isOpen).ifPresent(i -> {
                    throw new GroupHasIncident(i.number());
                });
            }
            Incident inc = incidents.declareWithin(w, d, true);
            group.ifPresent(g -> link(w, g, inc.number(), Map.of(), botUserId.get() != null ? botUserId.get()
                    : d.declaredBy(), true));
            incidents.inviteWithin(w, inc.number(), users, usergroups, d.declaredBy());
            return inc;
        });
    }

    private String requireBot() {
        String bot = botUserId.get();
        if (bot == null) {
            throw new NotReadyException();
        }
        return bot;
    }

    private Incident declare(UnitOfWork w, Group g, Route.Declare d, Map<Long, Transition> stored) {
        String bot = requireBot();
        String title = d.title().length() > Declaration.MAX_TITLE ? d.title().substring(0, Declaration.MAX_TITLE)
                : d.title();
        Incident inc = incidents.declareWithin(w, new Declaration(title, d.severity(), null, false, bot, null), false);
        link(w, g, inc.number(), stored, bot, false);
        return inc;
    }

    /**
     * Links the group to a new incident, which takes the group's transitions that belong to no incident yet
     * (see {@link AlertRepository#linkIncident}), and records {@link IncidentEvent.AlertLinked}.
     *
     * @param fresh    the transitions of the notification being received, by ID: timeline entries with their labels
     * @param allTaken true to make every transition taken a timeline entry, false for the fresh ones only
     */
    private static void link(UnitOfWork w, Group g, long incident, Map<Long, Transition> fresh, String actor,
                             boolean allTaken) {
        Repositories r = w.repositories();
        for (StoredTransition t : r.alerts().linkIncident(g.id(), incident)) {
            Transition rich = fresh.get(t.id());
            if (rich != null) {
                r.timeline().add(entry(incident, rich, actor));
            } else if (allTaken) {
                r.timeline().add(entry(incident, t, actor));
            }
        }
        w.record(new IncidentEvent.AlertLinked(incident, actor, g.id(), w.now()));
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
