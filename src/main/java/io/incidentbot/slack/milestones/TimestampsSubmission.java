package io.incidentbot.slack.milestones;

import com.slack.api.bolt.App;
import com.slack.api.model.view.ViewState;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.markup.Mentions;
import io.incidentbot.milestones.Milestone;
import io.incidentbot.milestones.MilestoneCorrections;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Timestamps modal's {@code view_submission}: the pickers' times go to {@link MilestoneCorrections#correct};
 * a refusal (order broken, milestone not reached) comes back next to its picker with
 * {@code response_action: errors}, and nothing changes. A cleared picker leaves its milestone as it is.
 */
public final class TimestampsSubmission {
    private TimestampsSubmission() {
    }

    /**
     * Registers the header's <em>Timestamps</em> button ({@code Header.TIMESTAMPS}, opening the modal as
     * {@code /incident timestamps} does) and the submission handler on {@code app}.
     *
     * @param afterAck runs {@code views.open} after the button's ack
     */
    public static void register(App app, IncidentService incidents, MilestoneCorrections corrections,
                                java.util.concurrent.Executor afterAck) {
        new io.incidentbot.slack.interactions.OpenModalButton(io.incidentbot.slack.render.Header.TIMESTAMPS,
                i -> TimestampsModal.view(i, corrections.current(i.number()))).register(app, incidents, afterAck);
        app.viewSubmission(TimestampsModal.CALLBACK_ID, (req, ctx) -> {
            var view = req.getPayload().getView();
            String user = req.getPayload().getUser().getId();
            String first = TimestampsModal.block(Milestone.IMPACT_STARTED);
            Long number = parse(view.getPrivateMetadata());
            if (!Mentions.isUserId(user) || number == null || incidents.queries().findVisible(number, user).isEmpty()) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(first,
                        "This incident does not exist or you cannot see it; nothing was changed.")));
            }
            try {
                corrections.correct(number, times(view.getState()), user);
            } catch (MilestoneCorrections.Refused e) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(TimestampsModal.block(e.milestone()),
                        e.getMessage() + " Nothing was changed.")));
            }
            return ctx.ack();
        });
    }

    private static Map<Milestone, Instant> times(ViewState state) {
        Map<Milestone, Instant> times = new EnumMap<>(Milestone.class);
        if (state == null || state.getValues() == null) {
            return times;
        }
        for (Milestone m : Milestone.values()) {
            ViewState.Value v = state.getValues().getOrDefault(TimestampsModal.block(m), Map.of())
                    .get(TimestampsModal.block(m));
            if (v != null && v.getSelectedDateTime() != null) {
                times.put(m, Instant.ofEpochSecond(v.getSelectedDateTime()));
            }
        }
        return times;
    }

    private static Long parse(String metadata) {
        try {
            return metadata == null ? null : Long.parseLong(metadata.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
