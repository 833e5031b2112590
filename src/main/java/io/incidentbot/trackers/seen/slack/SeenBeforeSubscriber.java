package io.incidentbot.trackers.seen.slack;

import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentSubscriber;
import io.incidentbot.incident.UnitOfWork;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.JobRoutes;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.outbox.Payloads;
import io.incidentbot.slack.jobs.SlackJob;
import io.incidentbot.slack.jobs.SlackJobs;
import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;
import io.incidentbot.trackers.seen.PastIncident;
import io.incidentbot.trackers.seen.SeenBefore;
import io.incidentbot.trackers.seen.SeenBeforeSource;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * "Seen before" on declare (issue 22): an incident declared in any way (command, modal, shortcut, alert group)
 * queues one {@code compare} job of subscriber {@value #NAME}. Delivered, it compares the incident with up to
 * {@value SeenBeforeSource#MAX_PAST} earlier ones ({@link SeenBefore}, {@link SeenBeforeSource}) in a read-only
 * transaction and, when some are similar enough, queues one channel post ({@link SeenBeforeText}) in the incident's
 * Slack lane: it is delivered after the channel is created and the header posted, at most once
 * ({@code chat.postMessage} tagged with its job ID). Nothing is posted when nothing is similar.
 *
 * <p>The comparison runs after the declare, not in its transaction: by then the alert groups of an alert-declared
 * incident are linked, and a declare never waits on 500 incidents' reads. The post is queued once per incident even
 * if the compare job runs again (a marker, {@value #MARKER}, is stored in the same transaction).
 */
public final class SeenBeforeSubscriber implements IncidentSubscriber {
    /** The subscriber's name in the outbox. */
    public static final String NAME = "seen";
    /** What the queued post is remembered as ({@code OutboxRepository#rememberSent}), so it is queued once. */
    static final String MARKER = "seen_before";

    /**
     * Payload of a {@code compare} job.
     *
     * @param incident the new incident's number
     */
    public record Compare(long incident) {
    }

    private final Storage storage;
    private final SeenBeforeSource source;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param storage the bot's storage
     * @param source  reads what is compared
     * @param clock   "now", for overdue follow-ups and the post's due time
     * @param zone    {@code INCIDENT_TIMEZONE}: due dates are calendar days there
     */
    public SeenBeforeSubscriber(Storage storage, SeenBeforeSource source, Clock clock, ZoneId zone) {
        this.storage = storage;
        this.source = source;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void on(UnitOfWork work, IncidentEvent event) {
        if (event instanceof IncidentEvent.Declared) {
            work.repositories().outbox().enqueue(event.incident(), NAME, "compare",
                    Payloads.write(new Compare(event.incident())), work.now());
        }
    }

    /** @return the routing table of this subscriber's jobs */
    public JobRoutes routes() {
        return JobRoutes.of(NAME).route("compare", Compare.class, (job, p) -> compare(job));
    }

    private Outcome compare(OutboxJob job) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long n = job.incident();
        Optional<String> text = storage.read((Repositories r) -> r.incidents().find(n).flatMap(i -> {
            List<SeenBefore.Match> matches = new SeenBefore().suggest(source.probe(r, i), source.audience(r, i), source.past(r, i));
            return matches.isEmpty() ? Optional.empty() : Optional.of(SeenBeforeText.render(matches, today));
        }));
        text.ifPresent(t -> storage.run(r -> {
            if (r.outbox().lastSent(n, MARKER).isEmpty()) {
                r.outbox().rememberSent(n, MARKER, "queued");
                SlackJobs.enqueue(r.outbox(), n, new SlackJob.ChannelPost(null, t), clock.instant());
            }
        }));
        return Outcome.done();
    }
}
