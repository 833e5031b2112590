package io.incidentbot.process.checklist;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.NotAnIncidentChannelException;
import io.incidentbot.incident.Transactions;
import io.incidentbot.store.Storage;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checklist's use cases: ticking and unticking items (stored with who and when, a timeline entry each, and the
 * checklist message updated for everyone through a {@value ChecklistSubscriber#SHOW} job in the same transaction),
 * and reading an incident's items.
 */
public final class ChecklistService {
    private final Storage storage;
    private final Transactions transactions;

    /**
     * @param storage      reads the items
     * @param transactions the unit of work
     */
    public ChecklistService(Storage storage, Transactions transactions) {
        this.storage = storage;
        this.transactions = transactions;
    }

    /**
     * @param incident an incident number
     * @return its due items in checklist order (empty when none is due, or without a checklist)
     */
    public List<ChecklistEntry> entries(long incident) {
        return storage.read(r -> r.checklists().list(incident));
    }

    /**
     * @param incident an incident number
     * @return the incident
     */
    public Optional<Incident> incident(long incident) {
        return storage.read(r -> r.incidents().find(incident));
    }

    /**
     * @param channelId a channel
     * @return the incident of that channel
     */
    public Optional<Incident> incidentIn(String channelId) {
        return storage.read(r -> r.incidents().findByChannel(channelId));
    }

    /**
     * Posts the checklist of the channel's incident again, as a fresh message at the bottom of the channel that is
     * from then on the one kept up to date (the earlier one is changed to say so).
     *
     * @param channelId the incident channel
     * @return the incident and its due items (empty: nothing is posted)
     * @throws NotAnIncidentChannelException when the channel has no incident
     */
    public List<ChecklistEntry> showAgain(String channelId) {
        return transactions.run(w -> {
            Incident incident = w.repositories().incidents().findByChannel(channelId)
                    .orElseThrow(() -> new NotAnIncidentChannelException("checklist"));
            List<ChecklistEntry> entries = w.repositories().checklists().list(incident.number());
            if (!entries.isEmpty()) {
                ChecklistSubscriber.show(w, incident.number(), true);
            }
            return entries;
        });
    }

    /**
     * @param incident an incident number
     * @return its due items that are required and not ticked, in checklist order
     */
    public List<ChecklistEntry> undoneRequired(long incident) {
        return entries(incident).stream().filter(e -> e.required() && !e.done()).toList();
    }

    /**
     * Ticks and unticks items of an incident in one transaction. An item already in the asked state, or not due, is
     * left alone; each change adds the timeline entry {@code Checklist: <title> done by <@user>} or
     * {@code Checklist: <title> unticked by <@user>}. The checklist message is updated in any case (it then shows
     * the stored state to everyone, also to a client that showed an older one).
     *
     * @param incident the incident number
     * @param ticked   positions of the items to tick
     * @param unticked positions of the items to untick
     * @param user     Slack user ID of who clicked
     * @return the timeline texts of the changes made, in order (empty when nothing changed)
     */
    public List<String> mark(long incident, Set<Integer> ticked, Set<Integer> unticked, String user) {
        return transactions.run(w -> {
            List<String> changes = new ArrayList<>();
            for (ChecklistEntry e : w.repositories().checklists().list(incident)) {
                boolean tick = ticked.contains(e.item());
                if ((tick || unticked.contains(e.item()))
                        && w.repositories().checklists().mark(incident, e.item(), tick ? user : null, w.now())) {
                    String text = "Checklist: " + TimelineEntry.literal(e.title()) + (tick ? " done by " : " unticked by ")
                            + TimelineEntry.userToken(user);
                    w.repositories().timeline().add(new TimelineEntry(0, incident, EntryKind.NOTE, w.now(), null, null, user,
                            text, null, false, false, List.of()));
                    changes.add(text);
                }
            }
            ChecklistSubscriber.show(w, incident, false);
            return changes;
        });
    }
}
