package io.incidentbot.statuspage;

import java.time.Instant;
import java.util.List;

/**
 * A scheduled maintenance window (Statuspage's scheduled maintenance).
 *
 * @param publicId     random public ID
 * @param name         title shown to readers
 * @param message      what readers are told
 * @param startsAt     start, inclusive
 * @param endsAt       end, exclusive; after {@code startsAt}
 * @param componentIds public IDs of the components it covers
 * @param createdAt    when it was scheduled
 * @param createdBy    Slack user ID of who scheduled it (never shown)
 */
public record Maintenance(String publicId, String name, String message, Instant startsAt, Instant endsAt,
                         List<String> componentIds, Instant createdAt, String createdBy) {
    public Maintenance {
        componentIds = List.copyOf(componentIds);
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a maintenance window must end after it starts");
        }
    }

    /** @return upcoming before its start, in progress until its end, then completed */
    public MaintenanceStatus status(Instant now) {
        if (now.isBefore(startsAt)) {
            return MaintenanceStatus.SCHEDULED;
        }
        return now.isBefore(endsAt) ? MaintenanceStatus.IN_PROGRESS : MaintenanceStatus.COMPLETED;
    }
}
