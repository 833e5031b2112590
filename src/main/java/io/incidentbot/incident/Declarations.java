package io.incidentbot.incident;

import io.incidentbot.reminders.ReminderSchedule;
import io.incidentbot.store.Repositories;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Duration;
import java.time.Instant;

/**
 * The declare use case inside a unit of work: validates the title, stores the incident (with the declarer
 * as lead, or with no lead for a declare by the bot), its first timeline entry and the changes before it
 * ({@link DeclaredChanges}), records {@link IncidentEvent.Declared}, schedules its reminders, and audits the
 * declare once committed.
 *
 * @param changeWindow {@code INCIDENT_CHANGE_WINDOW}: changes this long before the declare become timeline entries
 * @param reminders    keeps reminder due times in step
 * @param audit        told the declare after the commit
 */
record Declarations(Duration changeWindow, ReminderSchedule reminders, IncidentAudit audit) {

    /**
     * @param withLead true to make the declarer the lead (and a participant); false for a declare by the bot
     * @return the stored incident
     * @throws IncidentException when the title is blank, invisible or too long
     */
    Incident declare(UnitOfWork w, Declaration d, boolean withLead) {
        Repositories r = w.repositories();
        Instant now = w.now();
        String title = d.title() == null ? "" : d.title().strip();
        if (IncidentWrites.invisible(title)) {
            throw new IncidentException.TitleBlank();
        }
        if (title.length() > Declaration.MAX_TITLE) {
            throw new IncidentException.TitleTooLong(title.length());
        }
        w.numberIncident();
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
        w.record(new IncidentEvent.Declared(n, d.declaredBy(), d.severity(), title, d.privateIncident(), !withLead, now,
                d.responseUrl()));
        DeclaredChanges.onDeclare(r, n, now, changeWindow);
        reminders.declared(r, n, now);
        Incident declared = r.incidents().find(n).orElseThrow();
        w.afterCommit(() -> audit.declared(declared, now));
        return declared;
    }
}
