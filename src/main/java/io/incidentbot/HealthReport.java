package io.incidentbot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.slack.HttpFrontEnd;
import io.incidentbot.store.OutboxRepository;
import io.incidentbot.store.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code GET /healthz} answer: 200 with the outbox's pending count and the last jobs that failed for
 * good, or 503 when the database cannot be read. Reads in a read-only transaction
 * ({@link Storage#read}), so a health check does not queue behind writes.
 */
public final class HealthReport implements Supplier<HttpFrontEnd.Health> {
    private static final Logger log = LoggerFactory.getLogger(HealthReport.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many failed jobs the report lists, newest first. */
    static final int FAILED_SHOWN = 10;
    private volatile String lastProblem;

    /**
     * The body of {@code /healthz}.
     *
     * @param status        {@code ok}, {@code database unavailable}, or the one-line reason it is unhealthy
     * @param outboxPending jobs waiting for delivery; null when the database is unavailable
     * @param outboxFailed  the newest jobs that failed for good; null when the database is unavailable
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String status, Long outboxPending, List<FailedJob> outboxFailed) {
    }

    /**
     * A job that failed for good, as {@code /healthz} shows it.
     *
     * @param incident incident number
     * @param kind     the outbox job kind, e.g. {@code SYNC_TOPIC}
     * @param error    Slack's error code or the exception's message; left out when null
     * @param failedAt when it was given up, ISO-8601 UTC
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FailedJob(long incident, String kind, String error, String failedAt) {
        static FailedJob of(OutboxRepository.FailedJob j) {
            return new FailedJob(j.incident(), j.kind().name(), j.error(), j.failedAt().toString());
        }
    }

    private final Storage storage;
    private final List<Supplier<Optional<String>>> checks;

    /** @param storage the bot's database */
    public HealthReport(Storage storage) {
        this(storage, List.of());
    }

    /**
     * @param storage the bot's database; its {@link Storage#problem()} (file deleted or replaced, writes
     *                failing) makes the report unhealthy
     * @param checks  more problems that make it unhealthy, e.g. the outbox's paused deliveries
     *                ({@code OutboxWorker::problem}); each returns a one-line reason or empty
     */
    public HealthReport(Storage storage, List<Supplier<Optional<String>>> checks) {
        this.storage = storage;
        this.checks = List.copyOf(checks);
    }

    /**
     * @return healthy with {@link Body} as JSON; unhealthy (503) with the reason as {@code status} when the
     *         database read fails, its file was deleted or replaced, writes fail, or a check reports a problem
     */
    @Override
    public HttpFrontEnd.Health get() {
        Optional<String> problem = storage.problem();
        for (Supplier<Optional<String>> check : checks) {
            if (problem.isPresent()) {
                break;
            }
            problem = check.get();
        }
        if (problem.isPresent()) {
            if (!problem.get().equals(lastProblem)) {
                log.error("unhealthy: {}", problem.get());
                lastProblem = problem.get();
            }
            return new HttpFrontEnd.Health(false, json(new Body(problem.get(), null, null)));
        }
        lastProblem = null;
        try {
            Body body = storage.read(r -> new Body("ok", r.outbox().pendingCount(),
                    r.outbox().failed(FAILED_SHOWN).stream().map(FailedJob::of).toList()));
            return new HttpFrontEnd.Health(true, json(body));
        } catch (RuntimeException e) {
            log.error("health check failed", e);
            return new HttpFrontEnd.Health(false, json(new Body("database unavailable", null, null)));
        }
    }

    private static String json(Body body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
