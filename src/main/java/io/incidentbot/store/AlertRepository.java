package io.incidentbot.store;

import io.incidentbot.alerts.AlertSource;
import io.incidentbot.alerts.AlertStatus;
import io.incidentbot.alerts.Transition;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Stored alert groups (issue 12): each group's link to its incident now, its alerts' latest state, every
 * transition once with the incident it belongs to, and the bookkeeping of its coalesced Slack messages.
 * A group can have one incident after another (it fires again after its incident was resolved); each
 * incident keeps the transitions that were its own.
 */
public interface AlertRepository {

    /**
     * Finds or creates the group ({@code source}, {@code groupKey}).
     *
     * @param title the title to store when the group is new
     * @param now   its creation time
     * @return the group's ID
     */
    long group(AlertSource source, String groupKey, String title, Instant now);

    /**
     * Records the back link of the group's latest notification (Alertmanager's or Grafana's
     * {@code externalURL}), from which the silence link is built.
     *
     * @param externalUrl the URL, or null (left as it was)
     */
    void externalUrl(long groupId, String externalUrl);

    /** @return the group with ID {@code id} */
    Optional<Group> find(long id);

    /** @return the group linked to incident {@code incident} now, if any */
    Optional<Group> findByIncident(long incident);

    /** @return the last stored status of each alert of the group, alert key to status */
    Map<String, AlertStatus> lastStatus(long groupId);

    /**
     * Stores a transition unless the same (group, alert key, status, time) is stored already, and
     * updates the alert's latest state.
     *
     * @param incident   the open incident of the group it belongs to, or null (taken by the group's next
     *                   incident, see {@link #linkIncident})
     * @param receivedAt when the notification arrived
     * @return the transition's ID, or empty when it was stored before (a redelivery)
     */
    OptionalLong addTransition(long groupId, Transition t, Long incident, Instant receivedAt);

    /**
     * Makes {@code incident} the group's incident (in the transaction that declared it): later notifications
     * go to its timeline, the "every alert resolved" message is due again, and the group's transitions
     * that belong to no incident yet become the incident's.
     *
     * @return the transitions the incident took, oldest first
     */
    List<StoredTransition> linkIncident(long groupId, long incident);

    /** Records that a coalescing Slack job for the group is queued. */
    void slackQueued(long groupId);

    /**
     * Takes the group's queued Slack job: not pending any more, last taken at {@code now}, so that the
     * next notification queues another job no earlier than {@code now} plus the coalescing interval.
     *
     * @return the group as it is now
     */
    Optional<Group> takeForSlack(long groupId, Instant now);

    /** Records the {@code ts} of the group's message in the alerts channel. */
    void messagePosted(long groupId, String ts);

    /** Records that transitions up to ID {@code transitionId} were posted to the incident channel. */
    void postedThrough(long groupId, long transitionId);

    /** @return true the first time only: the "every alert resolved" message is to be posted */
    boolean markResolvedSaid(long groupId);

    /** @return the group's alerts, latest state, by first fired */
    List<StoredAlert> alerts(long groupId);

    /**
     * @return the alerts of incident {@code incident}, from its own transitions: latest status, first fired
     *         (the alert's earliest firing among them, else its first firing at all), resolved (when the last
     *         of them is a resolution), by first fired
     */
    List<StoredAlert> alertsOfIncident(long incident);

    /** @return transitions of the group with ID above {@code afterId}, oldest first, at most {@code limit} */
    List<StoredTransition> transitionsAfter(long groupId, long afterId, int limit);

    /** @return how many transitions of the group have an ID above {@code afterId} */
    long countAfter(long groupId, long afterId);

    /** @return how many transitions the group has */
    long transitionCount(long groupId);

    /** @return those of {@code incidents} (numbers) that were opened by or from an alert group */
    Set<Long> declaredByAlerts(Collection<Long> incidents);

    /**
     * @param declarer the bot's user ID (the declarer of the incidents alert groups open)
     * @return how many incidents {@code declarer} declared at or after {@code since} that hold alerts
     */
    long declaredSince(String declarer, Instant since);

    /** @return the incident {@code declarer} (the bot) declared last that holds alerts, if any */
    OptionalLong latestDeclared(String declarer);

