package io.incidentbot.config;

import io.incidentbot.alerts.LabelMatchers;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings of the alert and change webhooks (issue 12), read from the environment.
 *
 * @param webhookToken  {@code INCIDENT_WEBHOOK_TOKEN}: bearer token of {@code /hooks/*}; null = those hooks answer 404
 * @param githubSecret  {@code GITHUB_WEBHOOK_SECRET}: key of {@code /hooks/github} signatures; null = 404
 * @param declareWhen   {@code INCIDENT_ALERT_DECLARE}: label matchers of alert groups that declare
 *                      (default {@code severity=critical})
 * @param alertsChannel {@code INCIDENT_ALERTS_CHANNEL}: channel ID for groups that do not declare, or null
 * @param changeWindow  {@code INCIDENT_CHANGE_WINDOW}: how far before an incident changes are shown (default 24 h)
 */
public record HookSettings(String webhookToken, String githubSecret, LabelMatchers declareWhen, String alertsChannel,
                           Duration changeWindow) {
    /** Default of {@code INCIDENT_CHANGE_WINDOW}. */
    public static final Duration DEFAULT_CHANGE_WINDOW = Duration.ofHours(24);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([smhd])");

    /** @return the defaults: hooks off, {@code severity=critical}, no alerts channel, 24 h */
    public static HookSettings defaults() {
        return new HookSettings(null, null, LabelMatchers.defaults(), null, DEFAULT_CHANGE_WINDOW);
    }

    /**
     * @param env environment variables
     * @return the settings
     * @throws ConfigException naming the first malformed variable, in one line
     */
    public static HookSettings fromEnv(Map<String, String> env) {
        String token = value(env, "INCIDENT_WEBHOOK_TOKEN");
        if (token != null && token.length() < 16) {
            throw new ConfigException("INCIDENT_WEBHOOK_TOKEN must be at least 16 characters (e.g. openssl rand -hex 32)");
        }
        String secret = value(env, "GITHUB_WEBHOOK_SECRET");
        LabelMatchers matchers;
        String declare = value(env, "INCIDENT_ALERT_DECLARE");
        try {
            matchers = declare == null ? LabelMatchers.defaults() : LabelMatchers.parse(declare);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("INCIDENT_ALERT_DECLARE: " + e.getMessage());
        }
        String channel = value(env, "INCIDENT_ALERTS_CHANNEL");
        if (channel != null && !channel.matches("[CG][A-Z0-9]{2,}")) {
            throw new ConfigException("INCIDENT_ALERTS_CHANNEL must be a channel ID such as C0123ABCD (not a #name)");
        }
        return new HookSettings(token, secret, matchers, channel, changeWindow(env));
    }

    /**
     * Reads {@code INCIDENT_CHANGE_WINDOW} alone, for the command-line tools that need no other hook setting.
     *
     * @param env environment variables
     * @return the window (default 24 h)
     * @throws ConfigException naming the variable when it is not a positive duration such as {@code 90m}, {@code 7d}
     */
    public static Duration changeWindow(Map<String, String> env) {
        String window = value(env, "INCIDENT_CHANGE_WINDOW");
        return window == null ? DEFAULT_CHANGE_WINDOW : duration("INCIDENT_CHANGE_WINDOW", window);
    }

    private static Duration duration(String name, String text) {
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new ConfigException(name + " must be a positive duration such as 90m, 24h or 7d, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** Never prints the token or the secret. */
    @Override
    public String toString() {
        return "HookSettings[webhookToken=" + (webhookToken == null ? "unset" : "set") + ", githubSecret="
                + (githubSecret == null ? "unset" : "set") + ", declareWhen=" + declareWhen + ", alertsChannel="
                + alertsChannel + ", changeWindow=" + changeWindow + "]";
    }
}
