package io.incidentbot.alerts;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One label matcher, with Alertmanager's semantics (prometheus/alertmanager {@code pkg/labels/matcher.go}):
 * a label that is absent counts as the empty string, and regular expressions are anchored at both ends.
 *
 * @param name  label name
 * @param type  the operator
 * @param value the value or regular expression, unquoted
 */
public record LabelMatcher(String name, Type type, String value, Pattern pattern) {

    /** The four operators, spelled as in Alertmanager's matchers. */
    public enum Type {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String operator;

        Type(String operator) {
            this.operator = operator;
        }

        /** @return the operator as written, e.g. {@code =~} */
        public String operator() {
            return operator;
        }
    }

    public LabelMatcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Builds a matcher.
     *
     * @throws java.util.regex.PatternSyntaxException when a regex operator has an invalid expression
     */
    public static LabelMatcher of(String name, Type type, String value) {
        Pattern p = type == Type.REGEX || type == Type.NOT_REGEX ? Pattern.compile("^(?:" + value + ")$") : null;
        return new LabelMatcher(name, type, value, p);
    }

    /**
     * @param labels a label set, name to value
     * @return whether the label set satisfies this matcher (absent label = empty string)
     */
    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        return switch (type) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case REGEX -> pattern.matcher(actual).matches();
            case NOT_REGEX -> !pattern.matcher(actual).matches();
        };
    }

    /** @return the matcher as Alertmanager writes it, e.g. {@code severity=~"critical|page"} */
    @Override
    public String toString() {
        return name + type.operator() + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
