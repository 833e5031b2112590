package io.incidentbot.process;

import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.NotAnIncidentChannelException;
import io.incidentbot.incident.Transactions;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The process file's use cases: declaring an incident of a type with its custom fields, and changing a field later.
 * Each runs in one unit of work with the incident's own change.
 */
public final class ProcessService {
    private final Process process;
    private final io.incidentbot.store.Storage storage;
    private final Transactions transactions;
    private final IncidentService incidents;
    private final io.incidentbot.process.checklist.ChecklistService checklists;

    /**
     * @param process      the team's process ({@code INCIDENT_PROCESS_FILE})
     * @param storage      reads the incident's type and fields
     * @param transactions the unit of work
     * @param incidents    the incident use cases (the declare itself)
     */
    public ProcessService(Process process, io.incidentbot.store.Storage storage, Transactions transactions, IncidentService incidents) {
        this.process = process;
        this.storage = storage;
        this.transactions = transactions;
        this.incidents = incidents;
        this.checklists = new io.incidentbot.process.checklist.ChecklistService(storage, transactions);
    }

    /**
     * @return the use cases of {@code settings}' process, or null when no process file is set (the bot then
     *         behaves as without one)
     */
    public static ProcessService of(ProcessSettings settings, io.incidentbot.store.Storage storage, Transactions transactions,
                                    IncidentService incidents) {
        return settings.configured() ? new ProcessService(settings.process(), storage, transactions, incidents) : null;
    }

    /** @return the checklist use cases (ticking, showing again, what a resolve leaves undone) */
    public io.incidentbot.process.checklist.ChecklistService checklists() {
        return checklists;
    }

    /** @return the process */
    public Process process() {
        return process;
    }

    /** @return the incident use cases this service declares through (their reads, e.g. {@code /incident list}) */
    public IncidentService incidents() {
        return incidents;
    }

    /** @return the clock of the unit of work */
    public java.time.Clock clock() {
        return transactions.clock();
    }

    /**
     * Declares an incident of {@code type} and stores its type and field values in the same transaction; the type's
     * users and user groups are invited to the channel ({@link IncidentEvent.Invited}, after the channel is made).
     *
     * @param declaration what to declare
     * @param type        a type of the process
     * @param fields      field name to stored value ({@link FieldValues#normalise}), only fields of the type
     * @return the incident
     * @throws io.incidentbot.incident.IncidentException when the declare is refused
     */
    public Incident declare(Declaration declaration, IncidentType type, Map<String, String> fields) {
        return declare(declaration, type, fields, java.util.List.of(), java.util.List.of());
    }

    /**
     * As {@link #declare(Declaration, IncidentType, Map)}, also inviting the people and the members of the user groups
     * picked in the form's invite fields, with a timeline entry naming them ({@link IncidentService#inviteWithin}).
     *
     * @param invite     Slack user IDs, may be empty
     * @param usergroups Slack user group IDs ({@code S...}), may be empty
     */
    public Incident declare(Declaration declaration, IncidentType type, Map<String, String> fields, java.util.List<String> invite,
                            java.util.List<String> usergroups) {
        return transactions.run(w -> {
            Incident incident = incidents.declareWithin(w, declaration, true);
            w.repositories().process().setType(incident.number(), type.name());
            fields.forEach((name, value) -> {
                if (type.field(name).isPresent()) {
                    w.repositories().process().setField(incident.number(), name, value);
                }
            });
            incidents.reminders().declared(w.repositories(), incident.number(), w.now()); // the type's intervals
            if (!type.inviteUsers().isEmpty() || !type.inviteGroups().isEmpty()) {
                w.record(new IncidentEvent.Invited(incident.number(), declaration.declaredBy(), type.inviteUsers(),
                        type.inviteGroups(), w.now()));
            }
            incidents.inviteWithin(w, incident.number(), invite, usergroups, declaration.declaredBy());
            return incident;
        });
    }

    /**
     * @param incident an incident number
     * @return its type: the stored one, else (declared before the process file, or by an alert) {@code default}
     */
    public IncidentType typeOf(long incident) {
        return storage.read(r -> r.process().type(incident)).flatMap(process::type)
                .orElseGet(process::defaultType);
    }

    /**
     * @param incident an incident number
     * @return its field values by name, as stored
     */
    public Map<String, String> fieldsOf(long incident) {
        return storage.read(r -> r.process().fields(incident));
    }

    /**
     * Sets one custom field of the channel's incident: stores it, adds a timeline entry naming the old and new value
     * and who changed it ({@link EntryKind#FIELD_CHANGE}) and records {@link IncidentEvent.FieldChanged} (echoed in the
     * channel, the header updated).
     *
     * @param channelId the incident channel
     * @param name      the field's name
     * @param raw       the value as typed
     * @param actor     Slack user ID
     * @return the sentence to answer with
     * @throws NotAnIncidentChannelException when the channel has no incident
     * @throws IllegalArgumentException      one sentence when the type has no such field or the value does not fit
     */
    public String setField(String channelId, String name, String raw, String actor) {
        Incident incident = incidents.queries().findByChannel(channelId).orElseThrow(() -> new NotAnIncidentChannelException("field"));
        IncidentType type = typeOf(incident.number());
        CustomField field = FieldValues.field(type, name);
        String value = FieldValues.normalise(field, raw);
        return transactions.run(w -> {
            Optional<String> old = Optional.ofNullable(w.repositories().process().fields(incident.number()).get(field.name()));
            change(w, incident.number(), field, old.orElse(null), value, actor);
            return "Set " + field.label() + ": " + FieldValues.shown(field, value)
                    + old.map(o -> " (was " + FieldValues.shown(field, o) + ")").orElse("") + ".";
        });
    }

    /**
     * Sets, changes or clears custom fields of an incident (the header's <em>Fields</em> modal): each value that
     * differs from the stored one is one {@link IncidentEvent.FieldChanged} with its timeline entry, in one unit of work.
     *
     * @param incident an incident number
     * @param values   field name to stored value ({@link FieldValues#normalise}), null to clear; names that are not
     *                 fields of the incident's type are ignored
     * @param actor    Slack user ID
     * @return how many fields changed
     */
    public int setFields(long incident, Map<String, String> values, String actor) {
        IncidentType type = typeOf(incident);
        return transactions.run(w -> {
            Map<String, String> before = w.repositories().process().fields(incident);
            int changed = 0;
            for (CustomField f : type.fields()) {
                if (values.containsKey(f.name()) && !java.util.Objects.equals(before.get(f.name()), values.get(f.name()))) {
                    change(w, incident, f, before.get(f.name()), values.get(f.name()), actor);
                    changed++;
                }
            }
            return changed;
        });
    }

    /**
     * @param incident an incident number
     * @param user     Slack user ID of who asks
     * @return the incident, when it exists and {@code user} may see it (a private incident only to its participants)
     */
    public Optional<Incident> findVisible(long incident, String user) {
        return incidents.queries().findVisible(incident, user);
    }

    private static void change(io.incidentbot.incident.UnitOfWork w, long incident, CustomField field, String old,
                               String value, String actor) {
        w.repositories().process().setField(incident, field.name(), value);
        IncidentEvent.FieldChanged e = new IncidentEvent.FieldChanged(incident, actor, field.name(), field.label(),
                FieldValues.entry(field, old), FieldValues.entry(field, value), w.now());
        w.repositories().timeline().add(new TimelineEntry(0, incident, EntryKind.FIELD_CHANGE, w.now(), null, null, actor,
                e.entryText(), null, false, false, List.of()));
        w.record(e);
    }
}
