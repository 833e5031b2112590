package io.incidentbot.slack.jobs;

import io.incidentbot.changes.ChangeReport;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentSubscriber;
import io.incidentbot.incident.Status;
import io.incidentbot.incident.UnitOfWork;
import io.incidentbot.reminders.ReminderNote;
import io.incidentbot.store.AlertRepository.Group;
import io.incidentbot.store.OutboxRepository;
import io.incidentbot.store.Repositories;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Slack adapter as an {@link IncidentSubscriber}: decides, for each incident event, which Slack work it
 * needs (channel creation, invites, topic and header syncs, channel posts, announcements, reminders, quotes,
 * postmortem uploads, alert group messages) and enqueues it as {@link SlackJob}s in the event's transaction.
 * Every job of an incident goes in its lane (incident, {@value SlackJobs#SUBSCRIBER}), in the order below,
 * so the channel is created before anything is posted into it.
 *
 * <p><b>Alert storms.</b> Slack work of an alert group is one coalescing {@link SlackJob.AlertGroup} job: an
 * event queues it only when none is queued, due {@link #ALERT_INTERVAL} after the group's last job was taken
 * (or now, for a group that never had one). The job reads the group as it is when delivered, so any number
 * of notifications in between cost one {@code chat.postMessage} or {@code chat.update}: at most one per group
 * per 10 s. Its lane is {@code -groupId}, so a group waiting out its interval never holds up another group's
 * or an incident's own jobs; only the first digest of a declare, due at once, goes in the incident's lane,
 * behind the jobs that create its channel.
 */
public final class SlackSubscriber implements IncidentSubscriber {
    /** Least time between two Slack messages or updates for one alert group. */
    public static final Duration ALERT_INTERVAL = Duration.ofSeconds(10);

    private final boolean announce;
    private final Duration changeWindow;
    /**
     * The channel posts of each unit of work still running, gathered into one message at its commit; a unit of
     * work's entry is removed at its commit or rollback.
     */
    private final Map<UnitOfWork, List<IncidentEvent>> actions = new ConcurrentHashMap<>();

    /**
     * @param announce     true when an announcement channel is configured ({@code INCIDENT_ANNOUNCE_CHANNEL})
     * @param changeWindow {@code INCIDENT_CHANGE_WINDOW}: the changes this long before a declare are posted with it
     */
    public SlackSubscriber(boolean announce, Duration changeWindow) {
        this.announce = announce;
        this.changeWindow = changeWindow;
    }

    @Override
    public void on(UnitOfWork work, IncidentEvent event) {
        Repositories r = work.repositories();
        OutboxRepository out = r.outbox();
        long n = event.incident();
        Instant now = event.at();
        if (event instanceof IncidentEvent.Declared e) {
            Incident inc = r.incidents().find(n).orElseThrow();
            channelJobs(out, inc, e.replyTo(), inc.lead().isPresent(), now);
            postChanges(r, inc, now);
            if (announce) {
                SlackJobs.enqueue(out, n, declaredAnnouncement(inc), now);
            }
        } else if (event instanceof IncidentEvent.ChannelRetried e) {
            Incident inc = r.incidents().find(n).orElseThrow();
            channelJobs(out, inc, e.replyTo(), true, now);
            if (announce) {
                SlackJobs.enqueue(out, n, declaredAnnouncement(inc), now);
            }
        } else if (event instanceof IncidentEvent.StatusChanged e) {
            post(work, e);
            if (e.to() != Status.RESOLVED) {
                syncState(r, n, now);
            }
        } else if (event instanceof IncidentEvent.Reopened e) {
            post(work, e);
            syncState(r, n, now);
            Incident inc = r.incidents().find(n).orElseThrow();
            if (announce && !inc.privateIncident()) {
                SlackJobs.enqueue(out, n, new SlackJob.Announce(new SlackJob.Reopened(n, inc.title(), inc.severity(),
                        e.to(), e.actor())), now);
            }
        } else if (event instanceof IncidentEvent.SeverityChanged e) {
            post(work, e);
            syncState(r, n, now);
            Incident inc = r.incidents().find(n).orElseThrow();
            // Stakeholders hear of an escalation (SEV3 -> SEV1), not of a downgrade.
            if (announce && !inc.privateIncident() && e.to().compareTo(e.from()) < 0) {
                SlackJobs.enqueue(out, n, new SlackJob.Announce(new SlackJob.Escalated(n, inc.title(), e.from(), e.to(),
                        e.actor())), now);
            }
        } else if (event instanceof IncidentEvent.RoleAssigned e) {
            post(work, e);
            syncState(r, n, now);
            SlackJobs.enqueue(out, n, new SlackJob.Invite(List.of(e.user()), null), now);
        } else if (event instanceof IncidentEvent.NoteAdded e) {
            post(work, e);
        } else if (event instanceof IncidentEvent.MilestonesCorrected) {
            SlackJobs.enqueue(out, n, new SlackJob.SyncHeader(null), now); // the header shows when impact started
        } else if (event instanceof IncidentEvent.FieldChanged e) {
            post(work, e);
            syncState(r, n, now); // the header shows the fields
        } else if (event instanceof IncidentEvent.Invited e) {
            SlackJobs.enqueue(out, n, new SlackJob.Invite(e.users(), null, List.of(), e.usergroups()), now);
        } else if (event instanceof IncidentEvent.FollowUpRecorded e) {
            post(work, e);
        } else if (event instanceof IncidentEvent.FollowUpStateChanged e) {
            // a timeline entry while the incident is open; recorded (not posted) after it is resolved
            if (r.incidents().find(n).orElseThrow().isOpen()) {
                post(work, e);
            }
            // the follow-up's own message shows its state, also after the resolve
            SlackJobs.enqueue(out, n, new SlackJob.SyncFollowUp(e.followUpId()), now);
        } else if (event instanceof IncidentEvent.FollowUpIssueCreated e) {
            // ... and its tracker issue's link, as soon as the issue exists
            SlackJobs.enqueue(out, n, new SlackJob.SyncFollowUp(e.followUpId()), now);
        } else if (event instanceof IncidentEvent.FollowUpIssueRefused e) {
            // ... or the tracker's refusal, with how to ask again
            SlackJobs.enqueue(out, n, new SlackJob.SyncFollowUp(e.followUpId()), now);
        } else if (event instanceof IncidentEvent.AlertsResolved e) {
            SlackJobs.enqueue(out, n, new SlackJob.ChannelPost(e), now);
        } else if (event instanceof IncidentEvent.StatusUpdatePosted e) {
            post(work, e);
            // The header shows the last status update's first line.
            SlackJobs.enqueue(out, n, new SlackJob.SyncHeader(null), now);
            Incident inc = r.incidents().find(n).orElseThrow();
            if (announce && !inc.privateIncident()) {
                SlackJobs.enqueue(out, n, new SlackJob.Announce(new SlackJob.Update(n, inc.severity(),
                        inc.status(), e.actor(), e.text())), now);
            }
        } else if (event instanceof IncidentEvent.Resolved e) {
            syncState(r, n, now);
            // the draft first, so that the resolution post and announcement can link to it
            SlackJobs.enqueue(out, n, new SlackJob.Postmortem(e.actor()), now);
            if (e.firstResolve()) {
                post(work, e);
            }
            Incident inc = r.incidents().find(n).orElseThrow();
            if (announce && !inc.privateIncident() && e.firstResolve()) {
                SlackJobs.enqueue(out, n, new SlackJob.Announce(new SlackJob.Resolved(n, inc.title(),
                        inc.declaredAt(), now, e.summary())), now);
            }
        } else if (event instanceof IncidentEvent.PostmortemRequested e) {
            SlackJobs.enqueue(out, n, new SlackJob.Postmortem(e.actor()), now);
        } else if (event instanceof IncidentEvent.KeyEventQuoted e) {
            SlackJobs.enqueue(out, n, new SlackJob.Quote(e.entryId(),
                e.channel(), e.ts(), e.author(), e.text()), now);
        } else if (event instanceof IncidentEvent.ReminderDue e && e.note() instanceof ReminderNote.UnownedFollowUps) {
            post(work, e); // part of the resolve's message
        } else if (event instanceof IncidentEvent.ReminderDue e) {
            SlackJobs.enqueue(out, n, new SlackJob.Remind(e.note()), now);
        } else if (event instanceof IncidentEvent.AlertLinked e) {
            r.alerts().find(e.group()).ifPresent(g -> queueAlertGroup(r, g, now, n));
        } else if (event instanceof IncidentEvent.PageChanged e) {
            post(work, e);
            syncState(r, n, now);
            if (e.invite() != null) {
                boolean user = io.incidentbot.markup.Mentions.isUserId(e.invite());
                SlackJobs.enqueue(out, n, new SlackJob.Invite(user ? List.of(e.invite()) : List.of(), null,
                        user ? List.of() : List.of(e.invite())), now);
            }
        } else if (event instanceof IncidentEvent.AlertsReceived e) {
            r.alerts().find(e.group()).ifPresent(g -> queueAlertGroup(r, g, now, null));
        }
        // Cancelled: the incident has no channel, there is nothing to tell in Slack
    }

    /** Channel creation, the invite of the lead (when there is one), topic and header. */
    private static void channelJobs(OutboxRepository out, Incident inc, String replyTo, boolean invite, Instant now) {
        long n = inc.number();
        SlackJobs.enqueue(out, n, new SlackJob.CreateChannel(replyTo), now);
        if (invite) {
            SlackJobs.enqueue(out, n, new SlackJob.Invite(List.of(inc.declaredBy()), replyTo), now);
        }
        SlackJobs.enqueue(out, n, new SlackJob.SyncTopic(), now);
        SlackJobs.enqueue(out, n, new SlackJob.SyncHeader(replyTo), now);
    }

    private static SlackJob.Announce declaredAnnouncement(Incident inc) {
        return new SlackJob.Announce(new SlackJob.Declared(inc.number(), inc.severity(), inc.title(), inc.declaredBy(),
                inc.privateIncident()));
    }

    /**
     * Gathers the channel post of {@code e} with the others of the same unit of work (one human action): just
     * before the commit they are enqueued as one message, after the action's other jobs (so a resolve's post
     * comes after the draft upload it links to). One change alone stays a {@link SlackJob.ChannelPost}.
     */
    private void post(UnitOfWork work, IncidentEvent e) {
        actions.computeIfAbsent(work, w -> {
            w.beforeCommit(() -> flush(w));
            w.afterRollback(() -> actions.remove(w));
            return new ArrayList<>();
        }).add(e);
    }

    private void flush(UnitOfWork work) {
        List<IncidentEvent> events = actions.remove(work);
        Map<Long, List<IncidentEvent>> byIncident = new LinkedHashMap<>();
        for (IncidentEvent e : events == null ? List.<IncidentEvent>of() : events) {
            byIncident.computeIfAbsent(e.incident(), k -> new ArrayList<>()).add(e);
        }
        byIncident.forEach((n, list) -> SlackJobs.enqueue(work.repositories().outbox(), n,
                list.size() == 1 && !(list.get(0) instanceof IncidentEvent.Resolved)
                        && !(list.get(0) instanceof IncidentEvent.ReminderDue)
                        ? new SlackJob.ChannelPost(list.get(0)) : new SlackJob.ActionPost(list),
                list.get(0).at()));
    }

    /** @return how many units of work have channel posts gathered and not yet enqueued (for tests) */
    int gathering() {
        return actions.size();
    }

    /**
     * "Changes in the ... before this incident": a snapshot of the 10 most recent changes of the window with
     * the count of the rest; nothing when the window holds none.
     */
    private void postChanges(Repositories r, Incident inc, Instant now) {
        Instant declared = inc.declaredAt();
        Instant from = declared.minus(changeWindow);
        long total = r.changes().countBetween(from, declared);
        if (total > 0) {
            SlackJobs.enqueue(r.outbox(), inc.number(), new SlackJob.ChangesPost(changeWindow,
                    r.changes().between(from, declared, ChangeReport.SHOWN), total), now);
        }
    }

    /**
     * Queues a header and a topic sync. Both render the incident as it is when delivered, so older
     * never-attempted syncs of the same kind are dropped (coalesced); the first header post is kept while
     * the header is not posted yet, so it stays the channel's first message.
     */
    private static void syncState(Repositories r, long n, Instant now) {
        SlackJobs.enqueue(r.outbox(), n, new SlackJob.SyncHeader(null), now);
        SlackJobs.enqueue(r.outbox(), n, new SlackJob.SyncTopic(), now);
        SlackJobs.dropOlderPending(r.outbox(), n, SlackJob.Kind.SYNC_TOPIC);
        if (r.incidents().find(n).map(Incident::headerTs).isPresent()) {
            SlackJobs.dropOlderPending(r.outbox(), n, SlackJob.Kind.SYNC_HEADER);
        }
    }

    /**
     * Queues the group's coalescing Slack job unless one is queued already (so a group has at most one).
     *
     * @param declared the incident a declare just linked the group to, else null: its first digest, when due
     *                 at once, goes in the incident's own lane, after the jobs that create its channel; one due
     *                 later waits in the group's lane, so as not to hold up the new incident's own jobs
     */
    private static void queueAlertGroup(Repositories r, Group group, Instant now, Long incident) {
        // A group in a storm digest (issue 24) updates the digest's one message, in the digest group's lane.
        Group g = group.digestOf() == null ? group : r.alerts().find(group.digestOf()).orElse(group);
        Long declared = g == group ? incident : null;
        if (g.slackPending()) {
            return;
        }
        Instant due = g.lastSlackAt() == null ? now : g.lastSlackAt().plus(ALERT_INTERVAL);
        boolean atOnce = !due.isAfter(now);
        SlackJobs.enqueue(r.outbox(), declared != null && atOnce ? declared : -g.id(),
                new SlackJob.AlertGroup(g.id()), atOnce ? now : due);
        r.alerts().slackQueued(g.id());
    }
}
