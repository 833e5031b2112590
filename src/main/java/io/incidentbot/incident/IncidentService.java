package io.incidentbot.incident;

import io.incidentbot.reminders.ReminderPolicy;
import io.incidentbot.reminders.ReminderSchedule;
import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Incident use cases. Each one runs in a unit of work ({@link Transactions}): it stores the state change and
 * its timeline entry and records what happened as {@link IncidentEvent}s, which the subscribers (the Slack
 * adapter, ...) turn into outbox jobs in the same transaction. No outside call happens inside, so callers can
 * acknowledge Slack right after.
 */
public final class IncidentService {
    private final Transactions transactions;
    private final Storage storage;
    private final Clock clock;
    private final IncidentAudit audit;
    private final ReminderSchedule reminders;
    private final java.time.Duration changeWindow;

    /** As the full constructor without an audit listener, without reminders, and a 24 h change window. */
    public IncidentService(Transactions transactions) {
        this(transactions, change -> { }, new ReminderSchedule(ReminderPolicy.OFF), java.time.Duration.ofHours(24));
    }

    /**
     * @param transactions runs each use case in a unit of work (the database, the subscribers, the clock)
     * @param audit        told each committed state change (declared, status, severity, role, resolved, reopened)
     * @param reminders    keeps reminder due times in step with each change
     * @param changeWindow {@code INCIDENT_CHANGE_WINDOW}: changes this long before a declare become its timeline entries
     */
    public IncidentService(Transactions transactions, IncidentAudit audit, ReminderSchedule reminders,
                           java.time.Duration changeWindow) {
        this.transactions = transactions;
        this.storage = transactions.storage();
        this.clock = transactions.clock();
        this.audit = audit;
        this.reminders = reminders;
        this.changeWindow = changeWindow;
    }

    /**
     * Declares an incident: stores it (status investigating, the declarer as lead) and records
     * {@link IncidentEvent.Declared}.
     *
     * @return the stored incident with its number
     * @throws IncidentException when the title is blank or too long
     */
    public Incident declare(Declaration d) {
        return transactions.run(w -> declareWithin(w, d, true));
    }

    /**
     * The declare, inside a caller's unit of work (a use case that must store something atomically with it,
     * such as the alert group's link to the incident it declared). It audits itself after the commit.
     *
     * @param withLead true to make the declarer the lead (and a participant invited to the channel);
     *                 false for a declare by the bot, which leaves the lead open
     * @return the stored incident
     * @throws IncidentException when the title is blank or too long
     */
    public Incident declareWithin(UnitOfWork w, Declaration d, boolean withLead) {
        return new Declarations(changeWindow, reminders, audit).declare(w, d, withLead);
    }

    /** @return what keeps reminder due times in step with each change (its intervals per incident) */
    public ReminderSchedule reminders() {
        return reminders;
    }

    /** @return the reads: lists, look-ups, timeline, changes, stats ({@link IncidentQueries}) */
    public IncidentQueries queries() {
        return new IncidentQueries(storage, clock, changeWindow);
    }

    /**
     * @param channelCreation the outbox job that creates an incident's channel (the chat adapter's)
     * @return the use cases for incidents whose channel could not be created (retry, cancel)
     */
    public StuckIncidents stuck(io.incidentbot.store.OutboxRepository.JobType channelCreation) {
        return new StuckIncidents(transactions, channelCreation);
    }

    /**
     * Makes a message from any channel a key event of incident {@code number}: a message entry at the
     * message's own time, by its author, marked key event; records {@link IncidentEvent.KeyEventQuoted}.
     *
     * @param number  incident number
     * @param message the message as Slack sent it
     * @param actor   Slack user ID of who chose it; must be able to see the incident
     * @return the incident
     * @throws IncidentException.NotFound when there is no such open incident {@code actor} may see
     */
    public Incident addKeyEvent(long number, QuotedMessage message, String actor) {
        return transactions.run(w -> {
            Repositories r = w.repositories();
            Incident inc = r.incidents().find(number).filter(Incident::isOpen)
                    .filter(i -> IncidentQueries.mayAccess(r, i, actor)).orElseThrow(() -> new IncidentException.NotFound(number));
            TimelineEntry e = r.timeline().add(new TimelineEntry(0, number, EntryKind.MESSAGE, message.at(), null, null,
                    message.author(), message.text(), null, false, true, List.of()));
            w.record(new IncidentEvent.KeyEventQuoted(number, actor, e.id(), message.channel(), message.ts(),
                    message.author(), message.text(), w.now()));
            return inc;
        });
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
        return change(channelId, "status", actor, (w, inc, now) -> applyStatus(w, inc, status, actor, now, null));
    }

