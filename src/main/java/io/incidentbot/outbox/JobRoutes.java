package io.incidentbot.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One subscriber's routing table of job kinds, built once in its wiring (as {@code slack/commands/Routes}
 * does for subcommands):
 * <pre>{@code
 * JobRoutes.of("pager")
 *     .route("trigger", TriggerPayload.class, (job, payload) -> pagerDuty.trigger(payload))
 *     .onFailed((job, error) -> log.warn(...));
 * }</pre>
 * Each route reads the payload as its record ({@link Payloads#read}, or a reader of its own for older
 * shapes) and delivers it. A job of a kind with no route ({@link #knows} false) is left for a newer replica, and
 * fails for good with {@code unknown_kind} once it is older than the worker's give-up age.
 */
public final class JobRoutes implements JobHandler {
    /** Delivers one job of a kind. @param <P> the kind's payload record */
    @FunctionalInterface
    public interface Route<P> {
        /**
         * @param job     the job (its {@code attempts} tell whether an earlier attempt may have gone through)
         * @param payload its payload, as written with the job
         * @return what happened; outside failures are returned, not thrown
         */
        Outcome deliver(OutboxJob job, P payload);
    }

    private record Entry<P>(Function<OutboxJob, P> reader, Route<P> route) {
        Outcome deliver(OutboxJob job) {
            return route.deliver(job, reader.apply(job));
        }
    }

    private final String subscriber;
    private final Map<String, Entry<?>> routes = new LinkedHashMap<>();
    private BiConsumer<OutboxJob, String> failed = (job, error) -> { };

    private JobRoutes(String subscriber) {
        this.subscriber = subscriber;
    }

    /** @param subscriber the subscriber's name, as stored in its jobs' {@code subscriber} column, e.g. {@code pager} */
    public static JobRoutes of(String subscriber) {
        return new JobRoutes(subscriber);
    }

    /**
     * Routes {@code kind} to {@code route}, its payload read as a {@code type} record.
     *
     * @return this
     * @throws IllegalArgumentException when {@code kind} has a route already
     */
    public <P> JobRoutes route(String kind, Class<P> type, Route<P> route) {
        return route(kind, job -> Payloads.read(job, type), route);
    }

    /**
     * Routes {@code kind} to {@code route}, its payload read by {@code reader} (for kinds whose stored
     * payloads come in older shapes too).
     *
     * @return this
     * @throws IllegalArgumentException when {@code kind} has a route already
     */
    public <P> JobRoutes route(String kind, Function<OutboxJob, P> reader, Route<P> route) {
        if (routes.putIfAbsent(kind, new Entry<>(reader, route)) != null) {
            throw new IllegalArgumentException(subscriber + " routes " + kind + " twice");
        }
        return this;
    }

    /**
     * @param failed called once when a job of this subscriber is given up, with the error (to tell the people
     *               concerned); it must not throw
     * @return this
     */
    public JobRoutes onFailed(BiConsumer<OutboxJob, String> failed) {
        this.failed = failed;
        return this;
    }

    /** @return the subscriber's name */
    public String subscriber() {
        return subscriber;
    }

    /** @return the kinds routed, in the order registered */
    public Set<String> kinds() {
        return java.util.Collections.unmodifiableSet(routes.keySet());
    }

    /**
     * @throws Payloads.UnreadablePayloadException when the payload is not its kind's record (the worker marks
     *                                             the job failed)
     */
    @Override
    public Outcome handle(OutboxJob job) {
        Entry<?> e = routes.get(job.kind());
        return e == null ? Outcome.fail("unknown_kind " + job.type()) : e.deliver(job);
    }

    /** @return true when the job's kind has a route here */
    @Override
    public boolean knows(OutboxJob job) {
        return routes.containsKey(job.kind());
    }

    @Override
    public void failed(OutboxJob job, String error) {
        failed.accept(job, error);
    }
}
