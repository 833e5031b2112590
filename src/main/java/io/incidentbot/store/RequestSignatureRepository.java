package io.incidentbot.store;

import java.time.Instant;

/**
 * The signatures ({@code X-Slack-Signature}, {@code v0=<64 hex digits>}) of the Slack requests accepted
 * lately, so that a request replayed inside the 5-minute timestamp window is recognised on every replica.
 */
public interface RequestSignatureRepository {
    /**
     * Remembers a signature unless it is known.
     *
     * @param signature  the {@code X-Slack-Signature} header value
     * @param acceptedAt when it was accepted
     * @return true when it was new (the request acts), false when it was seen before (a replay)
     */
    boolean remember(String signature, Instant acceptedAt);

    /** Forgets a signature, so that a request that failed (answered 5xx) may be sent again. */
    void forget(String signature);

    /**
     * @param before signatures accepted before this instant are deleted
     * @return how many were deleted
     */
    int pruneBefore(Instant before);
}
