package io.incidentbot.slack.interactions;

import io.incidentbot.store.Storage;

import java.time.Instant;
import java.util.List;

/**
 * The App Home tab's records ({@code home_view}): when each user last opened their tab, and what was last
 * published to them. Slack's state, kept by the Slack adapter (as {@code slack/postmortem/DraftDeliveries}
 * keeps the draft's files); each call is one transaction.
 */
public final class HomeViews {
    private final Storage storage;

    /** @param storage the database */
    public HomeViews(Storage storage) {
        this.storage = storage;
    }

    /** @return the open follow-ups {@code user} owns, soonest due first (issue 22: "Your open follow-ups") */
    public List<io.incidentbot.trackers.FollowUpRecord> openFollowUps(String user) {
        return storage.read(r -> r.trackers().openOwnedBy(user));
    }

    /** Remembers that {@code user} (a Slack user ID) opened their Home tab at {@code at}. */
    public void opened(String user, Instant at) {
        storage.run(r -> r.homeViews().opened(user, at));
    }

    /** @return the Slack user IDs of those who opened their Home tab at {@code since} or later */
    public List<String> openedSince(Instant since) {
        return storage.read(r -> r.homeViews().openedSince(since));
    }

    /**
     * Claims the publishing of a view to {@code user}: succeeds when nothing was published to them after
     * {@code notAfter} and the view differs from the one published last (a conditional update, so one replica wins).
     *
     * @param now      recorded as the publish time
     * @param notAfter the last publish must be at or before this (now minus a minute)
     * @param hash     the view's SHA-256 (hex)
     * @return true when this caller must publish
     */
    public boolean claimPublish(String user, Instant now, Instant notAfter, String hash) {
        return storage.transaction(r -> r.homeViews().claimPublish(user, now, notAfter, hash));
    }
}
