package io.incidentbot.slack.http;

import io.incidentbot.store.RequestReplays;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers the signature of every Slack request accepted, in the database (so it holds across
 * replicas), for as long as its timestamp can pass the 5-minute check: a request sent again inside
 * that window is a replay and must change nothing. Follows Slack's "Verifying requests from Slack",
 * which leaves replays inside the window to the app.
 *
 * <p>The check and the insert are one statement ({@code INSERT ... ON CONFLICT DO NOTHING}) in a
 * transaction of {@link RequestReplays} (the service that reaches storage), committed before the request
 * acts, so two replicas racing on one replayed
 * request cannot both act. At most once a minute the same transaction deletes signatures older than
 * {@link #KEEP} (the window either way, plus a minute of margin).
 */
public final class ReplayGuard {
    /** How long a signature is kept: a timestamp passes the check 5 minutes either side of now. */
    public static final Duration KEEP = Duration.ofMinutes(11);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final RequestReplays replays;
    private final Clock clock;
    private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.EPOCH);

    /**
     * @param replays the remembered signatures (the service that owns their transactions)
     * @param clock   time source for acceptance times and pruning
     */
    public ReplayGuard(RequestReplays replays, Clock clock) {
        this.replays = replays;
        this.clock = clock;
    }

    /**
     * @param signature the request's {@code X-Slack-Signature} ({@code v0=<hex>}), already verified
     * @return true the first time this signature is seen within {@link #KEEP}, false for a replay
     * @throws RuntimeException when the database fails (the request should then be answered 500)
     */
    public boolean firstUse(String signature) {
        Instant now = clock.instant();
        Instant last = lastPrune.get();
        boolean prune = !now.isBefore(last.plus(PRUNE_EVERY)) && lastPrune.compareAndSet(last, now);
        return replays.remember(signature, now, prune ? now.minus(KEEP) : null);
    }

    /**
     * Forgets a signature after its request failed on our side (answered 5xx), so that the same request
     * sent again (a retry) is not taken for a replay.
     */
    public void forget(String signature) {
        replays.forget(signature);
    }
}
