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
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Gauges read from the database ({@link Storage#read}, which never waits for the write lock): open
 * incidents by severity, outbox jobs pending by the Web API method they will call, and the age of the
 * oldest due outbox job. One read
 * serves all of them and is kept for {@code ttl}, so a scrape every few seconds costs at most one
 * short read transaction per {@code ttl}. When the read fails the gauges show NaN. The gauges hold this
 * object strongly (Micrometer's gauges hold theirs weakly by default), so nobody else needs to keep it.
 */
public final class DatabaseGauges {
    private static final Logger log = LoggerFactory.getLogger(DatabaseGauges.class);

    /**
     * What one read saw.
     *
     * @param openBySeverity open incidents per severity
     * @param pending        outbox jobs waiting for delivery, per Web API method (every method present)
     * @param oldestDue      how long the oldest due outbox job has been due (zero when none is)
     */
    record Snapshot(Map<Severity, Long> openBySeverity, Map<String, Long> pending, Duration oldestDue) {
    }

    private final Storage storage;
    private final Clock clock;
    private final Duration ttl;
    private final Function<OutboxRepository.JobType, String> methodOf;
    private final Set<String> methods;
    private Snapshot last;
    private long readAtNanos;
    private boolean failed;

    /**
     * Registers the gauges.
     *
     * @param metrics the registry owner
     * @param storage the database
     * @param clock    time source for the outbox job ages
     * @param ttl      how long one read serves scrapes (e.g. 5 s)
     * @param methods  every value {@code methodOf} gives: one pending gauge per method (0 when none waits)
     * @param methodOf the outside method a job of each (subscriber, kind) calls first ({@code slack/jobs/JobMethods}):
     *                 the pending gauge's {@code method} tag
     */
    public DatabaseGauges(Metrics metrics, Storage storage, Clock clock, Duration ttl, Set<String> methods,
                          Function<OutboxRepository.JobType, String> methodOf) {
        this.methods = new TreeSet<>(methods);
        this.storage = storage;
        this.clock = clock;
        this.ttl = ttl;
        this.methodOf = methodOf;
        for (Severity s : Severity.values()) {
            Gauge.builder("incidentbot.incidents.open", this, g -> g.value(snap -> snap.openBySeverity().get(s)))
                    .description("Open (not resolved) incidents by severity").tag("severity", s.name().toLowerCase())
                    .strongReference(true).register(metrics.registry());
        }
        for (String method : methods()) {
            Gauge.builder("incidentbot.outbox.pending", this, g -> g.value(snap -> snap.pending().get(method)))
                    .description("Outbox jobs (Web API work) waiting for delivery, by the Web API method they call first")
                    .tag("method", method).strongReference(true).register(metrics.registry());
        }
        Gauge.builder("incidentbot.outbox.oldest.due", this, g -> g.value(snap -> snap.oldestDue().toMillis() / 1000.0))
                .description("How long the oldest due outbox job has waited past its due time").baseUnit("seconds")
                .strongReference(true).register(metrics.registry());
    }

    private Set<String> methods() {
        return methods;
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
            Map<String, Long> pending = new HashMap<>();
            methods().forEach(m -> pending.put(m, 0L));
            r.outbox().pendingByKind().forEach((kind, n) -> pending.merge(methodOf.apply(kind), n, Long::sum));
            return new Snapshot(open, pending, oldest.isNegative() ? Duration.ZERO : oldest);
        });
    }
}
