package io.incidentbot.timeline;

import io.incidentbot.store.TimelineRepository;

import io.incidentbot.timeline.ChannelEvent.MessageDeleted;
import io.incidentbot.timeline.ChannelEvent.MessageEdited;
import io.incidentbot.timeline.ChannelEvent.PinChanged;
import io.incidentbot.timeline.ChannelEvent.ReactionChanged;
import io.incidentbot.store.EventLog.PendingChange;

/**
 * Changes to a stored message, in the one form used both for changes applied at once and for
 * changes that waited for their message. Applying them in any order gives the same result.
 */
final class MessageChanges {
    private MessageChanges() {
    }

    /**
     * @param event an edit, deletion, pin or reaction
     * @return the change it makes
     * @throws IllegalArgumentException for a message post or a join, which change no message
     */
    static PendingChange of(ChannelEvent event) {
        if (event instanceof MessageEdited e) {
            return new PendingChange(e.channelId(), e.ts(), PendingChange.EDIT, e.text(), e.editedAt());
        }
        if (event instanceof MessageDeleted d) {
            return new PendingChange(d.channelId(), d.ts(), PendingChange.DELETE, null, d.deletedAt());
        }
        if (event instanceof PinChanged p) {
            return new PendingChange(p.channelId(), p.ts(), p.pinned() ? PendingChange.PIN_ON : PendingChange.PIN_OFF,
                    null, p.at());
        }
        if (event instanceof ReactionChanged r) {
            return new PendingChange(r.channelId(), r.ts(),
                    r.added() ? PendingChange.REACTION_ADD : PendingChange.REACTION_REMOVE, r.userId(), r.at());
        }
        throw new IllegalArgumentException("not a change to a message: " + event);
    }

    /**
     * Applies a change to the incident's message with the change's {@code ts}, if it is stored.
     * An edit replaces the text only when it is newer than the last edit applied.
     */
    static void apply(TimelineRepository timeline, long incident, PendingChange c) {
        timeline.findMessage(incident, c.ts()).ifPresent(entry -> {
            switch (c.type()) {
                case PendingChange.EDIT -> {
                    if (entry.editedAt() == null || c.at().isAfter(entry.editedAt())) {
                        timeline.editMessage(entry.id(), c.text(), c.at());
                    }
                }
                case PendingChange.DELETE -> timeline.markDeleted(entry.id());
                case PendingChange.PIN_ON, PendingChange.PIN_OFF ->
                        timeline.setKeyMark(entry.id(), TimelineRepository.PIN, PendingChange.PIN_ON.equals(c.type()), c.at());
                case PendingChange.REACTION_ADD, PendingChange.REACTION_REMOVE ->
                        timeline.setKeyMark(entry.id(), TimelineRepository.reaction(c.text()),
                                PendingChange.REACTION_ADD.equals(c.type()), c.at());
                default -> throw new IllegalStateException("unknown pending change type " + c.type());
            }
        });
    }
}
