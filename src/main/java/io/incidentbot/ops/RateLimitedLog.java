package io.incidentbot.ops;

import org.slf4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * WARN lines that an outsider can trigger at will (a refused webhook, a bad signature), at most one per
 * key per interval: the first is written at once, the others in the interval are counted and the next line
 * written after it says how many were left out ({@code ... (41 more like it since 12:00:05Z)}). A 401 storm
 * then writes one line a minute per endpoint instead of one per request, and the count stays visible
 * ({@code incidentbot_requests_unauthorized_total} counts every one).
 */
public final class RateLimitedLog {
    /** At most this many keys are tracked; past it, lines of new keys share one slot. */
    static final int MAX_KEYS = 256;

    private final Logger log;
    private final Duration every;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        Instant openedAt;
        long suppressed;
    }

    /**
     * @param log   where the lines go
     * @param every at most one line per key this often, e.g. one minute
     * @param clock time source
     */
    public RateLimitedLog(Logger log, Duration every, Clock clock) {
        this.log = log;
        this.every = every;
        this.clock = clock;
    }

    /**
     * Writes {@code format} at WARN unless a line of this key was written less than the interval ago.
     *
     * @param key    what is limited together, e.g. the path refused
     * @param format SLF4J format
     * @param args   its arguments
     * @return true when the line was written
     */
    public boolean warn(String key, String format, Object... args) {
        String k = windows.size() >= MAX_KEYS && !windows.containsKey(key) ? "(other)" : key;
        Instant now = clock.instant();
        long left;
        Window w = windows.computeIfAbsent(k, x -> new Window());
        synchronized (w) {
            if (w.openedAt != null && now.isBefore(w.openedAt.plus(every))) {
                w.suppressed++;
                return false;
            }
            left = w.suppressed;
            Instant since = w.openedAt;
            w.openedAt = now;
            w.suppressed = 0;
            if (left > 0) {
                Object[] more = java.util.Arrays.copyOf(args, args.length + 2);
                more[args.length] = left;
                more[args.length + 1] = since;
                log.warn(format + " ({} more like it since {})", more);
                return true;
            }
        }
        log.warn(format, args);
        return true;
    }
}
