package io.incidentbot.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * The bot's configuration, read from the environment variables PRODUCT.md lists.
 *
 * @param botToken         {@code SLACK_BOT_TOKEN}, {@code xoxb-...}
 * @param signingSecret    {@code SLACK_SIGNING_SECRET}; null in Socket Mode
 * @param appToken         {@code SLACK_APP_TOKEN}, {@code xapp-...}; when set the bot runs in Socket Mode
 * @param apiUrl           {@code SLACK_API_URL}, base URL of the Web API ending in {@code /}
 * @param port             {@code PORT} for {@code /slack/events} and {@code /healthz}
 * @param database         {@code INCIDENT_DB}, SQLite file path
 * @param announceChannel  {@code INCIDENT_ANNOUNCE_CHANNEL}, channel ID, or null for no announcements
 * @param channelPrefix    {@code INCIDENT_CHANNEL_PREFIX}
 * @param timezone         {@code INCIDENT_TIMEZONE}
 * @param keyEventEmoji    {@code INCIDENT_KEY_EVENT_EMOJI}, reaction name without colons
 * @param db               {@code INCIDENT_DB} with its credentials and lease ({@link DatabaseSettings});
 *                         {@code database} is its location
 * @param ops              {@code METRICS_PORT}, {@code LOG_LEVEL}, {@code LOG_FORMAT}
 * @param reminders        {@code INCIDENT_REMIND_UPDATE} and {@code INCIDENT_REMIND_LEAD}
 * @param hooks            the alert and change webhooks' settings ({@link HookSettings})
 * @param announceStyle    {@code INCIDENT_ANNOUNCE_STYLE}: one announcement per incident with a thread, or messages
 * @param pager            paging settings (issue 21, {@link io.incidentbot.pager.PagerSettings})
 * @param trackers         follow-ups and their tracker issues (issue 22)
 * @param statusPage       the public status page and its pushes (issue 23)
 * @param alertCaps        storm caps on alert declares and alerts-channel posts (issue 24)
 * @param postmortem       the postmortem draft's template (issue 25, {@code INCIDENT_POSTMORTEM_TEMPLATE})
 * @param process          {@code INCIDENT_PROCESS_FILE}: incident types, fields, checklists (issue 25)
 */
