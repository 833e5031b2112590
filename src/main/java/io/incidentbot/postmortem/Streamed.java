package io.incidentbot.postmortem;

import java.util.function.Consumer;

/**
 * A list the draft template iterates without holding it: each {@code {{#name}}...{{/name}}} section over it
 * reads the items from storage as it writes them (the channel log of a 20,000-message incident fits in a
 * small heap). {@link DraftTemplate}'s object handler knows this type; anything else sees an opaque object.
 *
 * @param <T> item type, a public record of {@link DraftModel}
 */
public interface Streamed<T> {
    /** Gives each item in order; may be called again (the channel log then gives only what it still holds). */
    void forEach(Consumer<? super T> sink);

    /** @return true when {@link #forEach} gives nothing, for {@code {{^name}}} sections */
    boolean isEmpty();

    /** @return a stream of {@code source}, empty when {@code empty} says so */
    static <T> Streamed<T> of(boolean empty, java.util.function.Consumer<Consumer<? super T>> source) {
        return new Streamed<>() {
            @Override
            public void forEach(Consumer<? super T> sink) {
                source.accept(sink);
            }

            @Override
            public boolean isEmpty() {
                return empty;
            }
        };
    }
}
