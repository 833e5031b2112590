package io.incidentbot.store;

import io.incidentbot.incident.Participant;

import java.time.Instant;
import java.util.List;

/** People seen in incident channels. */
public interface ParticipantRepository {
    /** Records a participant; a second call for the same user keeps the earliest time. */
    void add(long incident, String userId, Instant joinedAt);

    /** @return participants ordered by first appearance */
    List<Participant> list(long incident);
}
