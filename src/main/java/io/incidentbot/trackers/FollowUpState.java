package io.incidentbot.trackers;

import java.util.Locale;

/** A follow-up's state: {@code open}, {@code done} or {@code wont_do} (the words stored and shown). */
public enum FollowUpState {
    OPEN, DONE, WONT_DO;

    /** @return the stored word: {@code open}, {@code done}, {@code wont_do} */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param word a stored word
     * @return its state
     * @throws IllegalArgumentException for any other word
     */
    public static FollowUpState of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** @return true for {@code done} and {@code wont_do} */
    public boolean closed() {
        return this != OPEN;
    }
}