    /** Sets the severity; see {@link #setStatus} for arguments and errors. */
    public Incident setSeverity(String channelId, Severity severity, String actor) {
        return change(channelId, "sev", actor, (w, inc, now) -> {
            Repositories r = w.repositories();
            if (inc.severity() == severity) {
                throw new IncidentException.AlreadySeverity(inc.number(), severity);
            }
            r.incidents().setSeverity(inc.number(), severity);
            String text = "Severity " + inc.severity().name() + " → " + severity.name();
            IncidentWrites.entry(r, inc.number(), EntryKind.SEVERITY_CHANGE, actor, text, now);
            w.record(new IncidentEvent.SeverityChanged(inc.number(), actor, inc.severity(), severity, now));
        });
    }

    /**
     * Assigns a role to a user, who is invited to the channel; see {@link #setStatus} for arguments.
     *
     * @throws IncidentException when the user holds that role already
     */
    public Incident assignRole(String channelId, Role role, String userId, String actor) {
        return change(channelId, role == Role.LEAD ? "lead" : "role", actor, (w, inc, now) -> {
            Repositories r = w.repositories();
            if (userId.equals(inc.roles().get(role))) {
                throw new IncidentException.AlreadyInRole(inc.number(), role, userId);
            }
            r.incidents().setRole(inc.number(), role, userId, now);
            r.participants().add(inc.number(), userId, now);
            String text = role.label() + ": " + TimelineEntry.userToken(userId);
            IncidentWrites.entry(r, inc.number(), EntryKind.ROLE_CHANGE, actor, text, now);
            w.record(new IncidentEvent.RoleAssigned(inc.number(), actor, role, userId, now));
            if (role == Role.LEAD) {
                reminders.leadAssigned(r, inc.number());
            }
        });
    }

    /** Adds a note to the timeline and echoes it in the channel; see {@link #setStatus}. */
    public Incident note(String channelId, String text, String actor) {
        return change(channelId, "note", (w, inc, now) -> {
            IncidentWrites.entry(w.repositories(), inc.number(), EntryKind.NOTE, actor, text, now);
            w.record(new IncidentEvent.NoteAdded(inc.number(), actor, text, now));
        });
    }

    /**
     * Asks people into the channel's incident ({@link IncidentEvent.Invited}: the Slack adapter invites the users and
     * the user groups' members), with a timeline entry naming who invited whom
     * ({@code @{U1} invited @{U2}, the members of user group S3}); see {@link #setStatus}.
     *
     * @param users      Slack user IDs
     * @param usergroups Slack user group IDs ({@code S...})
     */
    public Incident invite(String channelId, java.util.List<String> users, java.util.List<String> usergroups, String actor) {
        return change(channelId, "invite", (w, inc, now) -> inviteWithin(w, inc.number(), users, usergroups, actor));
    }

    /**
     * Declares an incident and, in the same unit of work, invites the people and user groups picked in the declare
     * form's invite fields (issue 25) as {@link #invite} does: a timeline entry naming who invited whom and
     * {@link IncidentEvent.Invited} (the Slack adapter invites them, and the groups' members, once the channel exists).
     *
     * @param users      Slack user IDs to invite
     * @param usergroups Slack user group IDs ({@code S...}) whose members to invite; both empty: a plain
     *                   {@link #declare(Declaration)}
     * @return the stored incident
     * @throws IncidentException when the title is blank or too long
     */
    public Incident declare(Declaration d, java.util.List<String> users, java.util.List<String> usergroups) {
        return transactions.run(w -> {
            Incident inc = declareWithin(w, d, true);
            inviteWithin(w, inc.number(), users, usergroups, d.declaredBy());
            return inc;
        });
    }

