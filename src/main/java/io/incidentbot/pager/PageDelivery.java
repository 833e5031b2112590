package io.incidentbot.pager;

import io.incidentbot.store.Storage;

import java.util.Map;

/**
 * Delivers one {@link PageJob} to its pager and keeps the page row in step: the pager's ID when it gives one, the
 * pager's error when it refuses for good (the channel is told, and {@code retry} offers it again), the error cleared
 * on success. A job written before the incident's channel existed gets the channel's link now.
 */
public final class PageDelivery {
    private final Map<PagerKind, Pager> pagers;
    private final Storage storage;

    /**
     * @param pagers  the external pagers set, by kind
     * @param storage where pages live
     */
    public PageDelivery(Map<PagerKind, Pager> pagers, Storage storage) {
        this.pagers = Map.copyOf(pagers);
        this.storage = storage;
    }

    /**
     * @param job the job's payload
     * @return what the pager answered; a job for a pager no longer set fails with {@code pager_unset}
     */
    public Delivery deliver(PageJob job) {
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
            storage.run(r -> {
                r.pages().error(n, job.pager(), null);
                if (d.externalId() != null && r.pages().find(n, job.pager()).map(p -> p.externalId() == null).orElse(false)) {
                    r.pages().externalId(n, job.pager(), d.externalId());
                }
            });
        } else if (d.type() == Delivery.Type.FAIL) {
            storage.run(r -> r.pages().error(n, job.pager(), d.error()));
        }
        return d;
    }
}
