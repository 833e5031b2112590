package io.incidentbot.postmortem;

import io.incidentbot.timeline.TimelineEntry;

import java.util.function.Consumer;

/**
 * An incident's timeline entries, read as a stream: the draft reads them a few times (two passes and the key events)
 * and never keeps a copy of the whole timeline.
 *
 * <p>Any {@code Iterable<TimelineEntry>} is one: {@code TimelineSource source = list::forEach;}.
 */
@FunctionalInterface
public interface TimelineSource {
    /**
     * Gives every entry of the incident, deleted ones included, in timeline order: by {@code at}, then
     * by ID. May be called several times; each call gives the same entries.
     *
     * @param sink receives each entry
     */
    void forEach(Consumer<? super TimelineEntry> sink);

    /**
     * Gives the entries of the timeline of key events ({@link KeyEvents#isKeyEvent}), in timeline order.
     * The default filters {@link #forEach}; a source backed by a database selects them there, so the
     * draft of a long incident reads its few key events instead of its whole timeline once more.
     *
     * @param sink receives each key event
     */
    default void forEachKeyEvent(Consumer<? super TimelineEntry> sink) {
        forEach(e -> {
            if (KeyEvents.isKeyEvent(e)) {
                sink.accept(e);
            }
        });
    }
}
