package io.incidentbot.incident;

import io.incidentbot.outbox.JobPayload;
import io.incidentbot.outbox.JobPayloads;
import io.incidentbot.reminders.ReminderPolicy;
import io.incidentbot.reminders.ReminderSchedule;
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
    private final IncidentAudit audit;
    private final ReminderSchedule reminders;
    private final java.time.Duration changeWindow;

    /**
     * As the full constructor with the {@link AuditLog}, without reminders, and a 24 h change window.
     */
    public IncidentService(Storage storage, Clock clock, boolean announce, Runnable outboxWakeup) {
        this(storage, clock, announce, outboxWakeup, new AuditLog(), new ReminderSchedule(ReminderPolicy.OFF),
                java.time.Duration.ofHours(24));
    }

    /**
     * @param storage      the database
     * @param clock        time source for command entries
     * @param announce     true when an announcement channel is configured
     * @param outboxWakeup called after each commit that queued Slack work
     * @param audit        told each committed state change (declared, status, severity, role, resolved, reopened)
     * @param reminders    keeps reminder due times in step with each change
     * @param changeWindow {@code INCIDENT_CHANGE_WINDOW}: changes this long before a declare are posted with it
     */
    public IncidentService(Storage storage, Clock clock, boolean announce, Runnable outboxWakeup, IncidentAudit audit,
                           ReminderSchedule reminders, java.time.Duration changeWindow) {
        this.storage = storage;
        this.clock = clock;
        this.announce = announce;
        this.outboxWakeup = outboxWakeup;
        this.audit = audit;
        this.reminders = reminders;
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
        audit.declared(incident, now);
        return incident;
    }

    /**
     * Audits a declare made by {@link #declareWithin}, once its transaction committed.
     *
     * @param incident the incident {@link #declareWithin} returned
     * @param at       the declare time
     */
    public void declaredWithin(Incident incident, Instant at) {
        audit.declared(incident, at);
    }

    /**
     * The declare, inside a caller's transaction (a use case that must store something atomically with
     * it, such as the alert group's link to the incident it declared). After committing, the caller wakes
     * the outbox and calls {@link #declaredWithin}. Posts the changes before it (see {@link DeclaredChanges}).
     *
     * @param withLead true to make the declarer the lead (and a participant invited to the channel);
     *                 false for a declare by the bot, which leaves the lead open
     * @param now      the declare time
     * @return the stored incident
     * @throws IncidentException when the title is blank or too long
     */
    public Incident declareWithin(Repositories r, Declaration d, boolean withLead, Instant now) {
        return new Declarations(announce, changeWindow, reminders).declare(r, d, withLead, now);
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

    /** @return the use cases for incidents whose channel could not be created (retry, cancel) */
    public StuckIncidents stuck() {
        return new StuckIncidents(storage, clock, announce, outboxWakeup);
    }

    /**
     * Makes a message from any channel a key event of incident {@code number}: a message entry at the
     * message's own time, by its author, marked key event, and queues its quote (with the permalink
     * Slack gives) in the incident channel.
     *
     * @param number  incident number
     * @param message the message as Slack sent it
     * @param actor   Slack user ID of who chose it; must be able to see the incident
     * @return the incident
     * @throws IncidentException.NotFound when there is no such open incident {@code actor} may see
     */
    public Incident addKeyEvent(long number, QuotedMessage message, String actor) {
        Incident after = storage.transaction(r -> {
            Incident inc = r.incidents().find(number).filter(Incident::isOpen)
                    .filter(i -> mayAccess(r, i, actor)).orElseThrow(() -> new IncidentException.NotFound(number));
            TimelineEntry e = r.timeline().add(new TimelineEntry(0, number, EntryKind.MESSAGE, message.at(), null, null,
                    message.author(), message.text(), null, false, true, List.of()));
            JobPayloads.enqueue(r.outbox(), number, new JobPayload.Quote(e.id(), message.channel(), message.ts(),
                    message.author(), message.text()), clock.instant());
            return inc;
        });
        outboxWakeup.run();
        return after;
    }

    /**
     * @param number incident number
     * @param userId Slack user ID of who asks
     * @return the incident, unless it is private and {@code userId} does not take part in it
     */
    public Optional<Incident> findVisible(long number, String userId) {
        return storage.read(r -> r.incidents().find(number).filter(i -> mayAccess(r, i, userId)));
    }

    private static boolean mayAccess(Repositories r, Incident i, String userId) {
        return !i.privateIncident() || r.participants().list(i.number()).stream().anyMatch(p -> p.userId().equals(userId));
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
        return change(channelId, "status", actor, (r, inc, now) -> applyStatus(r, inc, status, actor, now, null));
    }

    /** Sets the severity; see {@link #setStatus} for arguments and errors. */
    public Incident setSeverity(String channelId, Severity severity, String actor) {
        return change(channelId, "sev", actor, (r, inc, now) -> {
            if (inc.severity() == severity) {
                throw new IncidentException.AlreadySeverity(inc.number(), severity);
            }
            r.incidents().setSeverity(inc.number(), severity);
            String text = "Severity " + inc.severity().name() + " → " + severity.name();
            IncidentWrites.entry(r, inc.number(), EntryKind.SEVERITY_CHANGE, actor, text, now);
            IncidentWrites.post(r, inc, new IncidentEvent.SeverityChanged(actor, inc.severity(), severity, now), now);
            IncidentWrites.syncState(r, inc.number(), now);
        });
    }

    /**
     * Assigns a role to a user, who is invited to the channel; see {@link #setStatus} for arguments.
     *
     * @throws IncidentException when the user holds that role already
     */
    public Incident assignRole(String channelId, Role role, String userId, String actor) {
        return change(channelId, role == Role.LEAD ? "lead" : "role", actor, (r, inc, now) -> {
            if (userId.equals(inc.roles().get(role))) {
                throw new IncidentException.AlreadyInRole(inc.number(), role, userId);
            }
            r.incidents().setRole(inc.number(), role, userId, now);
            r.participants().add(inc.number(), userId, now);
            String text = role.label() + ": " + TimelineEntry.userToken(userId);
            IncidentWrites.entry(r, inc.number(), EntryKind.ROLE_CHANGE, actor, text, now);
            IncidentWrites.post(r, inc, new IncidentEvent.RoleAssigned(actor, role, userId, now), now);
            IncidentWrites.syncState(r, inc.number(), now);
            JobPayloads.enqueue(r.outbox(), inc.number(), new JobPayload.Invite(List.of(userId), null), now);
            if (role == Role.LEAD) {
                reminders.leadAssigned(r, inc.number());
            }
        });
    }

    /** Adds a note to the timeline and echoes it in the channel; see {@link #setStatus}. */
    public Incident note(String channelId, String text, String actor) {
        return change(channelId, "note", (r, inc, now) -> {
            IncidentWrites.entry(r, inc.number(), EntryKind.NOTE, actor, text, now);
            IncidentWrites.post(r, inc, new IncidentEvent.NoteAdded(actor, text, now), now);
        });
    }

    /**
     * Records a status update and sends it to the announcement channel (private incidents: only the
     * incident channel); see {@link #setStatus}.
     */
    public Incident statusUpdate(String channelId, String text, String actor) {
        return change(channelId, "update", (r, inc, now) -> {
            IncidentWrites.entry(r, inc.number(), EntryKind.STATUS_UPDATE, actor, text, now);
            IncidentWrites.post(r, inc, new IncidentEvent.StatusUpdatePosted(actor, text, now), now);
            reminders.statusUpdated(r, inc.number(), now);
            // The header shows the last status update's first line.
            JobPayloads.enqueue(r.outbox(), inc.number(), new JobPayload.SyncHeader(null), now);
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
            IncidentWrites.entry(r, inc.number(), EntryKind.FOLLOW_UP, actor, line, now);
            IncidentWrites.post(r, inc, new IncidentEvent.FollowUpRecorded(actor, text, ownerId, now), now);
        });
    }

    /**
     * Resolves with an optional summary and queues the postmortem draft. On an incident resolved
     * already, a summary replaces the stored one (and the draft is made again) without announcing
     * the resolution a second time; see {@link #setStatus} for arguments and errors.
     */
    public Incident resolve(String channelId, String summary, String actor) {
        return change(channelId, "resolve", actor, (r, inc, now) ->
                applyStatus(r, inc, Status.RESOLVED, actor, now, IncidentWrites.blankToNull(summary)));
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
                IncidentWrites.entry(r, n, EntryKind.REOPENED, actor, "Reopened: " + text, now);
                IncidentWrites.post(r, inc, new IncidentEvent.Reopened(actor, n, inc.status(), status, now), now);
            } else {
                IncidentWrites.entry(r, n, EntryKind.STATUS_CHANGE, actor, text, now);
                IncidentWrites.post(r, inc, new IncidentEvent.StatusChanged(actor, inc.status(), status, now), now);
            }
        }
        if (status == Status.RESOLVED) {
            if (summary != null) {
                r.incidents().setResolutionSummary(n, summary);
            }
            IncidentWrites.entry(r, n, EntryKind.RESOLVED, actor, summary == null ? "Resolved" : "Resolved: " + summary, now);
            IncidentWrites.syncState(r, n, now);
            // the draft first, so that the resolution announcement can link to it
            JobPayloads.enqueue(r.outbox(), n, new JobPayload.Postmortem(actor), now);
            if (announce && !inc.privateIncident() && inc.status() != Status.RESOLVED) {
                JobPayloads.enqueue(r.outbox(), n, new JobPayload.Announce(new JobPayload.Resolved(n, inc.title(),
                        inc.declaredAt(), now, summary != null ? summary : inc.resolutionSummary())), now);
            }
            if (inc.status() != Status.RESOLVED) {
                reminders.resolved(r, n, now);
            }
        } else {
            IncidentWrites.syncState(r, n, now);
            if (inc.status() == Status.RESOLVED) {
                reminders.reopened(r, n, now);
            }
        }
    }

    private interface Change {
        void apply(Repositories r, Incident incident, Instant now);
    }

    private Incident change(String channelId, String subcommand, Change change) {
        return change(channelId, subcommand, null, change);
    }

    /** Runs a use case in one transaction, wakes the outbox, and audits what changed ({@link #audit}). */
    private Incident change(String channelId, String subcommand, String actor, Change change) {
        Incident[] before = new Incident[1];
        Instant[] at = new Instant[1];
        Incident after = storage.transaction(r -> {
            Incident inc = r.incidents().findByChannel(channelId)
                    .orElseThrow(() -> new NotAnIncidentChannelException(subcommand));
            before[0] = inc;
            at[0] = clock.instant();
            change.apply(r, inc, at[0]);
            return r.incidents().find(inc.number()).orElseThrow();
        });
        outboxWakeup.run();
        audit.compare(before[0], after, actor, at[0]);
        return after;
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
