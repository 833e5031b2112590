package io.incidentbot.incident;

import io.incidentbot.incident.IncidentEvent.FollowUpRecorded;
import io.incidentbot.incident.IncidentEvent.NoteAdded;
import io.incidentbot.incident.IncidentEvent.Reopened;
import io.incidentbot.incident.IncidentEvent.RoleAssigned;
import io.incidentbot.incident.IncidentEvent.SeverityChanged;
import io.incidentbot.incident.IncidentEvent.StatusChanged;
import io.incidentbot.incident.IncidentEvent.StatusUpdatePosted;
import io.incidentbot.outbox.JobPayload;
import io.incidentbot.outbox.JobPayloads;
import io.incidentbot.store.OutboxRepository;
import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Incident use cases. Each one commits the state change, its timeline entry and the Slack work it
 * needs (as outbox jobs) in one transaction, then wakes the outbox worker; no Slack call happens
 * inside, so callers can acknowledge Slack right after.
 */
public final class IncidentService {
    private final Storage storage;
    private final Clock clock;
    private final boolean announce;
    private final Runnable outboxWakeup;
    private final java.time.Duration changeWindow;

    /**
     * @param storage      the database
     * @param clock        time source for command entries
     * @param announce     true when an announcement channel is configured
     * @param outboxWakeup called after each commit that queued Slack work
     */
    public IncidentService(Storage storage, Clock clock, boolean announce, Runnable outboxWakeup) {
        this(storage, clock, announce, outboxWakeup, java.time.Duration.ofHours(24));
    }

    /**
     * As above, with the window of changes shown before an incident.
     *
     * @param changeWindow {@code INCIDENT_CHANGE_WINDOW}: changes this long before a declare are posted with it
     */
    public IncidentService(Storage storage, Clock clock, boolean announce, Runnable outboxWakeup,
                           java.time.Duration changeWindow) {
        this.storage = storage;
        this.clock = clock;
        this.announce = announce;
        this.outboxWakeup = outboxWakeup;
        this.changeWindow = changeWindow;
    }

    /**
     * Declares an incident: stores it (status investigating, the declarer as lead) and queues channel
     * creation, invite, topic, header message and announcement.
     *
     * @return the stored incident with its number
     * @throws IncidentException when the title is blank or too long
     */
    public Incident declare(Declaration d) {
        Instant now = clock.instant();
        Incident incident = storage.transaction(r -> declareWithin(r, d, true, now));
        outboxWakeup.run();
        return incident;
    }

    /**
     * The declare, inside a caller's transaction (a use case that must store something atomically with
     * it, such as the alert group's link to the incident it declared). The caller wakes the outbox after
     * committing. Posts the changes of the window before it (see {@link DeclaredChanges}).
     *
     * @param withLead true to make the declarer the lead (and a participant invited to the channel);
     *                 false for a declare by the bot, which leaves the lead open
     * @param now      the declare time
     * @return the stored incident
     * @throws IncidentException when the title is blank or too long
     */
    public Incident declareWithin(Repositories r, Declaration d, boolean withLead, Instant now) {
        String title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty()) {
            throw new IncidentException.TitleBlank();
        }
        if (title.length() > Declaration.MAX_TITLE) {
            throw new IncidentException.TitleTooLong(title.length());
        }
        Incident created = r.incidents().create(title, d.severity(), d.privateIncident(), blankToNull(d.summary()),
                d.declaredBy(), now);
        long n = created.number();
        if (withLead) {
            r.incidents().setRole(n, Role.LEAD, d.declaredBy(), now);
            r.participants().add(n, d.declaredBy(), now);
        }
        entry(r, n, EntryKind.DECLARED, d.declaredBy(),
                "Declared " + d.severity().name() + ": " + title + (d.summary() == null || d.summary().isBlank()
                        ? "" : "\n" + d.summary().strip()), now);
        OutboxRepository out = r.outbox();
        String respond = d.responseUrl();
        JobPayloads.enqueue(out, n, new JobPayload.CreateChannel(respond), now);
        if (withLead) {
            JobPayloads.enqueue(out, n, new JobPayload.Invite(List.of(d.declaredBy()), respond), now);
        }
        JobPayloads.enqueue(out, n, new JobPayload.SyncTopic(), now);
        JobPayloads.enqueue(out, n, new JobPayload.SyncHeader(respond), now);
        DeclaredChanges.onDeclare(r, n, now, changeWindow);
        if (announce) {
            JobPayloads.enqueue(out, n, new JobPayload.Announce(new JobPayload.Declared(n, d.severity(), title,
                    d.declaredBy(), d.privateIncident())), now);
        }
        return r.incidents().find(n).orElseThrow();
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

