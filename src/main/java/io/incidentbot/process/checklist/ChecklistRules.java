package io.incidentbot.process.checklist;

import io.incidentbot.incident.Incident;
import io.incidentbot.process.ChecklistItem;
import io.incidentbot.process.IncidentType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * When a checklist item is due (the process file's {@code when}, docs/process.md "Reference"): every part given must
 * hold: the severity is one of {@code severity}; the incident has reached {@code status} (that status or a later one
 * in {@code investigating, identified, monitoring, resolved}); each {@code field} holds its value (a
 * {@code multi_select}: among its values; case does not matter). An item without {@code when} is due on declare. An
 * item once due stays due (it is stored), even if the severity is lowered again.
 */
public final class ChecklistRules {
    private ChecklistRules() {
    }

    /**
     * @param type     the incident's type
     * @param incident the incident as it stands
     * @param fields   its custom field values by name, as stored ({@code multi_select} values joined by newlines)
     * @return the positions (0-based, in the type's checklist) of the items due now, in order
     */
    public static List<Integer> due(IncidentType type, Incident incident, Map<String, String> fields) {
        List<Integer> due = new ArrayList<>();
        for (int i = 0; i < type.checklist().size(); i++) {
            if (holds(type.checklist().get(i).when(), incident, fields)) {
                due.add(i);
            }
        }
        return due;
    }

    /** @return true when every part of {@code when} holds for the incident */
    public static boolean holds(ChecklistItem.Condition when, Incident incident, Map<String, String> fields) {
        if (!when.severities().isEmpty() && !when.severities().contains(incident.severity())) {
            return false;
        }
        if (when.status() != null && incident.status().ordinal() < when.status().ordinal()) {
            return false;
        }
        return when.field().entrySet().stream().allMatch(f -> {
            String stored = fields.get(f.getKey());
            return stored != null && Arrays.stream(stored.split("\n")).anyMatch(v -> v.equalsIgnoreCase(f.getValue()));
        });
    }
}
