package io.incidentbot.pager;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.store.Repositories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Decides, inside the transaction of an incident change, which pages to trigger or resolve ({@link PagingRules}),
 * records them in the {@code page} table at once (so a second change in the same second sees them) and returns the
 * jobs to enqueue, one per pager. Makes no outside call. The pager subscriber calls it for
 * {@code Declared}, {@code SeverityChanged}, {@code Resolved}, {@code Reopened}, and {@code /incident page} for a
 * manual page.
 */
public final class PagePlanner {
    private final PagerSettings settings;
    private final PagingRules rules;

    /** @param settings which pagers are set and the paging threshold */
    public PagePlanner(PagerSettings settings) {
        this.settings = settings;
        this.rules = new PagingRules(settings.pageSeverity());
    }

    /** @return the pagers pages go to: the external ones set, and Slack when it escalates in Slack */
    public List<PagerKind> pagers() {
        List<PagerKind> kinds = new ArrayList<>(settings.pagers());
        if (settings.slackEscalation()) {
            kinds.add(PagerKind.SLACK);
        }
        return kinds;
    }

    /**
     * @return true when a page has anywhere to go ({@link PagerSettings#pagingEnabled()}): an external pager is set,
     *         or the bot escalates in Slack; false: {@code /incident page} and <em>Page on-call</em> are refused
     */
    public boolean enabled() {
        return settings.pagingEnabled();
    }

    /** An incident was declared (any way): pages when at or above the threshold. */
    public List<PageJob> declared(Repositories r, long incident, Instant at) {
        Incident i = incident(r, incident);
        return rules.pagesOnDeclare(i.severity()) ? trigger(r, i, null, null, at, pagers(), true) : List.of();
    }

    /** The severity changed: pages once when it rises into the threshold and the incident was never paged. */
    public List<PageJob> severityChanged(Repositories r, long incident, Severity from, Severity to, Instant at) {
        if (!rules.pagesOnSeverityChange(from, to, r.pages().forIncident(incident))) {
            return List.of();
        }
        return trigger(r, incident(r, incident), null, null, at, pagers(), true);
    }

    /** The incident was resolved: resolves every open page. */
    public List<PageJob> resolved(Repositories r, long incident, Instant at) {
        Incident i = incident(r, incident);
        List<PageJob> jobs = new ArrayList<>();
        for (Page p : r.pages().forIncident(incident)) {
            if (rules.resolvesOnResolve(p) && r.pages().resolved(incident, p.pager(), at)) {
                jobs.add(new PageJob(PageJob.RESOLVE, p.pager(), request(r, i, p.dedupKey(), null, null, at), true));
            }
        }
        return jobs;
    }

    /** The incident was reopened: triggers again every page it had. */
    public List<PageJob> reopened(Repositories r, long incident, String actor, Instant at) {
        Incident i = incident(r, incident);
        List<PageJob> jobs = new ArrayList<>();
        for (Page p : r.pages().forIncident(incident)) {
            if (rules.triggersOnReopen(p) && pagers().contains(p.pager())) {
                r.pages().triggered(incident, p.pager(), p.dedupKey(), actor, at);
                jobs.add(new PageJob(PageJob.TRIGGER, p.pager(), request(r, i, p.dedupKey(), actor, null, at), true));
            }
        }
        return jobs;
    }

    /**
     * {@code /incident page [message]}: pages at any severity, once per call (the caller makes one call per press).
     *
     * @param actor   Slack user ID of who paged
     * @param message their message, or null
     * @return the jobs, empty when no pager is set
     */
    public List<PageJob> manual(Repositories r, long incident, String actor, String message, Instant at) {
        return manual(r, incident, actor, message, at, pagers());
    }

    /**
     * The <em>Page on-call</em> modal: as {@link #manual(Repositories, long, String, String, Instant)}, through the
     * pagers the person chose only.
     *
     * @param only the chosen pagers; those not set are ignored
     * @return the jobs, one per chosen pager that is set
     */
    public List<PageJob> manual(Repositories r, long incident, String actor, String message, Instant at,
                                Collection<PagerKind> only) {
        return trigger(r, incident(r, incident), actor, message, at, only, false);
    }

    /**
     * {@code /incident page retry}: sends again each page whose last call failed for good (a trigger, or the resolve
     * of a resolved page), clearing its error.
     *
     * @param actor Slack user ID of who asked
     * @return the jobs, empty when no page failed
     */
    public List<PageJob> retry(Repositories r, long incident, String actor, Instant at) {
        Incident i = incident(r, incident);
        List<PageJob> jobs = new ArrayList<>();
        for (Page p : r.pages().forIncident(incident)) {
            if (p.error() == null || !pagers().contains(p.pager())) {
                continue;
            }
            if (p.open()) {
                r.pages().triggered(incident, p.pager(), p.dedupKey(), actor, at);
                jobs.add(new PageJob(PageJob.TRIGGER, p.pager(), request(r, i, p.dedupKey(), actor, null, at)));
            } else {
                r.pages().error(incident, p.pager(), null);
                jobs.add(new PageJob(PageJob.RESOLVE, p.pager(), request(r, i, p.dedupKey(), null, null, at)));
            }
        }
        return jobs;
    }

    /** @param announce true for an automatic page: its delivery writes the timeline entry ({@link PageJob#announced()}) */
    private List<PageJob> trigger(Repositories r, Incident i, String actor, String message, Instant at,
                                  Collection<PagerKind> only, boolean announce) {
        List<PageJob> jobs = new ArrayList<>();
        for (PagerKind pager : pagers()) {
            if (!only.contains(pager)) {
                continue;
            }
            String key = r.pages().find(i.number(), pager).map(Page::dedupKey)
                    .orElseGet(() -> DedupKey.of(settings.workspacePrefix(), i.number()));
            r.pages().triggered(i.number(), pager, key, actor, at);
            jobs.add(new PageJob(PageJob.TRIGGER, pager, request(r, i, key, actor, message, at), announce));
        }
        return jobs;
    }

    /** @param dedupKey the key the page was (or is being) triggered with: a resolve uses the stored one */
    private static PageRequest request(Repositories r, Incident i, String dedupKey, String actor, String message, Instant at) {
        return new PageRequest(i.number(), dedupKey, i.severity(), i.privateIncident() ? null : i.title(),
                i.privateIncident(), i.status().label(), i.lead().map(u -> name(r, u)).orElse(null), name(r, i.declaredBy()),
                actor == null ? null : name(r, actor), message, channelUrl(i.channelId()), at);
    }

    /** @return a link that opens the channel in Slack, or null before the channel exists */
    public static String channelUrl(String channelId) {
        return channelId == null ? null : "https://slack.com/app_redirect?channel=" + channelId;
    }

    private static String name(Repositories r, String userId) {
        return userId == null ? null : r.userNames().find(userId).orElse(userId);
    }

    private static Incident incident(Repositories r, long incident) {
        return r.incidents().find(incident).orElseThrow(() -> new IllegalStateException("no incident " + incident));
    }
}
