package io.incidentbot.pager;

import io.incidentbot.config.ConfigException;
import io.incidentbot.incident.Severity;
import okhttp3.HttpUrl;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of paging (issue 21), read from the environment and checked at start. A malformed value is
 * one {@link ConfigException} line naming the variable; keys, secrets and URLs (GoAlert's carries its
 * token) are never repeated in it nor in {@link #toString()}.
 *
 * @param pagerDutyRoutingKey    {@code PAGERDUTY_ROUTING_KEY}: Events API v2 integration key; null = no PagerDuty
 * @param pagerDutyEventsUrl     {@code PAGERDUTY_EVENTS_URL}: default {@value #DEFAULT_PAGERDUTY_EVENTS_URL}
 * @param jsmOpsApiKey           {@code JSM_OPS_API_KEY}: sent as {@code Authorization: GenieKey <key>}; null = no JSM Ops
 * @param jsmOpsApiUrl           {@code JSM_OPS_API_URL}: the alert API base, default {@value #DEFAULT_JSM_OPS_API_URL}
 * @param goAlertUrl             {@code GOALERT_URL}: GoAlert generic API integration URL with its {@code token}; null = no GoAlert
 * @param pageSeverity           {@code INCIDENT_PAGE_SEVERITY}: incidents at or above it page (default SEV2); null = {@code off}
 * @param pagerDutyWebhookSecret {@code PAGERDUTY_WEBHOOK_SECRET}: v3 webhook signing secret; null = {@code /hooks/pagerduty} 404
 * @param pageSlack              {@code INCIDENT_PAGE_SLACK}: {@code on}/{@code off}; null (unset) = escalate in Slack
 *                               only when no external pager is set
 * @param oncallFile             {@code INCIDENT_ONCALL_FILE}: the rotations and escalation policy file, or null
 * @param oncall                 that file as read and checked at start ({@link io.incidentbot.pager.oncall.OncallFile}), or null
 * @param pageRepeat             {@code INCIDENT_PAGE_REPEAT}: times the Slack escalation policy repeats (0..10, default 2)
 * @param alertInvite            {@code INCIDENT_ALERT_INVITE}: Slack user IDs ({@code U..}/{@code W..}) and user group
 *                               IDs ({@code S..}) invited to alert-declared incidents
 * @param workspacePrefix        {@code INCIDENT_WORKSPACE_PREFIX}: the workspace's part of the dedup key when several
 *                               workspaces share a pager ({@code incident-bot-<prefix>-<n>}, {@link DedupKey}), or null
 */
public record PagerSettings(
        String pagerDutyRoutingKey,
        HttpUrl pagerDutyEventsUrl,
        String jsmOpsApiKey,
        HttpUrl jsmOpsApiUrl,
        HttpUrl goAlertUrl,
        Severity pageSeverity,
        String pagerDutyWebhookSecret,
        Boolean pageSlack,
        Path oncallFile,
        io.incidentbot.pager.oncall.OncallPolicy oncall,
        int pageRepeat,
        List<String> alertInvite,
        String workspacePrefix) {

    /** PagerDuty's Events API v2 endpoint ("Send an Alert Event", PagerDuty/developer-docs events-API-v2). */
    public static final String DEFAULT_PAGERDUTY_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";
    /** Jira Service Management Ops' alert API of an API integration (the Opsgenie alert API moved there). */
    public static final String DEFAULT_JSM_OPS_API_URL = "https://api.atlassian.com/jsm/ops/integration/v2/alerts";
    /** Default of {@code INCIDENT_PAGE_REPEAT}. */
    public static final int DEFAULT_PAGE_REPEAT = 2;

    public PagerSettings {
        alertInvite = List.copyOf(alertInvite);
    }

    /** @return nothing set: no pager, paging threshold SEV2, no Slack escalation */
    public static PagerSettings defaults() {
        return fromEnv(Map.of());
    }

    /**
     * @param env environment variables
     * @return the settings
     * @throws ConfigException naming the first malformed variable, in one line that never shows its value
     *                         when the value is a key, a secret or a URL
     */
    public static PagerSettings fromEnv(Map<String, String> env) {
        HttpUrl pdUrl = url(env, "PAGERDUTY_EVENTS_URL", DEFAULT_PAGERDUTY_EVENTS_URL);
        String routingKey = value(env, "PAGERDUTY_ROUTING_KEY");
        if (routingKey != null) {
            boolean pagerDutyItself = pdUrl.host().endsWith("pagerduty.com");
            if (pagerDutyItself ? !routingKey.matches("[A-Za-z0-9]{32}") : !routingKey.matches("[\\x21-\\x7e]{1,255}")) {
                throw new ConfigException("PAGERDUTY_ROUTING_KEY must be the 32-character integration key of an Events API v2 "
                        + "integration (value not shown)");
            }
        }
        String jsmKey = value(env, "JSM_OPS_API_KEY");
        if (jsmKey != null && !jsmKey.matches("[A-Za-z0-9-]{16,128}")) {
            throw new ConfigException("JSM_OPS_API_KEY must be the API key of a JSM Ops (or Opsgenie) API integration, "
                    + "16-128 letters, digits and dashes (value not shown)");
        }
        HttpUrl jsmUrl = url(env, "JSM_OPS_API_URL", DEFAULT_JSM_OPS_API_URL);
        HttpUrl goAlert = url(env, "GOALERT_URL", null);
        if (goAlert != null && goAlert.queryParameter("token") == null) {
            throw new ConfigException("GOALERT_URL must be the generic API integration key URL of a GoAlert service, "
                    + "with its ?token= (value not shown)");
        }
        Severity threshold = pageSeverity(value(env, "INCIDENT_PAGE_SEVERITY"));
        String secret = value(env, "PAGERDUTY_WEBHOOK_SECRET");
        if (secret != null && secret.length() < 16) {
            throw new ConfigException("PAGERDUTY_WEBHOOK_SECRET must be the secret PagerDuty shows for the webhook "
                    + "subscription, at least 16 characters (value not shown)");
        }
        Boolean pageSlack = onOff(value(env, "INCIDENT_PAGE_SLACK"));
        Path oncall = file(value(env, "INCIDENT_ONCALL_FILE"));
        int repeat = repeat(value(env, "INCIDENT_PAGE_REPEAT"));
        return new PagerSettings(routingKey, pdUrl, jsmKey, jsmUrl, goAlert, threshold, secret, pageSlack, oncall,
                oncall == null ? null : io.incidentbot.pager.oncall.OncallFile.read(oncall), repeat,
                invitees(value(env, "INCIDENT_ALERT_INVITE")), workspacePrefix(value(env, "INCIDENT_WORKSPACE_PREFIX")));
    }

    /** @return the external pagers that are set, in the order their jobs are enqueued */
    public List<PagerKind> pagers() {
        List<PagerKind> kinds = new ArrayList<>();
        if (pagerDutyRoutingKey != null) {
            kinds.add(PagerKind.PAGERDUTY);
        }
        if (jsmOpsApiKey != null) {
            kinds.add(PagerKind.JSM_OPS);
        }
        if (goAlertUrl != null) {
            kinds.add(PagerKind.GOALERT);
        }
        return kinds;
    }

    /**
     * @param at a time
     * @return Slack user IDs on call at {@code at}: the recipients of the on-call file's first escalation step; empty
     *         without an on-call file
     */
    public List<String> oncallAt(java.time.Instant at) {
        return oncall == null ? List.of() : oncall.recipients(0, at);
    }

    /** @return true when pages also (or only) go to the on-call in Slack: an on-call file is set, and
     *          {@code INCIDENT_PAGE_SLACK=on} or (unset and no external pager) */
    public boolean slackEscalation() {
        return oncallFile != null && (pageSlack == null ? pagers().isEmpty() : pageSlack);
    }

    /** @return true when a page has anywhere to go */
    public boolean pagingEnabled() {
        return !pagers().isEmpty() || slackEscalation();
    }

    private static Severity pageSeverity(String text) {
        if (text == null) {
            return Severity.SEV2;
        }
        if (text.equalsIgnoreCase("off")) {
            return null;
        }
        return Severity.parse(text).orElseThrow(() -> new ConfigException(
                "INCIDENT_PAGE_SEVERITY must be sev1, sev2, sev3, sev4 or off, got '" + text + "'"));
    }

    private static Boolean onOff(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new ConfigException("INCIDENT_PAGE_SLACK must be on or off, got '" + text + "'");
        };
    }

    private static Path file(String text) {
        if (text == null) {
            return null;
        }
        Path p;
        try {
            p = Path.of(text);
        } catch (InvalidPathException e) {
            throw new ConfigException("INCIDENT_ONCALL_FILE is not a file path: '" + text + "'");
        }
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new ConfigException("INCIDENT_ONCALL_FILE " + text + ": no readable file there");
        }
        return p;
    }

    private static int repeat(String text) {
        if (text == null) {
            return DEFAULT_PAGE_REPEAT;
        }
        if (text.matches("\\d{1,2}") && Integer.parseInt(text) <= 10) {
            return Integer.parseInt(text);
        }
        throw new ConfigException("INCIDENT_PAGE_REPEAT must be a number from 0 to 10, got '" + text + "'");
    }

    private static String workspacePrefix(String text) {
        if (text == null || DedupKey.WORKSPACE.matcher(text).matches()) {
            return text;
        }
        throw new ConfigException("INCIDENT_WORKSPACE_PREFIX must be 1-32 lowercase letters, digits and dashes starting with "
                + "a letter (it goes into dedup keys: incident-bot-<prefix>-<n>), got '" + text + "'");
    }

    private static List<String> invitees(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!part.matches("[UWS][A-Z0-9]{2,}")) {
                throw new ConfigException("INCIDENT_ALERT_INVITE must list Slack user IDs (U0123ABCD) and user group IDs "
                        + "(S0123ABCD) separated by commas, got '" + part + "'");
            }
            ids.add(part);
        }
        return ids;
    }

    private static HttpUrl url(Map<String, String> env, String name, String fallback) {
        String text = value(env, name);
        if (text == null) {
            return fallback == null ? null : HttpUrl.get(fallback);
        }
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            throw new ConfigException(name + " must be an http(s) URL (value not shown)");
        }
        return url;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** Shows which pagers are set and their hosts, never a key, a secret, a token or a full URL. */
    @Override
    public String toString() {
        return "PagerSettings[pagerDuty=" + (pagerDutyRoutingKey == null ? "unset" : "set, " + pagerDutyEventsUrl.host())
                + ", jsmOps=" + (jsmOpsApiKey == null ? "unset" : "set, " + jsmOpsApiUrl.host())
                + ", goAlert=" + (goAlertUrl == null ? "unset" : "set, " + goAlertUrl.host())
                + ", pageSeverity=" + (pageSeverity == null ? "off" : pageSeverity.label())
                + ", pagerDutyWebhookSecret=" + (pagerDutyWebhookSecret == null ? "unset" : "set")
                + ", pageSlack=" + (pageSlack == null ? "auto" : pageSlack ? "on" : "off")
                + ", oncallFile=" + oncallFile + ", pageRepeat=" + pageRepeat + ", alertInvite=" + alertInvite
                + ", workspacePrefix=" + workspacePrefix + "]";
    }
}
