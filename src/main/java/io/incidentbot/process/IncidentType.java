package io.incidentbot.process;

import io.incidentbot.incident.Severity;

import java.util.List;
import java.util.Optional;

/**
 * An incident type of the process file.
 *
 * @param name            its key, {@code [a-z0-9][a-z0-9_-]*}; {@code default} applies when none is picked
 * @param description     one line shown in the declare modal, or null
 * @param severity        the severity the declare modal starts with, or null for the bot's default (SEV3)
 * @param inviteUsers     Slack user IDs invited to the incident channel on declare
 * @param inviteGroups    Slack user group IDs ({@code S...}) whose members are invited on declare
 *                        ({@code usergroups.users.list})
 * @param announceChannel the channel ID announcements of this type go to instead of
 *                        {@code INCIDENT_ANNOUNCE_CHANNEL}, or null
 * @param reminders       reminder intervals overriding {@code INCIDENT_REMIND_*} (a key left unset keeps the
 *                        configured one), or null to keep them all
 * @param fields          custom fields, in the order the modal shows them
 * @param checklist       checklist items, in the order the checklist message shows them
 * @param postmortemTemplate the type's own postmortem template (a Mustache file, relative to the process file's
 *                        folder unless absolute), or null for the bot's template
 */
public record IncidentType(String name, String description, Severity severity, List<String> inviteUsers,
                           List<String> inviteGroups, String announceChannel, TypeReminders.Intervals reminders,
                           List<CustomField> fields, List<ChecklistItem> checklist, String postmortemTemplate) {
    /** The name of the type used when none is picked. */
    public static final String DEFAULT = "default";

    /** Copies the lists. */
    public IncidentType {
        inviteUsers = List.copyOf(inviteUsers);
        inviteGroups = List.copyOf(inviteGroups);
        fields = List.copyOf(fields);
        checklist = List.copyOf(checklist);
    }

    /**
     * @param fieldName a field's key
     * @return that field of this type
     */
    public Optional<CustomField> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }
}
