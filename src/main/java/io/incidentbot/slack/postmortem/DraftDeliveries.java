package io.incidentbot.slack.postmortem;

import io.incidentbot.store.PostmortemDeliveryRepository.Delivery;
import io.incidentbot.store.Storage;

import java.time.Clock;
import java.util.Optional;

/**
 * Where the Slack adapter delivered each incident's postmortem draft: the Slack file IDs of the newest draft
 * and picture (deleted when a newer draft replaces them) and the channel canvas ID. Slack's records, kept by
 * the Slack adapter (the domain's {@code PostmortemService} only drafts). Each call is one transaction.
 */
public final class DraftDeliveries {
    private final Storage storage;
    private final Clock clock;

    /** @param storage the database; @param clock the time each record is saved at */
    public DraftDeliveries(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** @return where incident {@code number}'s draft was delivered in Slack, if it was */
    public Optional<Delivery> delivery(long number) {
        return storage.read(r -> r.postmortems().find(number));
    }

    /** Remembers the Slack file IDs ({@code F...}) of the newest draft and picture uploaded for incident {@code number}. */
    public void rememberFiles(long number, String draftFileId, String chartFileId) {
        storage.run(r -> r.postmortems().saveFiles(number, draftFileId, chartFileId, clock.instant()));
    }

    /** Remembers the ID of incident {@code number}'s channel canvas. */
    public void rememberCanvas(long number, String canvasId) {
        storage.run(r -> r.postmortems().saveCanvas(number, canvasId, clock.instant()));
    }
}