public record Config(
        String botToken,
        String signingSecret,
        String appToken,
        String apiUrl,
        int port,
        String database,
        String announceChannel,
        String channelPrefix,
        ZoneId timezone,
        String keyEventEmoji,
        DatabaseSettings db,
        OpsSettings ops,
        io.incidentbot.reminders.ReminderPolicy reminders,
        HookSettings hooks,
        io.incidentbot.pager.PagerSettings pager,
        io.incidentbot.trackers.TrackerSettings trackers,
        io.incidentbot.statuspage.StatusPageSettings statusPage,
        io.incidentbot.alerts.AlertCaps alertCaps,
        io.incidentbot.postmortem.PostmortemSettings postmortem,
        io.incidentbot.process.ProcessSettings process,
        io.incidentbot.slack.jobs.AnnounceStyle announceStyle) {

    /** Slack's production Web API base URL. */
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    /** @return true when {@code SLACK_APP_TOKEN} is set */
    public boolean socketMode() {
        return appToken != null;
    }

    /**
     * Reads and validates the configuration.
     *
     * @param env environment variables (usually {@link System#getenv()})
     * @return the configuration
     * @throws ConfigException naming the first missing or malformed variable
     */
    public static Config fromEnv(Map<String, String> env) {
        Placeholders.refuse(env);
        String botToken = required(env, "SLACK_BOT_TOKEN");
        if (!botToken.startsWith("xoxb-")) {
            throw new ConfigException("SLACK_BOT_TOKEN must be a bot token starting with xoxb-");
        }
        String appToken = optional(env, "SLACK_APP_TOKEN", null);
        if (appToken != null && !appToken.startsWith("xapp-")) {
            throw new ConfigException("SLACK_APP_TOKEN must be an app-level token starting with xapp-");
        }
        String signingSecret = appToken == null
                ? required(env, "SLACK_SIGNING_SECRET")
                : optional(env, "SLACK_SIGNING_SECRET", null);
        String apiUrl = optional(env, "SLACK_API_URL", DEFAULT_API_URL);
        if (!apiUrl.matches("https?://[^\\s]+")) {
            throw new ConfigException("SLACK_API_URL must be an http(s) URL, e.g. " + DEFAULT_API_URL);
        }
        if (!apiUrl.endsWith("/")) {
            apiUrl = apiUrl + "/";
        }
        int port = port(optional(env, "PORT", "3000"));
        DatabaseSettings db = DatabaseSettings.fromEnv(env);
        String database = db.location();
        String announce = optional(env, "INCIDENT_ANNOUNCE_CHANNEL", null);
        if (announce != null && !announce.matches("[CG][A-Z0-9]{2,}")) {
            throw new ConfigException("INCIDENT_ANNOUNCE_CHANNEL must be a channel ID such as C0123ABCD (not a #name)");
        }
        String prefix = optional(env, "INCIDENT_CHANNEL_PREFIX", "inc");
        if (!prefix.matches("[a-z0-9][a-z0-9_-]{0,29}")) {
            throw new ConfigException("INCIDENT_CHANNEL_PREFIX must be 1-30 characters of a-z, 0-9, - and _");
        }
        ZoneId zone = zone(optional(env, "INCIDENT_TIMEZONE", "UTC"));
        String emoji = optional(env, "INCIDENT_KEY_EVENT_EMOJI", "pushpin").replace(":", "");
        if (!emoji.matches("[a-z0-9_+'-]+")) {
            throw new ConfigException("INCIDENT_KEY_EVENT_EMOJI must be an emoji name such as pushpin");
        }
        OpsSettings ops = OpsSettings.fromEnv(env);
        io.incidentbot.process.ProcessSettings process = io.incidentbot.process.ProcessSettings.fromEnv(env);
        return new Config(botToken, signingSecret, appToken, apiUrl, port, database, announce, prefix, zone, emoji, db, ops,
                ReminderSettings.fromEnv(env), HookSettings.fromEnv(env),
                io.incidentbot.pager.PagerSettings.fromEnv(env),
                io.incidentbot.trackers.TrackerSettings.fromEnv(env),
                io.incidentbot.statuspage.StatusPageSettings.fromEnv(env), io.incidentbot.alerts.AlertCaps.fromEnv(env),
                io.incidentbot.postmortem.PostmortemSettings.fromEnv(env).withProcess(process), process,
                io.incidentbot.slack.jobs.AnnounceStyle.fromEnv(env));
    }

    /**
     * Reads the time zone variable alone (for commands that need no Slack token).
     *
     * @throws ConfigException when {@code INCIDENT_TIMEZONE} is not a zone ID
     */
    public static ZoneId timezone(Map<String, String> env) {
        return zone(optional(env, "INCIDENT_TIMEZONE", "UTC"));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new ConfigException("INCIDENT_TIMEZONE must be a time zone ID such as UTC or Europe/Berlin, got '" + id + "'");
        }
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("PORT must be a number from 0 to 65535, got '" + text + "'");
    }

    private static String required(Map<String, String> env, String name) {
        String v = optional(env, name, null);
        if (v == null) {
            throw new ConfigException(name + " is required");
        }
        return v;
    }

    private static String optional(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** Never prints the token or the signing secret. */
    @Override
    public String toString() {
        return "Config[socketMode=" + socketMode() + ", apiUrl=" + apiUrl + ", port=" + port + ", database=" + db.redacted()
                + ", announceChannel=" + announceChannel + ", channelPrefix=" + channelPrefix + ", timezone=" + timezone
                + ", keyEventEmoji=" + keyEventEmoji + ", ops=" + ops + ", hooks=" + hooks + ", pager=" + pager + ", trackers=" + trackers + ", statusPage=" + statusPage + "]";
    }
}
