package io.incidentbot.process.slack;

import io.incidentbot.incident.Severity;
import io.incidentbot.process.CustomField;
import io.incidentbot.process.FieldValues;
import io.incidentbot.process.IncidentType;
import io.incidentbot.process.Process;
import io.incidentbot.slack.render.Messages;
import io.incidentbot.slack.render.UserText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options of {@code /incident declare} with a process file (issue 25):
 * {@code declare [--type <type>] [sev1-4] [--field <name>=<value> ...] <title>}. {@code --type} and {@code --field}
 * may come before or after the title, a severity only before it; the other words are the title. Without
 * {@code --type} the incident is of the {@code default} type. A value with spaces is quoted: {@code --field ticket="T 1"}
 * or {@code --field "ticket=T 1"} (the curly quotes Slack's clients may type, {@code “...”}, count too). Command text arrives
 * escaped ({@code should_escape}): a person is {@code <@U123|alice>}, a link {@code <https://x>}; such a {@code <...>} is
 * one word even with spaces inside, and a value is checked and stored as {@code /incident field} does
 * ({@link FieldValues#normalise}).
 *
 * @param type     the type named, or {@code default}; null when {@code refusal} names an unknown type
 * @param severity the severity given, else the type's, else SEV3
 * @param fields   field name to stored value, in the order given
 * @param title    the title as plain text ({@link UserText#plain}), empty when none was given
 * @param refusal  when not null, the whole answer: nothing is declared (an unknown type, field or value)
 */
record DeclareOptions(IncidentType type, Severity severity, Map<String, String> fields, String title, String refusal) {
    static final String USAGE = "declare --type <type> [sev1-4] [--field <name>=<value> ...] <title>";
    private static final String TYPE = "--type";
    private static final String FIELD = "--field";
    private static final String QUOTES = "\"“”";

    /** @return true when {@code rest} (the text after {@code declare}) has a {@code --type} or {@code --field} option */
    static boolean given(String rest) {
        return words(rest).stream().anyMatch(w -> w.option(rest) != null);
    }

    /**
     * @param process the process
     * @param rest    the text after {@code declare}, as Slack sent it
     * @return the options, or a refusal saying what is wrong with them (every wrong field at once)
     */
    static DeclareOptions parse(Process process, String rest) {
        List<Word> words = words(rest);
        String typeName = null;
        Severity severity = null;
        Map<String, String> raw = new LinkedHashMap<>();
        List<String> title = new ArrayList<>();
        for (int k = 0; k < words.size(); k++) {
            String w = words.get(k).text();
            String option = words.get(k).option(rest);
            if (option != null && k + 1 == words.size()) {
                return refused("`" + option + "` needs " + (option.equals(TYPE) ? "a type" : "`<name>=<value>`")
                        + ". Usage: `/incident " + USAGE + "`");
            } else if (TYPE.equals(option)) {
                typeName = words.get(++k).text();
            } else if (FIELD.equals(option)) {
                String nameValue = words.get(++k).text();
                int eq = nameValue.indexOf('=');
                if (eq <= 0) {
                    return refused("`--field` takes `<name>=<value>`, e.g. `--field customer_impact=all`; `"
                            + Messages.escape(nameValue) + "` has no `=`. Nothing was declared.");
                }
                raw.put(nameValue.substring(0, eq).strip(), nameValue.substring(eq + 1));
            } else if (title.isEmpty() && severity == null && w.toLowerCase(Locale.ROOT).matches("sev[1-4]")) {
                severity = Severity.parse(w).orElseThrow();
            } else {
                title.add(rest.substring(words.get(k).start(), words.get(k).end()));
            }
        }
        IncidentType type = typeName == null ? process.defaultType() : process.type(typeName.toLowerCase(Locale.ROOT)).orElse(null);
        if (type == null) {
            return refused("There is no incident type `" + Messages.escape(typeName) + "`. The types are: "
                    + String.join(", ", process.types().stream().map(IncidentType::name).toList()) + ".");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        raw.forEach((name, value) -> {
            try {
                CustomField f = FieldValues.field(type, name);
                fields.put(f.name(), FieldValues.normalise(f, value));
            } catch (IllegalArgumentException e) {
                wrong.add(e.getMessage());
            }
        });
        if (!wrong.isEmpty()) {
            return refused(Messages.escape(String.join(" ", wrong)) + " Nothing was declared.");
        }
        Severity sev = severity != null ? severity : type.severity() != null ? type.severity() : Severity.DEFAULT;
        return new DeclareOptions(type, sev, Map.copyOf(fields), UserText.plain(String.join(" ", title)).strip(), null);
    }

    /**
     * The required fields of the type that apply at the severity and were not given: the incident is declared anyway
     * (declaring must not wait on bookkeeping at 3 a.m.; the header shows them <em>not set</em>), and the answer
     * names them with how to set them.
     *
     * @return a sentence to add to the answer (starting with a space), empty when none is missing
     */
    String notSet() {
        List<String> missing = type.fields().stream().filter(f -> f.required() && f.appliesAt(severity)
                && !fields.containsKey(f.name())).map(f -> Messages.escape(f.label()) + " (`" + f.name() + "`)").toList();
        return missing.isEmpty() ? "" : " Required fields not set yet: " + String.join(", ", missing)
                + "; set them in the incident channel with `/incident field <name> <value>`.";
    }

    private static DeclareOptions refused(String why) {
        return new DeclareOptions(null, null, Map.of(), "", why);
    }

    /** A word of the command text: its text (quotes removed) and where it stands in the text. */
    private record Word(String text, int start, int end) {
        /** @return {@code --type} or {@code --field} when the word is that option as typed (not quoted), else null */
        String option(String s) {
            String typed = s.substring(start, end);
            return typed.equals(TYPE) || typed.equals(FIELD) ? typed : null;
        }
    }

    /** @return the words of {@code s}: split at spaces, except inside quotes and {@code <...>} */
    private static List<Word> words(String s) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                char c = s.charAt(i);
                int close = QUOTES.indexOf(c) >= 0 ? closing(s, i + 1) : c == '<' ? s.indexOf('>', i + 1) : -1;
                if (close < 0) {
                    text.append(c);
                    i++;
                } else {
                    text.append(QUOTES.indexOf(c) >= 0 ? s.substring(i + 1, close) : s.substring(i, close + 1));
                    i = close + 1;
                }
            }
            words.add(new Word(text.toString(), start, i));
        }
        return words;
    }

    private static int closing(String s, int from) {
        for (int j = from; j < s.length(); j++) {
            if (QUOTES.indexOf(s.charAt(j)) >= 0) {
                return j;
            }
        }
        return -1;
    }
}
