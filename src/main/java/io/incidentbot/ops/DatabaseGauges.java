package io.incidentbot.ops;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.store.OutboxRepository;
import io.incidentbot.store.Storage;
import io.micrometer.core.instrument.Gauge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Gauges read from the database ({@link Storage#read}, which never waits for the write lock): open
 * incidents by severity, outbox jobs pending by subscriber and the method they will call, and the age of the
 * oldest due outbox job. One read
 * serves all of them and is kept for {@code ttl}, so a scrape every few seconds costs at most one
 * short read transaction per {@code ttl}. When the read fails the gauges show NaN,
 * {@code incidentbot_database_up} shows 0 and {@code incidentbot_database_errors_total} counts the failed read. The gauges hold this
 * object strongly (Micrometer's gauges hold theirs weakly by default), so nobody else needs to keep it.
 */
public final class DatabaseGauges {
    private static final Logger log = LoggerFactory.getLogger(DatabaseGauges.class);

    /**
     * What one read saw.
     *
     * @param openBySeverity open incidents per severity
     * @param pending        outbox jobs waiting for delivery, per series (every series present)
     * @param oldestDue      how long the oldest due outbox job has been due (zero when none is)
     */
    record Snapshot(Map<Severity, Long> openBySeverity, Map<Series, Long> pending, Duration oldestDue) {
    }

    /**
     * One series of the pending gauge, {@code incidentbot_outbox_pending{subscriber,method}}.
     *
     * @param subscriber the subscriber whose jobs wait ({@code slack}, {@code pager}, ...)
     * @param method     the outside method they call first, e.g. {@code chat.postMessage}
     */
    public record Series(String subscriber, String method) {
    }

    private final Storage storage;
    private final Clock clock;
    private final Duration ttl;
    private final Function<OutboxRepository.JobType, String> methodOf;
    private final Set<Series> series;
    private Snapshot last;
    private long readAtNanos;
    private boolean failed;
    private final io.micrometer.core.instrument.Counter errors;

    /**
     * Registers the gauges.
     *
     * @param metrics the registry owner
     * @param storage the database
     * @param clock    time source for the outbox job ages
     * @param ttl      how long one read serves scrapes (e.g. 5 s)
     * @param series   every (subscriber, method) a job may wait for: one pending gauge each (0 when none waits)
     * @param methodOf the outside method a job of each (subscriber, kind) calls first ({@code slack/jobs/JobMethods}):
     *                 the pending gauge's {@code method} tag
     */
    public DatabaseGauges(Metrics metrics, Storage storage, Clock clock, Duration ttl, Set<Series> series,
                          Function<OutboxRepository.JobType, String> methodOf) {
        this.series = Set.copyOf(series);
        this.storage = storage;
        this.clock = clock;
        this.ttl = ttl;
        this.methodOf = methodOf;
        for (Severity s : Severity.values()) {
            Gauge.builder("incidentbot.incidents.open", this, g -> g.value(snap -> snap.openBySeverity().get(s)))
                    .description("Open (not resolved) incidents by severity").tag("severity", s.name().toLowerCase())
                    .strongReference(true).register(metrics.registry());
        }
        for (Series s : series) {
            Gauge.builder("incidentbot.outbox.pending", this, g -> g.value(snap -> snap.pending().get(s)))
                    .description("Outbox jobs waiting for delivery, by subscriber and the method they call first")
                    .tag("subscriber", s.subscriber()).tag("method", s.method()).strongReference(true)
                    .register(metrics.registry());
        }
        errors = io.micrometer.core.instrument.Counter.builder("incidentbot.database.errors")
                .description("Reads of the database for these gauges that failed").register(metrics.registry());
        Gauge.builder("incidentbot.database.up", this, g -> Double.isNaN(g.value(snap -> 0)) ? 0 : 1)
                .description("1 when the last read of the database for these gauges worked, else 0")
                .strongReference(true).register(metrics.registry());
        Gauge.builder("incidentbot.outbox.oldest.due", this, g -> g.value(snap -> snap.oldestDue().toMillis() / 1000.0))
                .description("How long the oldest due outbox job has waited past its due time").baseUnit("seconds")
                .strongReference(true).register(metrics.registry());
    }

    private interface Read {
        Number of(Snapshot s);
    }

    private synchronized double value(Read read) {
        long now = System.nanoTime();
        if (last == null && !failed || now - readAtNanos > ttl.toNanos()) {
            readAtNanos = now;
            try {
                last = read();
                failed = false;
            } catch (RuntimeException e) {
                if (!failed) {
                    log.warn("metrics: the database cannot be read: {}", e.toString());
                }
                failed = true;
                last = null;
                errors.increment();
            }
        }
        return last == null ? Double.NaN : read.of(last).doubleValue();
    }

    private Snapshot read() {
        Instant now = clock.instant();
        return storage.read(r -> {
            Map<Severity, Long> open = new EnumMap<>(Severity.class);
            for (Severity s : Severity.values()) {
                open.put(s, 0L);
            }
            for (Incident i : r.incidents().listOpen()) {
                open.merge(i.severity(), 1L, Long::sum);
            }
            List<OutboxJob> due = r.outbox().dueHeads(now, 1);
            Duration oldest = due.isEmpty() ? Duration.ZERO : Duration.between(due.get(0).nextAttemptAt(), now);
            Map<Series, Long> pending = new HashMap<>();
            series.forEach(s -> pending.put(s, 0L));
            r.outbox().pendingByKind().forEach((type, n) ->
                    pending.merge(new Series(type.subscriber(), methodOf.apply(type)), n, Long::sum));
            return new Snapshot(open, pending, oldest.isNegative() ? Duration.ZERO : oldest);
        });
    }
}
