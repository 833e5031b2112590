package io.incidentbot.alerts;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert that started firing or resolved since the group was last seen: what becomes a key event,
 * a timeline entry or a line of the alerts-channel message.
 *
 * @param alert the alert as this notification carries it
 * @param to    the status it changed to
 * @param at    when that happened by the sender's clock ({@code startsAt} for firing, {@code endsAt}
 *              for resolved), or the receipt time when the sender gave none
 */
public record Transition(Alert alert, AlertStatus to, Instant at) {
    public Transition {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }
}
