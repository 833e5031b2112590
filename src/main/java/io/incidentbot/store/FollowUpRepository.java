package io.incidentbot.store;

import io.incidentbot.incident.FollowUp;

import java.time.Instant;
import java.util.List;

/** Stored follow-ups. */
public interface FollowUpRepository {
    /** Stores a follow-up and returns it with its ID. */
    FollowUp add(long incident, String text, String ownerId, String createdBy, Instant createdAt);

    /** @return the incident's follow-ups in the order recorded */
    List<FollowUp> list(long incident);
}