    /** @return open incidents, newest first */
    public List<Incident> listOpen() {
        return storage.read(r -> r.incidents().listOpen());
    }

    /**
     * @param userId Slack user ID of who asks
     * @return open incidents, newest first, without the private ones {@code userId} does not take part in
     */
    public List<Incident> listOpenVisibleTo(String userId) {
        return storage.read(r -> r.incidents().listOpen().stream()
                .filter(i -> !i.privateIncident() || r.participants().list(i.number()).stream()
                        .anyMatch(p -> p.userId().equals(userId)))
                .toList());
    }

    /** @return for each of {@code incidents}, its outbox jobs (Slack calls) given up, oldest first */
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
     * Sets the status. The first {@code identified} sets identified-at, the first {@code monitoring}
     * mitigated-at, {@code resolved} resolved-at; leaving {@code resolved} reopens the incident.
     *
     * @param channelId incident channel ID
     * @return the incident after the change
     * @throws NotAnIncidentChannelException when the channel is no incident's
     */
    public Incident setStatus(String channelId, Status status, String actor) {
        return change(channelId, "status", (r, inc, now) -> applyStatus(r, inc, status, actor, now, null));
    }

    /** Sets the severity; see {@link #setStatus} for arguments and errors. */
    public Incident setSeverity(String channelId, Severity severity, String actor) {
        return change(channelId, "sev", (r, inc, now) -> {
            if (inc.severity() == severity) {
                throw new IncidentException.AlreadySeverity(inc.number(), severity);
            }
            r.incidents().setSeverity(inc.number(), severity);
            String text = "Severity " + inc.severity().name() + " → " + severity.name();
            entry(r, inc.number(), EntryKind.SEVERITY_CHANGE, actor, text, now);
            post(r, inc, new SeverityChanged(actor, inc.severity(), severity, now), now);
            syncState(r, inc.number(), now);
        });
    }

    /**
     * Assigns a role to a user, who is invited to the channel; see {@link #setStatus} for arguments.
     *
     * @throws IncidentException when the user holds that role already
     */
    public Incident assignRole(String channelId, Role role, String userId, String actor) {
        return change(channelId, role == Role.LEAD ? "lead" : "role", (r, inc, now) -> {
            if (userId.equals(inc.roles().get(role))) {
                throw new IncidentException.AlreadyInRole(inc.number(), role, userId);
            }
            r.incidents().setRole(inc.number(), role, userId, now);
            r.participants().add(inc.number(), userId, now);
            String text = role.label() + ": " + TimelineEntry.userToken(userId);
            entry(r, inc.number(), EntryKind.ROLE_CHANGE, actor, text, now);
            post(r, inc, new RoleAssigned(actor, role, userId, now), now);
            syncState(r, inc.number(), now);
            JobPayloads.enqueue(r.outbox(), inc.number(), new JobPayload.Invite(List.of(userId), null), now);
        });
    }

    /** Adds a note to the timeline and echoes it in the channel; see {@link #setStatus}. */
    public Incident note(String channelId, String text, String actor) {
        return change(channelId, "note", (r, inc, now) -> {
            entry(r, inc.number(), EntryKind.NOTE, actor, text, now);
            post(r, inc, new NoteAdded(actor, text, now), now);
        });
    }

    /**
     * Records a status update and sends it to the announcement channel (private incidents: only the
     * incident channel); see {@link #setStatus}.
     */
    public Incident statusUpdate(String channelId, String text, String actor) {
        return change(channelId, "update", (r, inc, now) -> {
            entry(r, inc.number(), EntryKind.STATUS_UPDATE, actor, text, now);
            post(r, inc, new StatusUpdatePosted(actor, text, now), now);
            if (announce && !inc.privateIncident()) {
                JobPayloads.enqueue(r.outbox(), inc.number(), new JobPayload.Announce(new JobPayload.Update(
                        inc.number(), inc.severity(), inc.status(), actor, text)), now);
            }
        });
    }

    /** Records a follow-up with an optional owner; see {@link #setStatus}. */
    public Incident followUp(String channelId, String text, String ownerId, String actor) {
        return change(channelId, "action", (r, inc, now) -> {
            r.followUps().add(inc.number(), text, ownerId, actor, now);
            String line = text + (ownerId == null ? "" : " (owner " + TimelineEntry.userToken(ownerId) + ")");
            entry(r, inc.number(), EntryKind.FOLLOW_UP, actor, line, now);
            post(r, inc, new FollowUpRecorded(actor, text, ownerId, now), now);
        });
    }

