package io.incidentbot.slack.commands;

/** Reads an incident number typed after a subcommand: {@code 12}, {@code #12} or {@code inc-12}. */
final class IncidentNumbers {
    private IncidentNumbers() {
    }

    /** @return the number, or null when {@code text} is not one positive number */
    static Long parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        t = t.startsWith("#") ? t.substring(1) : t.startsWith("inc-") ? t.substring(4) : t;
        if (!t.matches("[0-9]{1,15}")) {
            return null;
        }
        long n = Long.parseLong(t);
        return n > 0 ? n : null;
    }
}
