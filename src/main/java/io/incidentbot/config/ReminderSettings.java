package io.incidentbot.config;

import io.incidentbot.reminders.ReminderPolicy;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code INCIDENT_REMIND_UPDATE}, {@code INCIDENT_REMIND_LEAD} and {@code INCIDENT_REMIND_MAX} into a
 * {@link ReminderPolicy}.
 */
public final class ReminderSettings {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*([smhd])");

    private ReminderSettings() {
    }

    /**
     * @param env environment variables
     * @return the policy; unset variables take the defaults (30m, 10m)
     * @throws ConfigException when a value is neither a duration like {@code 45s}, {@code 30m},
     *                         {@code 2h}, {@code 1d} (at least 10 s) nor {@code off}
     */
    public static ReminderPolicy fromEnv(Map<String, String> env) {
        return new ReminderPolicy(
                duration(env, "INCIDENT_REMIND_UPDATE", ReminderPolicy.DEFAULT.update()),
                duration(env, "INCIDENT_REMIND_LEAD", ReminderPolicy.DEFAULT.lead()), max(env));
    }

    /** @return {@code INCIDENT_REMIND_MAX}: 1..1000 unanswered update reminders, {@link ReminderPolicy#MAX} when unset */
    static int max(Map<String, String> env) {
        String v = env.get("INCIDENT_REMIND_MAX");
        if (v == null || v.isBlank()) {
            return ReminderPolicy.MAX;
        }
        if (!v.strip().matches("\\d{1,4}") || Integer.parseInt(v.strip()) < 1 || Integer.parseInt(v.strip()) > 1000) {
            throw new ConfigException("INCIDENT_REMIND_MAX must be a whole number from 1 to 1000; got '" + v + "'");
        }
        return Integer.parseInt(v.strip());
    }

    /** @return the duration, null for {@code off}, {@code fallback} when unset or blank */
    static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        String text = v.strip().toLowerCase(Locale.ROOT);
        if (text.equals("off")) {
            return null;
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new ConfigException(name + " must be a duration like 45s, 30m or 2h, or off; got '" + v + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new ConfigException(name + " must be at least 10s (or off); got '" + v + "'");
        }
        return d;
    }
}
