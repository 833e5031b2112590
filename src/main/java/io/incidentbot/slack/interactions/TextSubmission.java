package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.slack.render.Modals;

import java.util.Map;

/**
 * A header modal whose one required field is a text ({@link Modals#TEXT}): Post update (what
 * {@code /incident update <text>} does) and Add follow-up (what {@code /incident action <text> [@owner]} does).
 */
final class TextSubmission extends IncidentSubmission {
    /** The use case a submitted text runs. */
    @FunctionalInterface
    private interface UseCase {
        Map<String, String> apply(IncidentService incidents, Incident incident, String text, Values values, String userId);
    }

    private final String callbackId;
    private final String missing;
    private final UseCase useCase;

    private TextSubmission(IncidentService incidents, String callbackId, String missing, UseCase useCase) {
        super(incidents);
        this.callbackId = callbackId;
        this.missing = missing;
        this.useCase = useCase;
    }

    /**
     * @param statusPage when not null, a filled-in Public update field is posted to the status page first
     * @return the Post update modal's submission
     */
    static TextSubmission update(IncidentService incidents, io.incidentbot.statuspage.StatusPageService statusPage) {
        return new TextSubmission(incidents, Modals.UPDATE, "Write the update.", (svc, inc, text, values, user) -> {
            Map<String, String> refused = io.incidentbot.statuspage.slack.PublicUpdateField.post(inc,
                    values.text(io.incidentbot.statuspage.slack.PublicUpdateField.BLOCK), statusPage, user);
            if (refused.isEmpty()) {
                svc.statusUpdate(inc.channelId(), text, user);
            }
            return refused;
        });
    }

    /**
     * @param today the calendar day now in {@code INCIDENT_TIMEZONE}: an earlier due date is refused, as
     *              {@code /incident action ... due <date>} refuses it
     * @return the Add follow-up modal's submission (its owner, due date and priority fields are optional)
     */
    static TextSubmission followUp(IncidentService incidents, java.util.function.Supplier<java.time.LocalDate> today) {
        return new TextSubmission(incidents, Modals.FOLLOW_UP, "Describe the follow-up.",
                (svc, inc, text, values, user) -> {
                    java.time.LocalDate due = values.date(Modals.DUE);
                    java.time.LocalDate now = today.get();
                    if (due != null && due.isBefore(now)) {
                        return Map.of(Modals.DUE, "The due date " + due + " is in the past: pick today (" + now
                                + ") or a later day, or leave it empty.");
                    }
                    String priority = values.selected(Modals.PRIORITY);
                    svc.followUp(inc.channelId(), text, values.user(Modals.OWNER), due,
                            priority != null && priority.matches("[123]") ? Integer.valueOf(priority) : null, user);
                    return Map.of();
                });
    }

    @Override
    String callbackId() {
        return callbackId;
    }

    @Override
    String errorBlock() {
        return Modals.TEXT;
    }

    @Override
    Map<String, String> apply(Incident incident, Values values, String userId) {
        String text = values.text(Modals.TEXT);
        if (text == null) {
            return Map.of(Modals.TEXT, missing);
        }
        return useCase.apply(incidents, incident, text, values, userId);
    }
}
