package io.incidentbot.trackers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code INCIDENT_USER_MAP}: who a Slack user is in each tracker, so a follow-up's owner becomes the
 * issue's assignee. Two spellings:
 * <ul>
 *   <li>short: {@code U123=octocat,U456=jdoe}: the same name in every tracker (a GitHub login; for Jira an
 *       account ID; for GitLab a numeric user ID, anything else is not used as a GitLab assignee);</li>
 *   <li>YAML (a value with a newline or starting with <code>{</code>): a map from Slack user ID to either a name
 *       as above or a map with any of {@code github} (login), {@code jira} (account ID), {@code gitlab}
 *       (numeric user ID) and {@code email}, e.g. <code>U123: {github: octocat, jira: 5b10ac8d82e05b22cc7d4ef5}</code>.</li>
 * </ul>
 * Jira Cloud's REST v3 takes an account ID, not an e-mail address, as assignee ("GDPR changes in Jira REST
 * API"), so {@code email} alone never assigns a Jira issue; it is shown in the issue body instead.
 */
public final class UserMap {
    /** One person in the trackers; any part may be null. */
    public record Identity(String github, String jira, String gitlab, String email) {
    }

    private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{2,}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@:+-]{1,128}");
    private static final UserMap EMPTY = new UserMap(Map.of());

    private final Map<String, Identity> people;

    private UserMap(Map<String, Identity> people) {
        this.people = Map.copyOf(people);
    }

    /** @return a map naming nobody */
    public static UserMap empty() {
        return EMPTY;
    }

    /**
     * @param text the variable's value (short or YAML form), null or blank for none
     * @return the map
     * @throws IllegalArgumentException with a one-line reason naming the bad entry (never the whole value)
     */
    public static UserMap parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        String t = text.strip();
        return t.contains("\n") || t.startsWith("{") ? yaml(t) : pairs(t);
    }

    private static UserMap pairs(String text) {
        Map<String, Identity> people = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String p = pair.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("entry '" + cut(p) + "' is not U123=name");
            }
            String user = slackUser(p.substring(0, eq).strip());
            String name = name(user, p.substring(eq + 1).strip());
            people.put(user, new Identity(name, name, name, name.contains("@") ? name : null));
        }
        return new UserMap(people);
    }

    private static UserMap yaml(String text) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is neither U123=name,... nor a YAML map (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("must be a YAML map from Slack user ID to a name or to {github, jira, gitlab, email}");
        }
        Map<String, Identity> people = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String user = slackUser(e.getKey());
            JsonNode v = e.getValue();
            if (v.isValueNode()) {
                String name = name(user, v.asText());
                people.put(user, new Identity(name, name, name, name.contains("@") ? name : null));
            } else if (v.isObject()) {
                for (Iterator<String> keys = v.fieldNames(); keys.hasNext(); ) {
                    String k = keys.next();
                    if (!java.util.Set.of("github", "jira", "gitlab", "email").contains(k)) {
                        throw new IllegalArgumentException(user + " has '" + cut(k) + "'; use github, jira, gitlab or email");
                    }
                }
                people.put(user, new Identity(field(user, v, "github"), field(user, v, "jira"), field(user, v, "gitlab"),
                        field(user, v, "email")));
            } else {
                throw new IllegalArgumentException(user + " must map to a name or to {github, jira, gitlab, email}");
            }
        }
        return new UserMap(people);
    }

    private static String field(String user, JsonNode v, String key) {
        JsonNode f = v.get(key);
        return f == null || f.isNull() ? null : name(user, f.asText());
    }

    private static String slackUser(String id) {
        String u = id.strip().toUpperCase(Locale.ROOT);
        if (!SLACK_USER.matcher(u).matches()) {
            throw new IllegalArgumentException("'" + cut(id) + "' is not a Slack user ID such as U0123ABCD");
        }
        return u;
    }

    private static String name(String user, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(user + " maps to '" + cut(name) + "', not a login, account ID or e-mail");
        }
        return name;
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /**
     * @param slackUser Slack user ID, may be null
     * @return that person's tracker identities, empty when the map does not name them
     */
    public Optional<Identity> find(String slackUser) {
        return slackUser == null ? Optional.empty() : Optional.ofNullable(people.get(slackUser.toUpperCase(Locale.ROOT)));
    }

    /** @return how many people the map names */
    public int size() {
        return people.size();
    }

    @Override
    public String toString() {
        return "UserMap[" + people.size() + " people]";
    }
}
