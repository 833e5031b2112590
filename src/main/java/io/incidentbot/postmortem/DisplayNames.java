package io.incidentbot.postmortem;

import java.util.Map;
import java.util.Optional;

/**
 * Display names of Slack users for the postmortem draft. A user ID with no known name is shown as
 * Slack writes a mention, {@code <@U123>}, so the reader can still tell people apart.
 */
public final class DisplayNames {
    /**
     * Line breaks, tabs and other control characters (a display name is free text: "Alice\n# Root cause"
     * would start a heading in the draft): each run becomes one space.
     */
    private static final java.util.regex.Pattern ONE_LINE = java.util.regex.Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\s]+");

    private final Map<String, String> byId;

    /** @param byId Slack user ID ({@code U...} or {@code W...}) to display name; copied */
    public DisplayNames(Map<String, String> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** @return the display name of {@code userId} on one line (see {@link #ONE_LINE}), if known and not blank */
    public Optional<String> find(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        String name = byId.get(userId);
        String line = name == null ? "" : ONE_LINE.matcher(name).replaceAll(" ").strip();
        return line.isEmpty() ? Optional.empty() : Optional.of(line);
    }

    /**
     * @param userId a Slack user ID, may be null
     * @return the display name, else {@code <@userId>}; {@code someone} for a null ID
     */
    public String of(String userId) {
        if (userId == null) {
            return "someone";
        }
        return find(userId).orElse("<@" + userId + ">");
    }
}
