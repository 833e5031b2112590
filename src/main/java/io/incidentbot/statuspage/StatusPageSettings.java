package io.incidentbot.statuspage;

import io.incidentbot.config.ConfigException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status page's settings (issue 23), read from the environment and checked at start.
 *
 * @param enabled        {@code INCIDENT_STATUS_PAGE}: {@code on} serves the page and its JSON API (default off)
 * @param title          {@code INCIDENT_STATUS_PAGE_TITLE}: the page's title (default {@code Status})
 * @param components     {@code INCIDENT_STATUS_COMPONENTS}: components added at start when missing
 *                       (comma separated, {@code Name} or {@code Group/Name})
 * @param port           {@code INCIDENT_STATUS_PAGE_PORT}: serve the page on this port only (not on {@code PORT}),
 *                       or null to serve it on {@code PORT}
 * @param publicUrl      {@code INCIDENT_STATUS_PAGE_URL}: the page's public base URL (for feeds and the JSON API's
 *                       {@code page.url}), or null to take it from each request's {@code Host}
 * @param statuspage     the Atlassian Statuspage push, or null when {@code STATUSPAGE_API_KEY} is unset
 * @param cachet         the Cachet push, or null when {@code CACHET_URL} is unset
 */
public record StatusPageSettings(boolean enabled, String title, List<ComponentSpec> components, Integer port,
                                 String publicUrl, Statuspage statuspage, Cachet cachet) {

    /** Default of {@code STATUSPAGE_API_URL}. */
    public static final String STATUSPAGE_API_URL = "https://api.statuspage.io/v1";

    /**
     * Atlassian Statuspage settings.
     *
     * @param apiKey     {@code STATUSPAGE_API_KEY} (sent as {@code Authorization: OAuth <key>}; never printed)
     * @param pageId     {@code STATUSPAGE_PAGE_ID}
     * @param components {@code STATUSPAGE_COMPONENTS}: our component name to Statuspage's component ID
     * @param apiUrl     {@code STATUSPAGE_API_URL}, without a trailing {@code /}
     */
    public record Statuspage(String apiKey, String pageId, Map<String, String> components, String apiUrl) {
        @Override
        public String toString() {
            return "Statuspage[pageId=" + pageId + ", components=" + components + ", apiUrl=" + apiUrl + "]";
        }
    }

    /**
     * Cachet 3 settings.
     *
     * @param url        {@code CACHET_URL}: the Cachet base URL, without a trailing {@code /}
     * @param token      {@code CACHET_TOKEN} (never printed)
     * @param components {@code CACHET_COMPONENTS}: our component name to Cachet's component ID
     */
    public record Cachet(String url, String token, Map<String, String> components) {
        @Override
        public String toString() {
            return "Cachet[url=" + url + ", components=" + components + "]";
        }
    }

    /**
     * @return true when incidents can be published: the page is on or a hosted page (Statuspage, Cachet) is set;
     *         then {@code /incident publish}, {@code components}, {@code maintenance} and the header button exist
     */
    public boolean publishing() {
        return enabled || statuspage != null || cachet != null;
    }

    /** @return the page off, nothing pushed */
    public static StatusPageSettings off() {
        return new StatusPageSettings(false, "Status", List.of(), null, null, null, null);
    }

    /**
     * @param env environment variables
     * @return the settings
     * @throws ConfigException one line naming the first malformed variable (never a secret's value)
     */
    public static StatusPageSettings fromEnv(Map<String, String> env) {
        String on = value(env, "INCIDENT_STATUS_PAGE");
        boolean enabled;
        if (on == null || List.of("off", "false", "0", "no").contains(on.toLowerCase(Locale.ROOT))) {
            enabled = false;
        } else if (List.of("on", "true", "1", "yes").contains(on.toLowerCase(Locale.ROOT))) {
            enabled = true;
        } else {
            throw new ConfigException("INCIDENT_STATUS_PAGE must be on or off, got '" + on + "'");
        }
        String title = value(env, "INCIDENT_STATUS_PAGE_TITLE");
        if (title != null && title.length() > 100) {
            throw new ConfigException("INCIDENT_STATUS_PAGE_TITLE must be at most 100 characters");
        }
        List<ComponentSpec> components;
        try {
            components = ComponentSpec.parseList(value(env, "INCIDENT_STATUS_COMPONENTS"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("INCIDENT_STATUS_COMPONENTS: " + e.getMessage());
        }
        Integer port = null;
        String p = value(env, "INCIDENT_STATUS_PAGE_PORT");
        if (p != null) {
            try {
                port = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new ConfigException("INCIDENT_STATUS_PAGE_PORT must be a number from 0 to 65535, got '" + p + "'");
            }
        }
        String url = url(env, "INCIDENT_STATUS_PAGE_URL", null);
        Statuspage statuspage = null;
        String key = value(env, "STATUSPAGE_API_KEY");
        if (key != null) {
            String page = value(env, "STATUSPAGE_PAGE_ID");
            if (page == null || !page.matches("[A-Za-z0-9]+")) {
                throw new ConfigException("STATUSPAGE_PAGE_ID must be set to the page's ID (letters and digits) when STATUSPAGE_API_KEY is set");
            }
            statuspage = new Statuspage(key, page, mapping(env, "STATUSPAGE_COMPONENTS"),
                    url(env, "STATUSPAGE_API_URL", STATUSPAGE_API_URL));
        }
        Cachet cachet = null;
        String cachetUrl = url(env, "CACHET_URL", null);
        if (cachetUrl != null) {
            String token = value(env, "CACHET_TOKEN");
            if (token == null) {
                throw new ConfigException("CACHET_TOKEN must be set when CACHET_URL is set");
            }
            cachet = new Cachet(cachetUrl, token, mapping(env, "CACHET_COMPONENTS"));
        }
        return new StatusPageSettings(enabled, title == null ? "Status" : title, components, port, url, statuspage, cachet);
    }

    private static String url(Map<String, String> env, String name, String fallback) {
        String v = value(env, name);
        if (v == null) {
            return fallback;
        }
        if (!v.matches("https?://[^\\s]+")) {
            throw new ConfigException(name + " must be an http(s) URL");
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    /** {@code Name=<id>,Group/Name=<id>} to a map; names as in {@link ComponentSpec}, IDs without spaces. */
    private static Map<String, String> mapping(Map<String, String> env, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        String v = value(env, name);
        if (v == null) {
            return out;
        }
        for (String item : v.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.lastIndexOf('=');
            if (eq <= 0 || eq == item.length() - 1 || !item.substring(eq + 1).strip().matches("[A-Za-z0-9_-]+")) {
                throw new ConfigException(name + " must be Name=<component id>,... (got an item without a name or ID)");
            }
            String component;
            try {
                component = ComponentSpec.parse(item.substring(0, eq)).name();
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name + ": " + e.getMessage());
            }
            out.put(component, item.substring(eq + 1).strip());
        }
        return out;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** Never prints the API key or the token. */
    @Override
    public String toString() {
        return "StatusPageSettings[enabled=" + enabled + ", title=" + title + ", components=" + components.size()
                + ", port=" + port + ", statuspage=" + statuspage + ", cachet=" + cachet + "]";
    }
}
