package io.incidentbot.statuspage;

import java.security.SecureRandom;

/**
 * Random public IDs for components, published incidents, updates and maintenances: 12 characters of
 * {@code [0-9a-z]} (about 62 bits), the look of Statuspage's IDs. Never derived from an incident number, so the
 * page reveals neither how many incidents there were nor which internal one a public one is.
 */
public final class PublicIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private PublicIds() {
    }

    /** @return a new random ID */
    public static String next() {
        char[] c = new char[12];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }

    /** @return true when {@code text} has the shape of an ID (so anything else is a 404 without a query) */
    public static boolean looksLikeOne(String text) {
        return text != null && text.matches("[0-9a-z]{12}");
    }
}
