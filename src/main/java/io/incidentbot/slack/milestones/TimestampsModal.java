package io.incidentbot.slack.milestones;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.DatetimePickerElement;
import com.slack.api.model.view.View;
import io.incidentbot.incident.Incident;
import io.incidentbot.milestones.Milestone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The Timestamps modal (issue 25): one optional Block Kit {@code datetimepicker} per milestone (impact started,
 * identified, mitigated, resolved), pre-set to the stored time. Slack shows each picker in the viewer's own time
 * zone and sends back epoch seconds ({@code selected_date_time}), so no zone is converted here.
 */
public final class TimestampsModal {
    /** The view's {@code callback_id}. */
    public static final String CALLBACK_ID = "incident_timestamps";

    private TimestampsModal() {
    }

    /** @return the block ID (and action ID) of {@code m}'s picker, e.g. {@code ts_impact_started} */
    public static String block(Milestone m) {
        return "ts_" + m.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param incident the incident (its number goes in {@code private_metadata})
     * @param current  the stored milestones; an unset one has an empty picker
     * @return the modal
     */
    public static View view(Incident incident, Map<Milestone, Instant> current) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(c -> c.elements(List.of(markdownText("*Incident " + incident.number() + "*: set or correct "
                + "when each milestone happened, in your time zone. Each change is written to the timeline.")))));
        for (Milestone m : Milestone.values()) {
            Instant at = current.get(m);
            DatetimePickerElement picker = DatetimePickerElement.builder().actionId(block(m))
                    .initialDateTime(at == null ? null : (int) at.getEpochSecond()).build();
            blocks.add(input(b -> b.blockId(block(m)).optional(true)
                    .label(plainText(Character.toUpperCase(m.label().charAt(0)) + m.label().substring(1)))
                    .element(picker)));
        }
        return com.slack.api.model.view.Views.view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(String.valueOf(incident.number()))
                .title(viewTitle(t -> t.type("plain_text").text("Timestamps")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel"))).blocks(blocks));
    }
}
