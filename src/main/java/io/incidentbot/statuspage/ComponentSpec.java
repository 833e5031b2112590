package io.incidentbot.statuspage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A component as typed in {@code INCIDENT_STATUS_COMPONENTS} or {@code /incident components add}: {@code Name} or
 * {@code Group/Name}.
 *
 * @param group group name or null
 * @param name  component name
 */
public record ComponentSpec(String group, String name) {
    /** Longest group or component name, in characters. */
    public static final int MAX_NAME = 80;

    /**
     * @param text {@code Name} or {@code Group/Name}, trimmed
     * @return the spec
     * @throws IllegalArgumentException with a sentence saying what is wrong (empty, too long, more than one {@code /},
     *                                  a control character)
     */
    public static ComponentSpec parse(String text) {
        String t = text == null ? "" : text.strip();
        String[] parts = t.split("/", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("'" + t + "' has more than one '/': write Name or Group/Name");
        }
        String group = parts.length == 2 ? parts[0].strip() : null;
        String name = parts[parts.length - 1].strip();
        check(name, t);
        if (group != null) {
            check(group, t);
        }
        return new ComponentSpec(group, name);
    }

    private static void check(String part, String whole) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("'" + whole + "' has an empty name: write Name or Group/Name");
        }
        if (part.length() > MAX_NAME) {
            throw new IllegalArgumentException("a component or group name is at most " + MAX_NAME + " characters");
        }
        if (part.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a component name cannot contain control characters");
        }
    }

    /**
     * @param list comma separated specs, e.g. {@code API, Web/Dashboard, Web/Login}
     * @return the specs in order, duplicates (by name) dropped
     * @throws IllegalArgumentException as {@link #parse}, or when a name is used in two groups
     */
    public static List<ComponentSpec> parseList(String list) {
        List<ComponentSpec> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String item : list.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            ComponentSpec s = parse(item);
            if (names.add(s.name())) {
                out.add(s);
            }
        }
        return out;
    }
}
