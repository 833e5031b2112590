package io.incidentbot.process;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks and normalises a custom field's value as typed ({@code /incident field}) or picked in a modal. */
public final class FieldValues {
    /** Longest text value kept, in characters. */
    public static final int MAX_TEXT = 2000;
    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]{2,})(\\|[^>]*)?>|([UW][A-Z0-9]{2,})");

    private FieldValues() {
    }

    /**
     * @param type the incident's type
     * @param name a field's name as typed, any case
     * @return that field of the type
     * @throws IllegalArgumentException one sentence naming the type's fields when it has no such field
     */
    public static CustomField field(IncidentType type, String name) {
        return type.field(name.toLowerCase(java.util.Locale.ROOT)).orElseThrow(() -> new IllegalArgumentException(
                "Incidents of type " + type.name() + " have no field `" + name + "`; they have: "
                        + (type.fields().isEmpty() ? "none" : String.join(", ", type.fields().stream().map(CustomField::name).toList())) + "."));
    }

    /**
     * @param field the field
     * @param raw   the value: an option of a {@code select}; options separated by commas (or, from a modal, newlines)
     *              for a {@code multi_select}; a number; a user mention {@code <@U123>} or ID; an http(s) URL; text
     * @return the value to store: a {@code multi_select}'s options joined with a newline, a user's ID
     * @throws IllegalArgumentException one sentence saying what the field takes
     */
    public static String normalise(CustomField field, String raw) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("Give a value for " + field.label() + ".");
        }
        return switch (field.kind()) {
            case SELECT -> option(field, v);
            case MULTI_SELECT -> {
                List<String> picked = new ArrayList<>();
                for (String part : v.split("[,\\n]")) {
                    if (!part.isBlank() && !picked.contains(option(field, part.strip()))) {
                        picked.add(part.strip());
                    }
                }
                yield String.join("\n", picked);
            }
            case NUMBER -> {
                try {
                    yield new BigDecimal(v).toPlainString();
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(field.label() + " takes a number, such as 42 or 3.5.");
                }
            }
            case USER -> {
                Matcher m = USER.matcher(v);
                if (!m.matches()) {
                    throw new IllegalArgumentException(field.label() + " takes a person: mention them, e.g. @alice.");
                }
                yield m.group(1) != null ? m.group(1) : m.group(3);
            }
            case URL -> {
                String url = v.startsWith("<") && v.endsWith(">") ? v.substring(1, v.length() - 1).split("\\|", 2)[0] : v;
                if (!url.matches("https?://\\S+")) {
                    throw new IllegalArgumentException(field.label() + " takes a link starting with https:// or http://.");
                }
                yield url;
            }
            case TEXT -> {
                if (v.length() > MAX_TEXT) {
                    throw new IllegalArgumentException("Keep " + field.label() + " under " + MAX_TEXT + " characters.");
                }
                yield v;
            }
        };
    }

    private static String option(CustomField field, String v) {
        return field.options().stream().filter(o -> o.equalsIgnoreCase(v)).findFirst().orElseThrow(() ->
                new IllegalArgumentException(field.label() + " takes one of: " + String.join(", ", field.options()) + "."));
    }

    /**
     * @param field  the field
     * @param stored the stored value
     * @return the value as Slack mrkdwn: a user as a mention, a multi_select's options separated by commas
     */
    public static String shown(CustomField field, String stored) {
        return switch (field.kind()) {
            case USER -> "<@" + stored + ">";
            case MULTI_SELECT -> String.join(", ", stored.split("\n"));
            default -> stored;
        };
    }

    /**
     * @param field  the field
     * @param stored the stored value, or null
     * @return the value as a timeline entry's text holds it (a user as {@code TimelineEntry.userToken}, a
     *         multi_select's options separated by commas, escaped as {@code TimelineEntry.literal}); null for null
     */
    public static String entry(CustomField field, String stored) {
        if (stored == null) {
            return null;
        }
        return switch (field.kind()) {
            case USER -> io.incidentbot.timeline.TimelineEntry.userToken(stored);
            case MULTI_SELECT -> io.incidentbot.timeline.TimelineEntry.literal(String.join(", ", stored.split("\n")));
            default -> io.incidentbot.timeline.TimelineEntry.literal(stored);
        };
    }
}
