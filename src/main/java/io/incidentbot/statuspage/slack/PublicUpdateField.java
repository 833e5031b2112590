package io.incidentbot.statuspage.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.incidentbot.incident.Incident;
import io.incidentbot.statuspage.PublicStatus;
import io.incidentbot.statuspage.StatusPageException;
import io.incidentbot.statuspage.StatusPageService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

/**
 * The Post update modal's optional <em>Public update</em> field, shown while the incident is open on the status page;
 * a submission with it posts a public update too (the public status kept).
 */
public final class PublicUpdateField {
    /** The field's {@code block_id} and {@code action_id}. */
    public static final String BLOCK = "public_update";

    private PublicUpdateField() {
    }

    /**
     * @param update     the Post update modal as built for {@code incident}
     * @param statusPage the status page's use cases, or null when publishing is off
     * @return {@code update} with the field appended when the incident is published and not resolved on the page
     */
    public static View add(View update, Incident incident, StatusPageService statusPage) {
        if (statusPage == null || statusPage.publishedOf(incident.number()).filter(p -> p.status() != PublicStatus.RESOLVED).isEmpty()) {
            return update;
        }
        List<LayoutBlock> blocks = new ArrayList<>(update.getBlocks());
        blocks.add(input(i -> i.blockId(BLOCK).optional(true).label(plainText("Public update"))
                .hint(plainText("Also posted on the status page as written, for customers. Leave empty to keep it internal."))
                .element(plainTextInput(p -> p.actionId(BLOCK).multiline(true).maxLength(StatusPageService.MAX_MESSAGE)))));
        update.setBlocks(blocks);
        return update;
    }

    /**
     * Posts the field's text as a public update when it is filled in.
     *
     * @param text the field's text as submitted, null or blank when empty
     * @return block ID to error (the field's) when the status page refuses; empty when posted or nothing to post
     */
    public static Map<String, String> post(Incident incident, String text, StatusPageService statusPage, String user) {
        if (statusPage == null || text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            statusPage.update(incident.number(), null, text, Map.of(), user);
            return Map.of();
        } catch (StatusPageException e) {
            return Map.of(BLOCK, e.getMessage());
        }
    }
}
