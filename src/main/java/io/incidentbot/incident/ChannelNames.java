package io.incidentbot.incident;

import java.text.Normalizer;
import java.util.Locale;

/** Incident channel names: {@code <prefix>-<number>-<slug>}, Slack's rules (lowercase, a-z 0-9 -, 80 characters). */
public final class ChannelNames {
    /** Slack's maximum channel name length. */
    public static final int MAX_LENGTH = 80;

    private ChannelNames() {
    }

    /**
     * @param title any text
     * @return accents folded to ASCII, lowercase, every run of other characters turned into one {@code -},
     *         trimmed of {@code -}; {@code incident} when nothing is left
     */
    public static String slug(String title) {
        String folded = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replace("ß", "ss").replace("æ", "ae").replace("Æ", "ae").replace("ø", "o").replace("Ø", "o")
                .replace("đ", "d").replace("Đ", "d").replace("ł", "l").replace("Ł", "l")
                .toLowerCase(Locale.ROOT);
        String slug = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "incident" : slug;
    }

    /**
     * @param prefix  channel prefix, e.g. {@code inc}
     * @param number  incident number
     * @param title   incident title
     * @param attempt 1 for the first try; 2, 3, ... append {@code -2}, {@code -3} after {@code name_taken}
     * @return a valid channel name of at most 80 characters
     */
    public static String name(String prefix, long number, String title, int attempt) {
        String suffix = attempt <= 1 ? "" : "-" + attempt;
        String base = prefix + "-" + number + "-" + slug(title);
        int room = MAX_LENGTH - suffix.length();
        if (base.length() > room) {
            base = base.substring(0, room).replaceAll("-+$", "");
        }
        return base + suffix;
    }
}
