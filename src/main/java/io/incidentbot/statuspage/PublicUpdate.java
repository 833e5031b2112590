package io.incidentbot.statuspage;

import java.time.Instant;

/**
 * A public update of a published incident: text written for customers, stored apart from the internal status
 * updates (Statuspage's {@code incident_update}).
 *
 * @param id       random public ID
 * @param publicId the published incident's public ID
 * @param status   the incident's public status this update set
 * @param body     the message, as typed (plain text; escaped when shown)
 * @param at       when it was posted
 */
public record PublicUpdate(String id, String publicId, PublicStatus status, String body, Instant at) {
}