    /**
     * Resolves with an optional summary and queues the postmortem draft. On an incident resolved
     * already, a summary replaces the stored one (and the draft is made again) without announcing
     * the resolution a second time; see {@link #setStatus} for arguments and errors.
     */
    public Incident resolve(String channelId, String summary, String actor) {
        return change(channelId, "resolve", (r, inc, now) ->
                applyStatus(r, inc, Status.RESOLVED, actor, now, blankToNull(summary)));
    }

    /** Queues the postmortem draft for upload to the channel; see {@link #setStatus}. */
    public Incident requestPostmortem(String channelId, String actor) {
        return change(channelId, "postmortem", (r, inc, now) ->
                JobPayloads.enqueue(r.outbox(), inc.number(), new JobPayload.Postmortem(actor), now));
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

    private void applyStatus(Repositories r, Incident inc, Status status, String actor, Instant now, String summary) {
        if (inc.status() == status && summary == null) {
            throw new IncidentException.AlreadyInStatus(inc.number(), status);
        }
        long n = inc.number();
        Instant identified = inc.identifiedAt();
        Instant mitigated = inc.mitigatedAt();
        if (identified == null && status.compareTo(Status.IDENTIFIED) >= 0) {
            identified = now;
        }
        if (mitigated == null && status.compareTo(Status.MONITORING) >= 0) {
            mitigated = now;
        }
        Instant resolved = status == Status.RESOLVED ? (inc.status() == Status.RESOLVED ? inc.resolvedAt() : now) : null;
        r.incidents().setStatus(n, status, identified, mitigated, resolved);
        if (inc.status() != status) {
            String text = "Status " + inc.status().label() + " → " + status.label();
            if (inc.status() == Status.RESOLVED) {
                entry(r, n, EntryKind.REOPENED, actor, "Reopened: " + text, now);
                post(r, inc, new Reopened(actor, n, inc.status(), status, now), now);
            } else {
                entry(r, n, EntryKind.STATUS_CHANGE, actor, text, now);
                post(r, inc, new StatusChanged(actor, inc.status(), status, now), now);
            }
        }
        if (status == Status.RESOLVED) {
            if (summary != null) {
                r.incidents().setResolutionSummary(n, summary);
            }
            entry(r, n, EntryKind.RESOLVED, actor, summary == null ? "Resolved" : "Resolved: " + summary, now);
            if (announce && !inc.privateIncident() && inc.status() != Status.RESOLVED) {
                JobPayloads.enqueue(r.outbox(), n, new JobPayload.Announce(new JobPayload.Resolved(n, inc.title(),
                        inc.declaredAt(), now)), now);
            }
            syncState(r, n, now);
            JobPayloads.enqueue(r.outbox(), n, new JobPayload.Postmortem(actor), now);
        } else {
            syncState(r, n, now);
        }
    }

    private interface Change {
        void apply(Repositories r, Incident incident, Instant now);
    }

    private Incident change(String channelId, String subcommand, Change change) {
        Incident after = storage.transaction(r -> {
            Incident inc = r.incidents().findByChannel(channelId)
                    .orElseThrow(() -> new NotAnIncidentChannelException(subcommand));
            change.apply(r, inc, clock.instant());
            return r.incidents().find(inc.number()).orElseThrow();
        });
        outboxWakeup.run();
        return after;
    }

    private static void syncState(Repositories r, long n, Instant now) {
        JobPayloads.enqueue(r.outbox(), n, new JobPayload.SyncHeader(null), now);
        JobPayloads.enqueue(r.outbox(), n, new JobPayload.SyncTopic(), now);
    }

    private static void post(Repositories r, Incident inc, IncidentEvent event, Instant now) {
        JobPayloads.enqueue(r.outbox(), inc.number(), new JobPayload.ChannelPost(event), now);
    }

    private static void entry(Repositories r, long n, EntryKind kind, String actor, String text, Instant now) {
        r.timeline().add(new TimelineEntry(0, n, kind, now, null, null, actor, text, null, false, false, List.of()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Incident insights over the last {@code window}, from stored declared/identified/mitigated/resolved
     * times ({@link io.incidentbot.insights.StatsService}).
     *
     * @param window how far back, e.g. 90 days
     * @param zone   zone the weeks are counted in
     */
    public io.incidentbot.insights.IncidentStats stats(java.time.Duration window, java.time.ZoneId zone) {
        return new io.incidentbot.insights.StatsService(storage, clock).stats(window, zone);
    }
}
