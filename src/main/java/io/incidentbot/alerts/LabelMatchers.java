package io.incidentbot.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The label matchers of {@code INCIDENT_ALERT_DECLARE}: which alerts declare an incident. The syntax
 * is Alertmanager's matcher list ({@code amtool}, route {@code matchers}): comma-separated
 * {@code name=value}, {@code name!=value}, {@code name=~regex}, {@code name!~regex}, values bare or
 * in double quotes (with {@code \"} and {@code \\} escapes), optionally wrapped in {@code { }}.
 * A label set matches when every matcher matches.
 *
 * @param matchers the matchers, all of which must hold (never empty)
 */
public record LabelMatchers(List<LabelMatcher> matchers) {

    /** The setting used when {@code INCIDENT_ALERT_DECLARE} is unset or blank. */
    public static final String DEFAULT = "severity=critical";

    public LabelMatchers {
        matchers = List.copyOf(matchers);
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("label matchers: at least one matcher is needed");
        }
    }

    /** @return the default matchers, {@value #DEFAULT} */
    public static LabelMatchers defaults() {
        return parse(DEFAULT);
    }

    /**
     * Parses a matcher list.
     *
     * @param text the setting, e.g. {@code severity=critical,team=~"db|storage"}; null or blank gives
     *             {@link #DEFAULT}
     * @return the matchers
     * @throws IllegalArgumentException with a one-line message naming the bad matcher and why
     */
    public static LabelMatchers parse(String text) {
        String t = text == null || text.isBlank() ? DEFAULT : text.strip();
        if (t.startsWith("{") && t.endsWith("}")) {
            t = t.substring(1, t.length() - 1);
        }
        List<LabelMatcher> out = new ArrayList<>();
        List<String> parts = splitOutsideQuotes(t);
        for (int i = 0; i < parts.size(); i++) {
            String m = parts.get(i).strip();
            if (m.isEmpty() && i == parts.size() - 1 && i > 0) {
                break; // a trailing comma, as Alertmanager allows
            }
            if (m.isEmpty()) {
                throw new IllegalArgumentException("label matchers \"" + text + "\": empty matcher between commas");
            }
            out.add(parseOne(m));
        }
        return new LabelMatchers(out);
    }

    /**
     * @param labels a label set, name to value
     * @return whether every matcher matches it
     */
    public boolean matches(Map<String, String> labels) {
        return matchers.stream().allMatch(m -> m.matches(labels));
    }

    /** @return the list as Alertmanager writes it, e.g. {@code severity="critical"} */
    @Override
    public String toString() {
        return matchers.stream().map(LabelMatcher::toString).collect(Collectors.joining(","));
    }

    private static LabelMatcher parseOne(String m) {
        int i = 0;
        while (i < m.length() && (Character.isLetterOrDigit(m.charAt(i)) || m.charAt(i) == '_')) {
            i++;
        }
        String name = m.substring(0, i);
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            throw bad(m, "expected a label name ([a-zA-Z_][a-zA-Z0-9_]*) first");
        }
        String rest = m.substring(i).stripLeading();
        LabelMatcher.Type type;
        if (rest.startsWith("=~")) {
            type = LabelMatcher.Type.REGEX;
        } else if (rest.startsWith("!~")) {
            type = LabelMatcher.Type.NOT_REGEX;
        } else if (rest.startsWith("!=")) {
            type = LabelMatcher.Type.NOT_EQUAL;
        } else if (rest.startsWith("=")) {
            type = LabelMatcher.Type.EQUAL;
        } else {
            throw bad(m, "expected one of =, !=, =~, !~ after \"" + name + "\"");
        }
        String value = unquote(m, rest.substring(type.operator().length()).strip());
        try {
            return LabelMatcher.of(name, type, value);
        } catch (PatternSyntaxException e) {
            throw bad(m, "invalid regular expression: " + e.getDescription());
        }
    }

    private static String unquote(String matcher, String v) {
        if (!v.startsWith("\"")) {
            if (v.indexOf('"') >= 0) {
                throw bad(matcher, "a quote inside an unquoted value");
            }
            return v;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                out.append(v.charAt(++i));
            } else if (c == '"') {
                if (i != v.length() - 1) {
                    throw bad(matcher, "text after the closing quote");
                }
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw bad(matcher, "missing closing quote");
    }

    private static List<String> splitOutsideQuotes(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                cur.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    private static IllegalArgumentException bad(String matcher, String why) {
        return new IllegalArgumentException("label matcher \"" + matcher + "\": " + why);
    }
}
