package io.incidentbot.slack.interactions;

import com.slack.api.model.view.View;
import io.incidentbot.incident.Incident;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the Resolve modal must show and have confirmed before it resolves (the process file's required checklist items
 * not done, {@code process/slack/ChecklistResolve}). The modal carries the confirmation itself (a checkbox), so a
 * submission refused with {@code response_action: errors} changes nothing.
 */
public interface ResolveConfirmation {
    /** Nothing to confirm. */
    ResolveConfirmation NONE = new ResolveConfirmation() {
        @Override
        public View add(View resolve, Incident incident) {
            return resolve;
        }

        @Override
        public Map<String, String> refused(Incident incident, Function<String, Set<String>> ticked) {
            return Map.of();
        }
    };

    /**
     * @param resolve  the Resolve modal as built for {@code incident}
     * @param incident the incident
     * @return the modal with what must be confirmed added (or {@code resolve} as it is)
     */
    View add(View resolve, Incident incident);

    /**
     * @param incident the incident about to be resolved
     * @param ticked   a block ID to the values of the checkboxes ticked in it, null when the modal has no such block
     * @return block ID to the error shown there, empty when the resolve may go ahead
     */
    Map<String, String> refused(Incident incident, Function<String, Set<String>> ticked);
}
