package io.incidentbot.statuspage;

import java.time.Instant;

/**
 * A component shown on the status page (Statuspage's component).
 *
 * @param id        random public ID (12 characters of {@code [0-9a-z]}, {@link PublicIds})
 * @param group     group name, or null when the component is not grouped ({@code Group/Name} in settings)
 * @param name      name shown to readers, unique among the components
 * @param position  order on the page, from 1
 * @param state     its stored state (a maintenance in progress may show it as under maintenance, {@link StatusRules})
 * @param createdAt when it was added
 * @param updatedAt when its state last changed
 */
public record Component(String id, String group, String name, int position, ComponentState state, Instant createdAt,
                        Instant updatedAt) {

    /** @return {@code Group/Name}, or the name when ungrouped */
    public String fullName() {
        return group == null ? name : group + "/" + name;
    }

    /** @return this component in {@code s} since {@code at} */
    public Component withState(ComponentState s, Instant at) {
        return new Component(id, group, name, position, s, createdAt, at);
    }
}
