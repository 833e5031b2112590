package io.incidentbot.trackers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of {@code /incident action <text> [@owner] [due 2026-12-20|in 2w] [p1-p3]}: the follow-up's text, and
 * the owner, due date and priority read from its end, in any order. A word that only looks like an option
 * in the middle of the text ("fix the p1 alert") stays text.
 *
 * @param text     what is to be done (Slack-escaped as it came)
 * @param owner    Slack user ID from a trailing mention ({@code <@U123>} or {@code <@U123|name>}), or null
 * @param due      due date, or null
 * @param priority 1..3, or null
 */
public record FollowUpRequest(String text, String owner, LocalDate due, Integer priority) {
    private static final Pattern MENTION = Pattern.compile("^(.*?)\\s*<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>$", Pattern.DOTALL);
    private static final Pattern DUE_DATE = Pattern.compile("^(.*?)\\s+due\\s+(\\d{4}-\\d{1,2}-\\d{1,2})$",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern DUE_IN = Pattern.compile("^(.*?)\\s+(?:due\\s+)?in\\s+(\\d{1,3})\\s*(d|w|days?|weeks?)$",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern PRIORITY = Pattern.compile("^(.*?)\\s+p([1-3])$", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern BAD_DUE = Pattern.compile("^(.*?)\\s+due\\s+(\\S+)$", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /**
     * @param rest  the text after {@code action}
     * @param today the calendar day now (in {@code INCIDENT_TIMEZONE}), for {@code in 2w} and to refuse past dates
     * @return the request
     * @throws IllegalArgumentException with a sentence for the user: no text, a due date that is not a date or is
     *                                  in the past
     */
    public static FollowUpRequest parse(String rest, LocalDate today) {
        String text = rest == null ? "" : rest.strip();
        String owner = null;
        LocalDate due = null;
        Integer priority = null;
        boolean peeled = true;
        while (peeled) {
            peeled = false;
            Matcher m;
            if (owner == null && (m = MENTION.matcher(text)).matches() && !m.group(1).isBlank()) {
                owner = m.group(2);
                text = m.group(1).strip();
                peeled = true;
            } else if (due == null && (m = DUE_DATE.matcher(text)).matches() && !m.group(1).isBlank()) {
                due = date(m.group(2), today);
                text = m.group(1).strip();
                peeled = true;
            } else if (due == null && (m = DUE_IN.matcher(text)).matches() && !m.group(1).isBlank()) {
                int n = Integer.parseInt(m.group(2));
                due = m.group(3).toLowerCase(Locale.ROOT).startsWith("w") ? today.plusWeeks(n) : today.plusDays(n);
                text = m.group(1).strip();
                peeled = true;
            } else if (priority == null && (m = PRIORITY.matcher(text)).matches() && !m.group(1).isBlank()) {
                priority = Integer.parseInt(m.group(2));
                text = m.group(1).strip();
                peeled = true;
            } else if (due == null && (m = BAD_DUE.matcher(text)).matches() && !m.group(1).isBlank()) {
                throw new IllegalArgumentException("\"due " + m.group(2) + "\" is not a date: write due 2026-12-20 or in 2w");
            }
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("A follow-up needs a text: action <text> [@owner] [due 2026-12-20|in 2w] [p1-p3]");
        }
        return new FollowUpRequest(text, owner, due, priority);
    }

    private static LocalDate date(String text, LocalDate today) {
        LocalDate d;
        try {
            String[] p = text.split("-");
            d = LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("\"due " + text + "\" is not a date: write due 2026-12-20 or in 2w");
        }
        if (d.isBefore(today)) {
            throw new IllegalArgumentException("The due date " + d + " is in the past");
        }
        return d;
    }
}
