package io.incidentbot.incident;

import io.incidentbot.outbox.JobPayload;
import io.incidentbot.outbox.JobPayloads;
import io.incidentbot.reminders.ReminderSchedule;
import io.incidentbot.store.OutboxRepository;
import io.incidentbot.store.Repositories;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The declare use case inside a transaction: validates the title, stores the incident (with the declarer
 * as lead, or with no lead for a declare by the bot), its first timeline entry, and queues channel
 * creation, invite, topic, header, the changes before it and the announcement; schedules its reminders.
 *
 * @param announce     true when an announcement channel is configured
 * @param changeWindow {@code INCIDENT_CHANGE_WINDOW}: changes this long before the declare are posted with it
 * @param reminders    keeps reminder due times in step
 */
record Declarations(boolean announce, Duration changeWindow, ReminderSchedule reminders) {

    /**
     * @param withLead true to make the declarer the lead (and a participant invited to the channel)
     * @param now      the declare time
     * @return the stored incident
     * @throws IncidentException when the title is blank, invisible or too long
     */
    Incident declare(Repositories r, Declaration d, boolean withLead, Instant now) {
        String title = d.title() == null ? "" : d.title().strip();
        if (IncidentWrites.invisible(title)) {
            throw new IncidentException.TitleBlank();
        }
        if (title.length() > Declaration.MAX_TITLE) {
            throw new IncidentException.TitleTooLong(title.length());
        }
        Incident created = r.incidents().create(title, d.severity(), d.privateIncident(), IncidentWrites.blankToNull(d.summary()),
                d.declaredBy(), now);
        long n = created.number();
        if (withLead) {
            r.incidents().setRole(n, Role.LEAD, d.declaredBy(), now);
            r.participants().add(n, d.declaredBy(), now);
        }
        IncidentWrites.entry(r, n, EntryKind.DECLARED, d.declaredBy(),
                "Declared " + d.severity().name() + ": " + TimelineEntry.literal(title) + (d.summary() == null || d.summary().isBlank()
                        ? "" : "\n" + d.summary().strip()), now);
        OutboxRepository out = r.outbox();
        String respond = d.responseUrl();
        JobPayloads.enqueue(out, n, new JobPayload.CreateChannel(respond), now);
        if (withLead) {
            JobPayloads.enqueue(out, n, new JobPayload.Invite(List.of(d.declaredBy()), respond), now);
        }
        JobPayloads.enqueue(out, n, new JobPayload.SyncTopic(), now);
        JobPayloads.enqueue(out, n, new JobPayload.SyncHeader(respond), now);
        DeclaredChanges.onDeclare(r, n, now, changeWindow);
        if (announce) {
            JobPayloads.enqueue(out, n, new JobPayload.Announce(new JobPayload.Declared(n, d.severity(), title,
                    d.declaredBy(), d.privateIncident())), now);
        }
        reminders.declared(r, n, now);
        return r.incidents().find(n).orElseThrow();
    }
}