    /**
     * Inside a caller's unit of work: the invite's timeline entry ({@code @{U1} invited @{U2}, the members of user
     * group S3}) and {@link IncidentEvent.Invited}; nothing when {@code users} and {@code usergroups} are empty.
     *
     * @param incident   the incident number
     * @param users      Slack user IDs
     * @param usergroups Slack user group IDs ({@code S...})
     * @param actor      who invites (Slack user ID)
     */
    public void inviteWithin(UnitOfWork w, long incident, java.util.List<String> users, java.util.List<String> usergroups,
                             String actor) {
        if (users.isEmpty() && usergroups.isEmpty()) {
            return;
        }
        java.util.List<String> whom = new java.util.ArrayList<>(users.stream().map(TimelineEntry::userToken).toList());
        usergroups.forEach(g -> whom.add("the members of user group " + g));
        IncidentWrites.entry(w.repositories(), incident, EntryKind.NOTE, actor,
                TimelineEntry.userToken(actor) + " invited " + String.join(", ", whom), w.now());
        w.record(new IncidentEvent.Invited(incident, actor, users, usergroups, w.now()));
    }

    /**
     * Records a status update for stakeholders ({@link IncidentEvent.StatusUpdatePosted}); see {@link #setStatus}.
     */
    public Incident statusUpdate(String channelId, String text, String actor) {
        return change(channelId, "update", (w, inc, now) -> recordUpdate(w, inc, text, actor, now));
    }

    /**
     * The Status form: sets the status and, with {@code update} text, records it as a status update, in one unit
     * of work, so that subscribers see one action (the Slack adapter posts one message for both, issue 24).
     *
     * @param update the status update's text, or null for none
     * @throws IncidentException.AlreadyInStatus when {@code status} is the current one and there is no update
     * @see #setStatus(String, Status, String) for the other arguments and errors
     */
    public Incident setStatus(String channelId, Status status, String update, String actor) {
        String text = IncidentWrites.blankToNull(update);
        return change(channelId, "status", actor, (w, inc, now) -> {
            if (inc.status() != status || text == null) {
                applyStatus(w, inc, status, actor, now, null);
            }
            if (text != null) {
                recordUpdate(w, inc, text, actor, now);
            }
        });
    }

    private void recordUpdate(UnitOfWork w, Incident inc, String text, String actor, Instant now) {
        IncidentWrites.entry(w.repositories(), inc.number(), EntryKind.STATUS_UPDATE, actor, text, now);
        w.record(new IncidentEvent.StatusUpdatePosted(inc.number(), actor, text, now));
        reminders.statusUpdated(w.repositories(), inc.number(), now);
    }

    /** Records a follow-up with an optional owner; see {@link #setStatus}. */
    public Incident followUp(String channelId, String text, String ownerId, String actor) {
        return followUp(channelId, text, ownerId, null, null, actor);
    }

    /**
     * Records a follow-up with its due date and priority (issue 22); see {@link #followUp(String, String, String, String)}.
     *
     * @param due      due date, or null
     * @param priority 1..3, or null
     */
    public Incident followUp(String channelId, String text, String ownerId, java.time.LocalDate due, Integer priority,
                             String actor) {
        return change(channelId, "action", (w, inc, now) -> recordFollowUp(w, inc, text, ownerId, due, priority, actor, now));
    }

    private static void recordFollowUp(UnitOfWork w, Incident inc, String text, String ownerId, java.time.LocalDate due,
                                       Integer priority, String actor, Instant now) {
        Repositories r = w.repositories();
        FollowUp f = r.followUps().add(inc.number(), text, ownerId, actor, now);
        if (due != null || priority != null) {
            r.trackers().plan(f.id(), due, priority);
        }
        String line = text + (ownerId == null ? "" : " (owner " + TimelineEntry.userToken(ownerId) + ")");
        IncidentWrites.entry(r, inc.number(), EntryKind.FOLLOW_UP, actor, line, now);
        w.record(new IncidentEvent.FollowUpRecorded(inc.number(), actor, f.id(), text, ownerId, now));
    }

    /**
     * Resolves with an optional summary ({@link IncidentEvent.Resolved}). On an incident resolved already, a
     * summary replaces the stored one ({@code firstResolve} false); see {@link #setStatus} for arguments and errors.
     */
    public Incident resolve(String channelId, String summary, String actor) {
        return change(channelId, "resolve", actor, (w, inc, now) ->
                applyStatus(w, inc, Status.RESOLVED, actor, now, IncidentWrites.blankToNull(summary)));
    }

