package io.incidentbot.statuspage;

import java.time.Instant;

/**
 * A time a component spent in a state other than operational, the source of the 90-day history bars.
 *
 * @param componentId the component's public ID
 * @param state       the state (never operational)
 * @param from        start, inclusive
 * @param until       end, exclusive; null while it lasts
 */
public record StateInterval(String componentId, ComponentState state, Instant from, Instant until) {
}
