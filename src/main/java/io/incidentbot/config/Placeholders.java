package io.incidentbot.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses to start with a template's placeholder in a token, secret or password ({@code REPLACE_WITH_...}
 * from {@code deploy/kubernetes/base/secret.example.yaml}, {@code changeme} from a tutorial): the bot would
 * otherwise start, answer every Slack request 401 or fail every Web API call, and look like a bug. Checked
 * first, for every variable whose name ends in {@code _TOKEN}, {@code _SECRET}, {@code _PASSWORD} or
 * {@code _KEY}; the message names the variable, never its value.
 */
public final class Placeholders {
    private static final List<String> SUFFIXES = List.of("_TOKEN", "_SECRET", "_PASSWORD", "_KEY");
    private static final List<String> WORDS = List.of("changeme", "change-me", "change_me", "changeit", "replace-me",
            "replace_me", "your-token-here", "xoxb-...", "xapp-...", "...");

    private Placeholders() {
    }

    /**
     * @param env environment variables
     * @throws ConfigException {@code SLACK_SIGNING_SECRET is still a placeholder (REPLACE_WITH_...): set the real value}
     */
    public static void refuse(Map<String, String> env) {
        env.entrySet().stream().filter(e -> SUFFIXES.stream().anyMatch(e.getKey()::endsWith))
                .filter(e -> isPlaceholder(e.getValue())).map(Map.Entry::getKey).sorted().findFirst()
                .ifPresent(name -> {
                    throw new ConfigException(name + " is still a placeholder (REPLACE_WITH_... or changeme): "
                            + "set the real value");
                });
    }

    /** @return true for {@code REPLACE_WITH_...} anywhere in the value, or a well-known placeholder word */
    static boolean isPlaceholder(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.contains("replace_with") || WORDS.contains(v) || v.endsWith("-changeme") || v.startsWith("changeme");
    }
}
