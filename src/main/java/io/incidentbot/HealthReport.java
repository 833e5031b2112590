package io.incidentbot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.http.Health;
import io.incidentbot.ops.SlackStatus;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.store.OutboxRepository;
import io.incidentbot.store.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Readiness, the answer of {@code GET /readyz} and (same answer, today's name) {@code GET /healthz}:
 * 200 when the bot can do its work, 503 with the reasons otherwise. Ready means:
 * <ul>
 *   <li>the database answers a read ({@link Storage#read}, which does not queue behind writes);</li>
 *   <li>the last answered {@code auth.test} said {@code ok} and no call since was refused for the token
 *       ({@link SlackStatus}); Slack being unreachable does not make the bot unready: acks need no
 *       Slack call, and the outbox delivers once Slack is back;</li>
 *   <li>in Socket Mode, the socket is connected;</li>
 *   <li>the outbox is not stuck: no job has been due for longer than {@link #STUCK_AFTER} (the worker
 *       takes due jobs within a second; retries wait until their next attempt is due).</li>
 * </ul>
 * Liveness ({@code /livez}) is not this: it only says the process serves HTTP, in the same JSON shape and
 * words ({@link #LIVE}).
 *
 * <p>Two views: {@link #get()}, the full answer with the failed jobs (incident numbers, Web API errors), for
 * the metrics port ({@code ops/MetricsServer}, loopback or a private network); and {@link #summary()}, for the
 * public port, with the status, reasons and counts only, so nobody on the internet learns that private
 * incident 12 exists.
 */
public final class HealthReport implements Supplier<Health> {
    private static final Logger log = LoggerFactory.getLogger(HealthReport.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many failed jobs the report lists, newest first. */
    static final int FAILED_SHOWN = 10;
    /** A due outbox job older than this (past its due time) makes the bot not ready. */
    public static final Duration STUCK_AFTER = Duration.ofMinutes(5);

    /**
     * The body of {@code /readyz} and {@code /healthz}.
     *
     * @param status        {@code ok}, {@code not ready} or {@code database unavailable}
     * @param version       the running build's version
     * @param reasons       why not ready, one sentence each; left out when ready
     * @param outboxPending jobs waiting for delivery; null when the database is unavailable
     * @param outboxFailed  the newest jobs that failed for good; null when the database is unavailable, and
     *                      in the public {@link #summary()}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String status, String version, List<String> reasons, Long outboxPending,
                       List<FailedJob> outboxFailed) {
    }

    /** The {@code status} word when ready; {@code /livez} answers it too. */
    public static final String OK = "ok";

    /** @return the {@code /livez} body: {@code {"status":"ok","version":"..."}}, {@link Body}'s shape and words */
    public static String live() {
        return json(new Body(OK, Version.current(), null, null, null));
    }

    /** The {@code /livez} body ({@link #live()}). */
    public static final String LIVE = live();

    /**
     * A job that failed for good, as {@code /healthz} shows it.
     *
     * @param incident   incident number
     * @param subscriber whose job it was: {@code slack}, {@code pager}, {@code trackers}, {@code statuspage}, ...
     * @param kind       the outbox job kind (the subscriber's own word), e.g. {@code SYNC_TOPIC}
     * @param error    Slack's error code or the exception's message; left out when null
     * @param failedAt when it was given up, ISO-8601 UTC
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FailedJob(long incident, String subscriber, String kind, String error, String failedAt) {
        static FailedJob of(OutboxRepository.FailedJob j) {
            return new FailedJob(j.incident(), j.subscriber(), j.kind(), j.error(), j.failedAt().toString());
        }
    }

    private record Db(long pending, List<FailedJob> failed, Instant oldestDue) {
    }

    private final Storage storage;
    private final Clock clock;
    private final SlackStatus slack;
    private final BooleanSupplier socketConnected;
    private final List<Supplier<Optional<String>>> checks;
    private volatile String lastProblem;

    /**
     * @param storage         the bot's database; its {@link Storage#problem()} (file deleted or replaced,
     *                        writes failing) makes the bot not ready
     * @param clock           time source for the outbox check
     * @param slack           the token's and Slack's status
     * @param socketConnected in Socket Mode, whether the socket is connected; null in HTTP mode
     * @param checks          more problems that make it not ready, e.g. the outbox's paused deliveries
     *                        ({@code OutboxWorker::problem}); each returns a one-line reason or empty
     */
    public HealthReport(Storage storage, Clock clock, SlackStatus slack, BooleanSupplier socketConnected,
                        List<Supplier<Optional<String>>> checks) {
        this.storage = storage;
        this.clock = clock;
        this.slack = slack;
        this.socketConnected = socketConnected;
        this.checks = List.copyOf(checks);
    }

    /** As above with no extra checks. */
    public HealthReport(Storage storage, Clock clock, SlackStatus slack, BooleanSupplier socketConnected) {
        this(storage, clock, slack, socketConnected, List.of());
    }

    /**
     * Database and extra checks only, as if Slack had answered {@code auth.test}: for tests of the storage
     * and outbox health.
     *
     * @param storage the bot's database
     * @param checks  more problems that make it not ready
     */
    public HealthReport(Storage storage, List<Supplier<Optional<String>>> checks) {
        this(storage, Clock.systemUTC(), authenticated(), null, checks);
    }

    private static SlackStatus authenticated() {
        SlackStatus status = new SlackStatus(Clock.systemUTC());
        status.answered("auth.test", null);
        return status;
    }

    /** @return ready (200) or not (503), with {@link Body} as JSON, the failed jobs included (metrics port) */
    @Override
    public Health get() {
        Body b = body();
        return new Health(OK.equals(b.status()), json(b));
    }

    /** @return as {@link #get()} without the failed jobs' list: for the public port's {@code /readyz} and {@code /healthz} */
    public Health summary() {
        Body b = body();
        return new Health(OK.equals(b.status()),
                json(new Body(b.status(), b.version(), b.reasons(), b.outboxPending(), null)));
    }

    private Body body() {
        Instant now = clock.instant();
        Db db;
        try {
            db = storage.read(r -> {
                List<OutboxJob> due = r.outbox().dueHeads(now, 1);
                return new Db(r.outbox().pendingCount(),
                        r.outbox().failed(FAILED_SHOWN).stream().map(FailedJob::of).toList(),
                        due.isEmpty() ? null : due.get(0).nextAttemptAt());
            });
        } catch (RuntimeException e) {
            log.error("readiness: the database cannot be read: {}", e.toString());
            return new Body("database unavailable", Version.current(), List.of("the database cannot be read"), null, null);
        }
        List<String> reasons = new ArrayList<>();
        storage.problem().ifPresent(reasons::add);
        for (Supplier<Optional<String>> check : checks) {
            check.get().ifPresent(reasons::add);
        }
        logOnce(reasons);
        String auth = slack.tokenProblem();
        if (auth != null) {
            reasons.add(auth);
        }
        if (socketConnected != null && !socketConnected.getAsBoolean()) {
            reasons.add("Socket Mode is not connected");
        }
        if (db.oldestDue() != null && Duration.between(db.oldestDue(), now).compareTo(STUCK_AFTER) > 0) {
            reasons.add("the outbox is stuck: a job has been due for " + Duration.between(db.oldestDue(), now).toMinutes()
                    + " minutes");
        }
        boolean ready = reasons.isEmpty();
        return new Body(ready ? OK : "not ready", Version.current(), ready ? null : reasons, db.pending(), db.failed());
    }

    /** ERROR once when a database or outbox problem starts or changes, not at every probe. */
    private void logOnce(List<String> problems) {
        String now = problems.isEmpty() ? null : String.join("; ", problems);
        if (now != null && !now.equals(lastProblem)) {
            log.error("not ready: {}", now);
        }
        lastProblem = now;
    }

    private static String json(Body body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
