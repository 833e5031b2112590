package io.incidentbot.outbox;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The worker's dispatch: hands each job to the {@link JobRoutes} of its subscriber. A job of a subscriber
 * that is not registered ({@link #knows} false: queued by a newer replica during a rolling upgrade, or by an
 * integration switched off while it had jobs queued) is left for a replica that knows it; once older than the
 * worker's give-up age it fails for good with {@code unknown_subscriber}, so it holds its lane at most that long.
 */
public final class Subscribers implements JobHandler {
    private final Map<String, JobHandler> handlers = new ConcurrentHashMap<>();

    /** @param routes one routing table per subscriber */
    public Subscribers(Iterable<JobRoutes> routes) {
        routes.forEach(this::add);
    }

    /** @return a dispatch over {@code routes} */
    public static Subscribers of(JobRoutes... routes) {
        return new Subscribers(java.util.List.of(routes));
    }

    /**
     * Registers a subscriber's routing table.
     *
     * @return this
     * @throws IllegalArgumentException when its subscriber is registered already
     */
    public Subscribers add(JobRoutes routes) {
        return add(routes.subscriber(), routes);
    }

    /**
     * Registers the handler of subscriber {@code name} (a {@link JobRoutes} or any other handler).
     *
     * @return this
     * @throws IllegalArgumentException when {@code name} is registered already
     */
    public Subscribers add(String name, JobHandler handler) {
        if (handlers.putIfAbsent(name, handler) != null) {
            throw new IllegalArgumentException("subscriber " + name + " registered twice");
        }
        return this;
    }

    /** @return the subscriber names registered */
    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(handlers.keySet());
    }

    @Override
    public Outcome handle(OutboxJob job) {
        JobHandler h = handlers.get(job.subscriber());
        return h == null ? Outcome.fail("unknown_subscriber " + job.subscriber()) : h.handle(job);
    }

    /** @return true when the job's subscriber is registered and routes its kind */
    @Override
    public boolean knows(OutboxJob job) {
        JobHandler h = handlers.get(job.subscriber());
        return h != null && h.knows(job);
    }

    @Override
    public void failed(OutboxJob job, String error) {
        JobHandler h = handlers.get(job.subscriber());
        if (h != null) {
            h.failed(job, error);
        }
    }
}
