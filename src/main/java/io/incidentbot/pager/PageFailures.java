package io.incidentbot.pager;

import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.Transactions;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.util.List;

/**
 * A page job that failed for good (the pager refused it with 400, 401, 403, 404 or 422, or it kept failing past the
 * outbox's give-up time): the page keeps the pager's error, the timeline gets a {@link EntryKind#PAGE} entry
 * "Page to PagerDuty failed: PagerDuty answered 400: ...", and an {@link IncidentEvent.PageChanged} with
 * {@code failed} set makes the Slack adapter show it in the channel and on the header, where
 * {@code /incident page retry} is offered ({@link PageCommand}).
 */
public final class PageFailures {
    private final Transactions transactions;

    /** @param transactions units of work */
    public PageFailures(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * @param pager the pager whose job failed
     * @param job   the failed outbox job ({@code trigger} or {@code resolve})
     * @param error the pager's error (one line, never a key)
     */
    public void failed(PagerKind pager, OutboxJob job, String error) {
        long n = job.incident();
        String what = PageJob.RESOLVE.equals(job.kind()) ? "Resolving the page in " : "Page to ";
        String text = TimelineEntry.literal(what + pager.displayName() + " failed: " + error);
        transactions.run(work -> {
            if (work.repositories().pages().find(n, pager).isEmpty()) {
                return null;
            }
            work.repositories().pages().error(n, pager, error);
            work.repositories().timeline().add(new TimelineEntry(0, n, EntryKind.PAGE, work.now(), null, null, null, text,
                    null, false, false, List.of()));
            work.record(new IncidentEvent.PageChanged(n, null, text, null, true, work.now()));
            return null;
        });
    }
}
