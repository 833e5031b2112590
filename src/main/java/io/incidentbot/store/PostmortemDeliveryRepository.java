package io.incidentbot.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Where each incident's postmortem draft was delivered in Slack: the uploaded draft and picture files
 * and the channel canvas, remembered so a new draft replaces them rather than adding to them.
 */
public interface PostmortemDeliveryRepository {
    /**
     * What was delivered for one incident.
     *
     * @param incident    incident number
     * @param draftFileId Slack file ID ({@code F...}) of the uploaded {@code incident-<n>-postmortem.md}, may be null
     * @param chartFileId Slack file ID of the uploaded {@code incident-<n>-timeline.png}, may be null
     * @param canvasId    ID of the channel canvas holding the draft, null when none was made
     */
    record Delivery(long incident, String draftFileId, String chartFileId, String canvasId) {
    }

    /** @return what was delivered for the incident, if anything */
    Optional<Delivery> find(long incident);

    /** Records the files of the newest upload, replacing the ones recorded before. */
    void saveFiles(long incident, String draftFileId, String chartFileId, Instant at);

    /** Records the incident's channel canvas. */
    void saveCanvas(long incident, String canvasId, Instant at);
}
