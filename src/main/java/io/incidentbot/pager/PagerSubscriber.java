package io.incidentbot.pager;

import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentSubscriber;
import io.incidentbot.incident.UnitOfWork;
import io.incidentbot.outbox.JobRoutes;
import io.incidentbot.outbox.Payloads;
import io.incidentbot.pager.oncall.SlackEscalation;
import io.incidentbot.slack.jobs.SlackJob;
import io.incidentbot.slack.jobs.SlackJobs;
import io.incidentbot.store.Repositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The pager subscriber (issue 21): turns {@code Declared}, {@code SeverityChanged}, {@code Resolved} (the first)
 * and {@code Reopened} into pages ({@link PagePlanner}), recorded in the change's transaction, and enqueues one
 * outbox job per external pager under the pager's own subscriber name ({@code pagerduty}, {@code jsm-ops},
 * {@code goalert}: one ordered lane per incident and pager). A Slack page starts or stops the incident's Slack
 * escalation instead, and its resolve withdraws the direct messages already sent. An incident an alert group declared
 * gets {@code INCIDENT_ALERT_INVITE}'s people invited, so nobody is alone in an empty channel. Makes no outside call.
 */
public final class PagerSubscriber implements IncidentSubscriber {
    private static final Logger log = LoggerFactory.getLogger(PagerSubscriber.class);

    private final PagePlanner planner;
    private final SlackEscalation escalation;
    private final List<String> alertInvite;
    private final List<String> alertInviteGroups;

    /**
     * @param planner    decides the pages
     * @param escalation the Slack escalation, or null when the bot does not escalate in Slack
     */
    public PagerSubscriber(PagePlanner planner, SlackEscalation escalation) {
        this(planner, escalation, List.of());
    }

    /**
     * @param alertInvite {@code INCIDENT_ALERT_INVITE}: Slack user IDs and user group IDs ({@code S..}) invited to
     *                    every incident an alert group declares: one invite job after the channel's creation, which
     *                    expands each group with {@code usergroups.users.list} (as per-type invites do)
     */
    public PagerSubscriber(PagePlanner planner, SlackEscalation escalation, List<String> alertInvite) {
        this.planner = planner;
        this.escalation = escalation;
        this.alertInvite = alertInvite.stream().filter(id -> !id.startsWith("S")).toList();
        this.alertInviteGroups = alertInvite.stream().filter(id -> id.startsWith("S")).toList();
    }

    @Override
    public void on(UnitOfWork work, IncidentEvent event) {
        Repositories r = work.repositories();
        List<PageJob> jobs;
        if (event instanceof IncidentEvent.Declared d) {
            if (d.byAlert() && (!alertInvite.isEmpty() || !alertInviteGroups.isEmpty())) {
                SlackJobs.enqueue(r.outbox(), d.incident(), new SlackJob.Invite(alertInvite, null, List.of(), alertInviteGroups),
                        work.now());
            }
            jobs = planner.declared(r, d.incident(), work.now());
        } else if (event instanceof IncidentEvent.SeverityChanged s) {
            jobs = planner.severityChanged(r, s.incident(), s.from(), s.to(), work.now());
        } else if (event instanceof IncidentEvent.Resolved x && x.firstResolve()) {
            jobs = planner.resolved(r, x.incident(), work.now());
            if (escalation != null && jobs.stream().anyMatch(j -> j.pager() == PagerKind.SLACK)) {
                escalation.withdraw(r, x.incident(), x.actor(), work.now());
            }
        } else if (event instanceof IncidentEvent.Reopened o) {
            jobs = planner.reopened(r, o.incident(), o.actor(), work.now());
        } else {
            return;
        }
        enqueue(work, jobs);
    }

    /** Enqueues {@code jobs} in {@code work}'s transaction (also used by {@code /incident page}). */
    public void enqueue(UnitOfWork work, List<PageJob> jobs) {
        for (PageJob job : jobs) {
            long n = job.page().incident();
            if (job.pager() == PagerKind.SLACK) {
                if (escalation != null) {
                    if (PageJob.TRIGGER.equals(job.action())) {
                        escalation.start(work.repositories(), n, work.now());
                    } else {
                        escalation.stop(work.repositories(), n);
                    }
                }
                continue;
            }
            work.repositories().outbox().enqueue(n, job.pager().id(), job.action(), Payloads.write(job), work.now());
        }
    }

    /**
     * @param delivery sends a job
     * @param pagers   the external pagers set
     * @param failures told of each job that failed for good (shown in the channel, offered again)
     * @return one routing table per pager, for the outbox worker
     */
    public static List<JobRoutes> routes(PageDelivery delivery, List<PagerKind> pagers, PageFailures failures) {
        List<JobRoutes> routes = new ArrayList<>();
        for (PagerKind kind : pagers) {
            routes.add(JobRoutes.of(kind.id())
                    .route(PageJob.TRIGGER, PageJob.class, (job, p) -> delivery.deliver(job, p).outcome())
                    .route(PageJob.RESOLVE, PageJob.class, (job, p) -> delivery.deliver(job, p).outcome())
                    .onFailed((job, error) -> {
                        log.warn("{} page of incident {} given up: {}", kind.displayName(), job.incident(), error);
                        failures.failed(kind, job, error);
                    }));
        }
        return routes;
    }
}
