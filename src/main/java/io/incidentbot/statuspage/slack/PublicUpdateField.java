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
 * The header modals' fields for customers, shown while the incident is open on the status page: the Post update
 * modal's optional <em>Public update</em> (a submission with it posts a public update too, the public status kept),
 * and the Resolve modal's required <em>Public resolution message</em> (what the page says when the resolve closes
 * the incident there; the internal summary is never shown).
 */
public final class PublicUpdateField {
    /** The field's {@code block_id} and {@code action_id}. */
    public static final String BLOCK = "public_update";
    /** The Resolve modal's field's {@code block_id} and {@code action_id}. */
    public static final String RESOLUTION = "public_resolution";

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

    /**
     * @param resolve    the Resolve modal as built for {@code incident}
     * @param statusPage the status page's use cases, or null when publishing is off
     * @return {@code resolve} with the required Public resolution message field when the incident is open on the page
     */
    public static View addResolution(View resolve, Incident incident, StatusPageService statusPage) {
        if (statusPage == null || !statusPage.openOnPage(incident.number())) {
            return resolve;
        }
        List<LayoutBlock> blocks = new ArrayList<>(resolve.getBlocks());
        blocks.add(input(i -> i.blockId(RESOLUTION).label(plainText("Public resolution message"))
                .hint(plainText("This incident is on the status page: customers read this when it is resolved there. "
                        + "The summary above stays internal."))
                .element(plainTextInput(p -> p.actionId(RESOLUTION).multiline(true).maxLength(StatusPageService.MAX_MESSAGE)
                        .placeholder(plainText("This incident has been resolved: sign-in works again for everyone."))))));
        resolve.setBlocks(blocks);
        return resolve;
    }

    /**
     * Keeps the Public resolution message for the resolve that follows. A form without the field (opened before the
     * incident was published) keeps nothing: the page then says {@link StatusPageService#RESOLVED_MESSAGE}.
     *
     * @param text the field's text as submitted, null when the form had no such field
     * @return block ID to error (the field's) when refused; empty when kept or nothing to keep
     */
    public static Map<String, String> keepResolution(Incident incident, String text, StatusPageService statusPage) {
        if (statusPage == null || text == null) {
            return Map.of();
        }
        try {
            statusPage.keepResolutionMessage(incident.number(), text);
            return Map.of();
        } catch (StatusPageException e) {
            return Map.of(RESOLUTION, e.getMessage());
        }
    }
}
