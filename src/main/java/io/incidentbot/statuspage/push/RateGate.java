package io.incidentbot.statuspage.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one request per interval per key (Statuspage: 1 request per second per API key). Never waits: a caller
 * told to wait returns its job to the outbox as "retry after" that long, so no thread sleeps and queued pushes of
 * the same incident are coalesced by the next attempt. Kept per replica (several replicas may together exceed the
 * rate; Statuspage's 420/429 with {@code Retry-After} is then honoured by {@link HttpPush}).
 */
public final class RateGate {
    private final Clock clock;
    private final Duration interval;
    private final ConcurrentHashMap<String, Instant> next = new ConcurrentHashMap<>();

    /**
     * @param clock    time source
     * @param interval the least time between two requests of one key
     */
    public RateGate(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Takes the key's next slot if it is free.
     *
     * @return zero when the caller may send now (the slot is taken), else how long to wait before asking again
     */
    public Duration acquire(String key) {
        Instant now = clock.instant();
        Duration[] wait = {Duration.ZERO};
        next.compute(key, (k, at) -> {
            if (at == null || !now.isBefore(at)) {
                return now.plus(interval);
            }
            wait[0] = Duration.between(now, at);
            return at;
        });
        return wait[0];
    }
}
