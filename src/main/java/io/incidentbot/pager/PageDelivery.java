package io.incidentbot.pager;

import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.Transactions;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.store.Storage;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.util.List;
import java.util.Map;

/**
 * Delivers one {@link PageJob} to its pager and keeps the page row in step: the pager's ID when it gives one, the
 * pager's error when it refuses for good (the channel is told, and {@code retry} offers it again), the error cleared
 * on success. A job written before the incident's channel existed gets the channel's link now. An automatic page or
 * resolve ({@link PageJob#announced()}) the pager accepted becomes, in the same transaction, a {@link EntryKind#PAGE}
 * timeline entry ("Paged PagerDuty: SEV1 incident 12: ...", "Resolved the page in PagerDuty") and an
 * {@link IncidentEvent.PageChanged} (the line in the channel), once per outbox job however often it is retried (the
 * job's ID is marked in {@code pager_hook_event} under source {@value #JOB_SOURCE}).
 */
public final class PageDelivery {
    /**
     * {@code pager_hook_event.source} of the marks of outbox jobs whose acceptance was written to the timeline (automatic
     * pages, Slack escalation messages); the event ID is the outbox job's ID.
     */
    public static final String JOB_SOURCE = "outbox";
    private final Map<PagerKind, Pager> pagers;
    private final Transactions transactions;
    private final Storage storage;

    /**
     * @param pagers       the external pagers set, by kind
     * @param transactions units of work on the storage where pages live
     */
    public PageDelivery(Map<PagerKind, Pager> pagers, Transactions transactions) {
        this.pagers = Map.copyOf(pagers);
        this.transactions = transactions;
        this.storage = transactions.storage();
    }

    /**
     * @param outbox the outbox job being delivered (its ID marks the timeline entry as written)
     * @param job    the job's payload
     * @return what the pager answered; a job for a pager no longer set fails with {@code pager_unset}
     */
    public Delivery deliver(OutboxJob outbox, PageJob job) {
        Pager pager = pagers.get(job.pager());
        if (pager == null) {
            return Delivery.fail(job.pager().displayName() + " is no longer set (pager_unset)");
        }
        PageRequest page = job.page();
        if (page.channelUrl() == null) {
            long incident = page.incident();
            String channel = storage.read(r -> r.incidents().find(incident).map(i -> i.channelId()).orElse(null));
            page = new PageRequest(page.incident(), page.dedupKey(), page.severity(), page.title(), page.privateIncident(),
                    page.status(), page.lead(), page.declaredBy(), page.pagedBy(), page.message(),
                    PagePlanner.channelUrl(channel), page.at());
        }
        Delivery d = PageJob.RESOLVE.equals(job.action()) ? pager.resolve(page) : pager.trigger(page);
        long n = page.incident();
        if (d.type() == Delivery.Type.DONE) {
            transactions.run(work -> {
                var r = work.repositories();
                r.pages().error(n, job.pager(), null);
                if (d.externalId() != null && r.pages().find(n, job.pager()).map(p -> p.externalId() == null).orElse(false)) {
                    r.pages().externalId(n, job.pager(), d.externalId());
                }
                if (job.announced() && r.pages().firstDelivery(JOB_SOURCE, String.valueOf(outbox.id()), work.now())) {
                    String text = TimelineEntry.literal(job.accepted());
                    r.timeline().add(new TimelineEntry(0, n, EntryKind.PAGE, work.now(), null, null, null, text, null,
                            false, false, List.of()));
                    work.record(new IncidentEvent.PageChanged(n, null, text, null, false, work.now()));
                }
                return null;
            });
        } else if (d.type() == Delivery.Type.FAIL) {
            storage.run(r -> r.pages().error(n, job.pager(), d.error()));
        }
        return d;
    }
}
