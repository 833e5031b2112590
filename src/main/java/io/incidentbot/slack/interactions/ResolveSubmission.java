package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.slack.render.Modals;

import java.util.Map;

/**
 * The Resolve modal: each follow-up line as {@code /incident action <line>}, then what
 * {@code /incident resolve <summary>} does (so the unowned ones are listed at the resolution). For an incident open
 * on the status page its Public resolution message is kept first, for the resolve to close it there. Follow-ups and
 * resolve run in one use case: all or nothing, and one channel message.
 */
final class ResolveSubmission extends IncidentSubmission {
    private final io.incidentbot.statuspage.StatusPageService statusPage;
    private final ResolveConfirmation confirmation;

    /**
     * @param statusPage   the status page's use cases when publishing is on (the public resolution message), else null
     * @param confirmation what must be confirmed first (required checklist items not done)
     */
    ResolveSubmission(IncidentService incidents, io.incidentbot.statuspage.StatusPageService statusPage,
                      ResolveConfirmation confirmation) {
        super(incidents);
        this.statusPage = statusPage;
        this.confirmation = confirmation;
    }

    @Override
    String callbackId() {
        return Modals.RESOLVE;
    }

    @Override
    String errorBlock() {
        return Modals.SUMMARY;
    }

    @Override
    Map<String, String> apply(Incident incident, Values values, String userId) {
        String summary = values.text(Modals.SUMMARY);
        if (summary == null) {
            return Map.of(Modals.SUMMARY, "Summarise what happened and how it was fixed.");
        }
        if (!incident.isOpen()) {
            return Map.of(Modals.SUMMARY, alreadyResolved(incident));
        }
        Map<String, String> unconfirmed = confirmation.refused(incident, values::ticked);
        if (!unconfirmed.isEmpty()) {
            return unconfirmed;
        }
        Map<String, String> refused = io.incidentbot.statuspage.slack.PublicUpdateField.keepResolution(incident,
                values.text(io.incidentbot.statuspage.slack.PublicUpdateField.RESOLUTION), statusPage);
        if (!refused.isEmpty()) {
            return refused;
        }
        String followUps = values.text(Modals.FOLLOW_UPS);
        java.util.List<String> lines = followUps == null ? java.util.List.of()
                : followUps.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        try {
            incidents.resolveOpen(incident.channelId(), summary, lines, userId);
        } catch (io.incidentbot.incident.IncidentException.AlreadyInStatus e) {
            return Map.of(Modals.SUMMARY, alreadyResolved(incident));
        }
        return Map.of();
    }

    /** @return why a Resolve form submitted after the incident was resolved changes nothing */
    static String alreadyResolved(Incident incident) {
        return "Incident " + incident.number() + " was resolved already, so this form changed nothing. "
                + "To change its resolution summary, use /incident resolve <summary> in its channel.";
    }
}
