package io.incidentbot.postmortem;

import io.incidentbot.timeline.TimelineEntry;

import java.util.function.Consumer;

/**
 * An incident's timeline entries, read as a stream: the draft reads them a few times (three passes)
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
}
