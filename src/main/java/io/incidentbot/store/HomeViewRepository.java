package io.incidentbot.store;

import java.time.Instant;
import java.util.List;

/** Who opened their App Home tab, and what was last published to it. */
public interface HomeViewRepository {

    /** Records that {@code userId} opened the Home tab at {@code at}. */
    void opened(String userId, Instant at);

    /** @return users who opened their Home tab at or after {@code since} */
    List<String> openedSince(Instant since);

    /**
     * Claims the right to publish to {@code userId}: succeeds when nothing was published since
     * {@code notAfter} and the content differs from {@code hash} (conditional update, so one replica wins).
     *
     * @param now      recorded as the publish time
     * @param notAfter the last publish must be at or before this (now minus one minute)
     * @param hash     hash of the content about to be published
     * @return true when the caller must publish
     */
    boolean claimPublish(String userId, Instant now, Instant notAfter, String hash);
}
