package io.incidentbot.alerts;

import io.incidentbot.config.ConfigException;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Storm caps on what alert groups do (issue 24), read from the environment as {@code N/window}
 * ({@code 5/10m}, {@code 20/1h}) or {@code off}.
 *
 * @param declare {@code INCIDENT_ALERT_DECLARE_MAX} (default {@code 5/10m}): incidents alert groups declare per
 *                window; past it, a group that would declare is attached to the most recent incident alert
 *                groups declared (a new one once, when that one is resolved)
 * @param post    {@code INCIDENT_ALERT_POST_MAX} (default {@code 20/10m}): groups given a message of their own in
 *                {@code INCIDENT_ALERTS_CHANNEL} per window; past it, new groups are listed in one storm digest
 *                message updated in place
 */
public record AlertCaps(Cap declare, Cap post) {
    private static final Pattern CAP = Pattern.compile("(\\d{1,6})/(\\d{1,4})([smhd])");

    /**
     * At most {@code max} per {@code window}; {@link #OFF} for no cap.
     *
     * @param max    how many, at least 1
     * @param window the sliding window they are counted over
     */
    public record Cap(int max, Duration window) {
        /** No cap. */
        public static final Cap OFF = new Cap(Integer.MAX_VALUE, Duration.ZERO);

        /** @return true unless {@link #OFF} */
        public boolean on() {
            return max != Integer.MAX_VALUE;
        }

        @Override
        public String toString() {
            return on() ? max + "/" + window : "off";
        }
    }

    /** @return the defaults: 5 declares and 20 group messages per 10 minutes */
    public static AlertCaps defaults() {
        return new AlertCaps(new Cap(5, Duration.ofMinutes(10)), new Cap(20, Duration.ofMinutes(10)));
    }

    /**
     * @param env environment variables
     * @return the caps
     * @throws ConfigException naming the malformed variable, in one line
     */
    public static AlertCaps fromEnv(Map<String, String> env) {
        AlertCaps d = defaults();
        return new AlertCaps(cap(env, "INCIDENT_ALERT_DECLARE_MAX", d.declare()), cap(env, "INCIDENT_ALERT_POST_MAX", d.post()));
    }

    private static Cap cap(Map<String, String> env, String name, Cap fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        String text = v.strip().toLowerCase(Locale.ROOT);
        if (text.equals("off")) {
            return Cap.OFF;
        }
        Matcher m = CAP.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0 || Integer.parseInt(m.group(2)) == 0) {
            throw new ConfigException(name + " must be a count per window such as 5/10m or 20/1h, or off; got '" + v.strip() + "'");
        }
        long n = Long.parseLong(m.group(2));
        Duration window = switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        return new Cap(Integer.parseInt(m.group(1)), window);
    }
}
