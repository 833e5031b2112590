package io.incidentbot.process.checklist;

import io.incidentbot.incident.Role;
import io.incidentbot.process.ChecklistItem;

import java.time.Instant;

/**
 * One checklist item of an incident that has become due, as stored: a snapshot of the process file's
 * {@link ChecklistItem} taken when it became due, and whether it is ticked.
 *
 * @param incident    the incident number
 * @param item        the item's position in its type's checklist (0-based); the checkbox's value
 * @param checklist   the name of the checklist it belongs to
 * @param title       what to do (at most 75 characters)
 * @param description more detail, or null
 * @param runbook     an http(s) link, or null
 * @param role        the role responsible, or null
 * @param required    whether resolving with it not done asks for confirmation
 * @param dueAt       when it became due
 * @param doneBy      Slack user ID of who ticked it, null while it is not ticked
 * @param doneAt      when it was ticked, null while it is not
 */
public record ChecklistEntry(long incident, int item, String checklist, String title, String description, String runbook,
                             Role role, boolean required, Instant dueAt, String doneBy, Instant doneAt) {
    /**
     * @param incident the incident number
     * @param item     the position of {@code source} in the type's checklist
     * @param source   the process file's item
     * @param dueAt    now
     * @return a new, unticked entry
     */
    public static ChecklistEntry due(long incident, int item, ChecklistItem source, Instant dueAt) {
        return new ChecklistEntry(incident, item, source.checklist(), source.title(), source.description(), source.runbook(),
                source.role(), source.required(), dueAt, null, null);
    }

    /** @return true while it is ticked */
    public boolean done() {
        return doneBy != null;
    }
}