    /** @return how many groups were given a message of their own in the alerts channel at or after {@code since} */
    long shownSince(Instant since);

    /** Records that the group gets a message of its own in the alerts channel, decided at {@code now}. */
    void shown(long groupId, Instant now);

    /**
     * Lists the group in the storm digest: the digest of the group that joined one last, if that was at or after
     * {@code since}, else a new digest whose message is this group's.
     *
     * @return the ID of the group whose message is the digest
     */
    long joinDigest(long groupId, Instant now, Instant since);

    /** @return the groups listed in the digest of group {@code anchor}, in the order they joined, at most {@code limit} */
    List<DigestEntry> digest(long anchor, int limit);

    /** @return how many groups the digest of group {@code anchor} lists */
    long digestSize(long anchor);

    /**
     * One group of a storm digest.
     *
     * @param group    the group's ID
     * @param title    its title
     * @param incident its incident (a storm incident it was attached to), or null
     * @param firing   how many of its alerts fire
     * @param alerts   how many alerts it has
     */
    record DigestEntry(long group, String title, Long incident, long firing, long alerts) {
    }

    /**
     * A stored alert group.
     *
     * @param id            database ID
     * @param source        the webhook it arrives on
     * @param groupKey      its key within the source
     * @param title         the title of its first notification
     * @param incident      the incident it declared, or null
     * @param messageTs     {@code ts} of its message in the alerts channel, or null
     * @param slackPending  a coalescing Slack job is queued
     * @param lastSlackAt   when its last Slack job was taken, or null
     * @param postedThrough highest transition ID posted to the incident channel
     * @param externalUrl   {@code externalURL} of its latest notification, or null
     * @param digestOf      the group whose alerts-channel message is the storm digest listing this group
     *                      (its own ID for the digest's first group), or null when it is no storm's
     * @param shownAt       when it was given a message of its own in the alerts channel, or null
     * @param digestAt      when it joined a storm digest, or null
     */
    record Group(long id, AlertSource source, String groupKey, String title, Long incident, String messageTs,
                 boolean slackPending, Instant lastSlackAt, long postedThrough, String externalUrl, Long digestOf,
                 Instant shownAt, Instant digestAt) {
        /** @return true when this group's alerts-channel message is a storm digest */
        public boolean isDigest() {
            return digestOf != null && digestOf == id;
        }
    }

    /**
     * An alert's latest state.
     *
     * @param key          fingerprint or derived key
     * @param name         alert name
     * @param status       firing or resolved
     * @param firstFiredAt earliest {@code startsAt} seen, may be null
     * @param resolvedAt   {@code endsAt} of its latest resolution, null while firing
     * @param url          link (generator, dashboard), may be null
     * @param labels       its labels, name to value (empty when stored before 0.3)
     * @param description  first line of {@code annotations.description}, or null
     * @param runbookUrl   {@code annotations.runbook_url}, or null
     * @param silenceUrl   Grafana's {@code silenceURL} of this alert (Grafana-managed alerts), else null
     */
    record StoredAlert(String key, String name, AlertStatus status, Instant firstFiredAt, Instant resolvedAt,
                       String url, Map<String, String> labels, String description, String runbookUrl,
                       String silenceUrl) {
        public StoredAlert {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }

        /** An alert without a silence link of its own (every source but Grafana). */
        public StoredAlert(String key, String name, AlertStatus status, Instant firstFiredAt, Instant resolvedAt,
                           String url, Map<String, String> labels, String description, String runbookUrl) {
            this(key, name, status, firstFiredAt, resolvedAt, url, labels, description, runbookUrl, null);
        }

        /** An alert known by name, state and link only (no labels, description or runbook). */
        public StoredAlert(String key, String name, AlertStatus status, Instant firstFiredAt, Instant resolvedAt,
                           String url) {
            this(key, name, status, firstFiredAt, resolvedAt, url, Map.of(), null, null);
        }
    }

    /**
     * One stored transition.
     *
     * @param id     database ID (increasing in arrival order)
     * @param key    alert key
     * @param name   alert name
     * @param status what it changed to
     * @param at     its own time ({@code startsAt} / {@code endsAt})
     * @param url    link, may be null
     */
    record StoredTransition(long id, String key, String name, AlertStatus status, Instant at, String url) {
    }
}