    /**
     * Resolves an open incident, as the Resolve form does: unlike {@link #resolve}, an incident resolved
     * already is refused, so a form opened before someone else resolved it cannot silently replace the
     * summary.
     *
     * @throws IncidentException.AlreadyInStatus when it is resolved already (nothing changes)
     * @see #setStatus for the other arguments and errors
     */
    public Incident resolveOpen(String channelId, String summary, String actor) {
        return resolveOpen(channelId, summary, java.util.List.of(), actor);
    }

    /**
     * The Resolve form: records each of {@code followUps} (no owner) and resolves the open incident, in one unit
     * of work, so that subscribers see one action (the Slack adapter posts one message, issue 24).
     *
     * @param followUps follow-up texts, in order, possibly none
     * @see #resolveOpen(String, String, String) for the other arguments and errors
     */
    public Incident resolveOpen(String channelId, String summary, java.util.List<String> followUps, String actor) {
        return change(channelId, "resolve", actor, (w, inc, now) -> {
            if (!inc.isOpen()) {
                throw new IncidentException.AlreadyInStatus(inc.number(), Status.RESOLVED);
            }
            for (String f : followUps) {
                recordFollowUp(w, inc, f, null, null, null, actor, now);
            }
            applyStatus(w, inc, Status.RESOLVED, actor, now, IncidentWrites.blankToNull(summary));
        });
    }

    /** Asks for the postmortem draft again ({@link IncidentEvent.PostmortemRequested}); see {@link #setStatus}. */
    public Incident requestPostmortem(String channelId, String actor) {
        return change(channelId, "postmortem", (w, inc, now) ->
                w.record(new IncidentEvent.PostmortemRequested(inc.number(), actor, now)));
    }

    private void applyStatus(UnitOfWork w, Incident inc, Status status, String actor, Instant now, String summary) {
        if (inc.status() == status && summary == null) {
            throw new IncidentException.AlreadyInStatus(inc.number(), status);
        }
        Repositories r = w.repositories();
        long n = inc.number();
        Instant identified = inc.identifiedAt();
        Instant mitigated = inc.mitigatedAt();
        if (identified == null && status.compareTo(Status.IDENTIFIED) >= 0) {
            identified = now;
        }
        if (mitigated == null && status.compareTo(Status.MONITORING) >= 0) {
            mitigated = now;
        }
        boolean wasResolved = inc.status() == Status.RESOLVED;
        Instant resolved = status == Status.RESOLVED ? (wasResolved ? inc.resolvedAt() : now) : null;
        r.incidents().setStatus(n, status, identified, mitigated, resolved);
        if (inc.status() != status) {
            String text = "Status " + inc.status().label() + " → " + status.label();
            if (wasResolved) {
                IncidentWrites.entry(r, n, EntryKind.REOPENED, actor, "Reopened: " + text, now);
                w.record(new IncidentEvent.Reopened(n, actor, inc.status(), status, now));
            } else {
                IncidentWrites.entry(r, n, EntryKind.STATUS_CHANGE, actor, text, now);
                w.record(new IncidentEvent.StatusChanged(n, actor, inc.status(), status, now));
            }
        }
        if (status == Status.RESOLVED) {
            if (summary != null) {
                r.incidents().setResolutionSummary(n, summary);
            }
            IncidentWrites.entry(r, n, EntryKind.RESOLVED, actor, summary == null ? "Resolved" : "Resolved: " + summary, now);
            w.record(new IncidentEvent.Resolved(n, actor, summary != null ? summary : inc.resolutionSummary(),
                    !wasResolved, now));
            if (!wasResolved) {
                reminders.resolved(w, n, now);
            }
        } else if (wasResolved) {
            reminders.reopened(r, n, now);
        }
    }

    private interface Change {
        void apply(UnitOfWork w, Incident incident, Instant now);
    }

    private Incident change(String channelId, String subcommand, Change change) {
        return change(channelId, subcommand, null, change);
    }

    /** Runs a use case in one unit of work and audits what changed ({@link #audit}) once it committed. */
    private Incident change(String channelId, String subcommand, String actor, Change change) {
        return transactions.run(w -> {
            Incident before = w.repositories().incidents().findByChannel(channelId)
                    .orElseThrow(() -> new NotAnIncidentChannelException(subcommand));
            change.apply(w, before, w.now());
            Incident after = w.repositories().incidents().find(before.number()).orElseThrow();
            w.afterCommit(() -> audit.compare(before, after, actor, w.now()));
            return after;
        });
    }

}
