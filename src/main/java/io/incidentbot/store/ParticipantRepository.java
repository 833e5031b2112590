package io.incidentbot.store;

import io.incidentbot.incident.Participant;

import java.time.Instant;
import java.util.List;

/** People seen in incident channels. */
public interface ParticipantRepository {
    /**
     * Records a participant who is in the channel at {@code joinedAt} (joined, wrote, was invited); a
     * second call for the same user keeps the earliest time as the participant's first appearance.
     */
    void add(long incident, String userId, Instant joinedAt);

    /**
     * Records that a user left the incident channel at {@code at}. Membership is the state of the latest
     * change by time ({@link #add} or this), whatever order they are recorded in; a user who left stays a
     * participant (the postmortem lists them).
     */
    void left(long incident, String userId, Instant at);

    /** @return true when the user is in the incident channel by the latest change recorded */
    boolean isMember(long incident, String userId);

    /** @return participants ordered by first appearance */
    List<Participant> list(long incident);
}
