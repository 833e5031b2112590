package io.incidentbot.pager;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one dedup key of an incident, {@code incident-bot-<n>}, sent with every trigger, acknowledge and
 * resolve to every pager (PagerDuty's {@code dedup_key}, JSM's {@code alias}, GoAlert's {@code dedup}) and
 * read back from their webhooks.
 */
public final class DedupKey {
    private static final String PREFIX = "incident-bot-";
    private static final Pattern KEY = Pattern.compile("incident-bot-([1-9][0-9]{0,17})");

    private DedupKey() {
    }

    /** @return {@code incident-bot-<incident>} */
    public static String of(long incident) {
        return PREFIX + incident;
    }

    /** @return the incident number of one of our keys, empty for any other text (or null) */
    public static OptionalLong incident(String key) {
        if (key == null) {
            return OptionalLong.empty();
        }
        Matcher m = KEY.matcher(key);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
