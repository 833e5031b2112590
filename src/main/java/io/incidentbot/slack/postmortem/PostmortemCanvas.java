package io.incidentbot.slack.postmortem;

import io.incidentbot.slack.web.SlackCalls;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.canvases.CanvasesEditResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.canvases.ConversationsCanvasesCreateResponse;
import com.slack.api.model.canvas.CanvasDocumentChange;
import com.slack.api.model.canvas.CanvasDocumentContent;
import com.slack.api.model.canvas.CanvasEditOperation;
import io.incidentbot.incident.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps an incident channel's canvas holding the newest postmortem draft: the first draft creates the
 * channel canvas ({@code conversations.canvases.create}) and its ID is remembered; every later draft
 * replaces the canvas's whole content in place ({@code canvases.edit} with one {@code replace} change
 * and no section, scope {@code canvases:write}). A channel has one channel canvas, so a second create
 * is refused ({@code channel_canvas_already_exists}): then the existing canvas is looked up with
 * {@code conversations.info} ({@code properties.canvas.file_id}) and edited. A remembered canvas
 * someone deleted ({@code canvas_not_found}) is created anew.
 *
 * <p>A canvas is a convenience: a workspace without canvases (free plans: {@code not_allowed}...) or
 * any other refusal is logged and never fails the delivery; the uploaded file is the draft.
 */
final class PostmortemCanvas {
    private static final Logger log = LoggerFactory.getLogger(PostmortemCanvas.class);
    private static final Set<String> GONE = Set.of("canvas_not_found", "canvas_deleted", "file_not_found", "file_deleted");

    private final MethodsClient client;
    private final DraftDeliveries records;

    PostmortemCanvas(MethodsClient client, DraftDeliveries records) {
        this.client = client;
        this.records = records;
    }

    /**
     * Puts {@code markdown} in the incident channel's canvas.
     *
     * @param incident  the incident, with its channel
     * @param markdown  the draft, as the canvas should show it (1 MiB at most per Slack's limit)
     * @param remembered the canvas ID remembered from an earlier draft, or null
     */
    void show(Incident incident, String markdown, String remembered) {
        if (remembered != null && edit(incident, remembered, markdown)) {
            return;
        }
        SlackCalls.Result<ConversationsCanvasesCreateResponse> created = SlackCalls.run("conversations.canvases.create",
                () -> client.conversationsCanvasesCreate(req -> req.channelId(incident.channelId())
                        .documentContent(content(markdown))));
        if (created.ok() && created.response().getCanvasId() != null) {
            records.rememberCanvas(incident.number(), created.response().getCanvasId());
            return;
        }
        if ("channel_canvas_already_exists".equals(created.error())) {
            Optional<String> existing = channelCanvas(incident);
            if (existing.isPresent() && edit(incident, existing.get(), markdown)) {
                return;
            }
        }
        log.info("incident {}: no channel canvas ({}); the draft file is in the channel", incident.number(),
                Objects.requireNonNullElse(created.error(), created.failure() == null ? "?" : created.failure().error()));
    }

    /** @return true when the canvas now holds the draft (and its ID is remembered) */
    private boolean edit(Incident incident, String canvasId, String markdown) {
        CanvasDocumentChange replace = CanvasDocumentChange.builder().operation(CanvasEditOperation.REPLACE)
                .documentContent(content(markdown)).build();
        SlackCalls.Result<CanvasesEditResponse> r = SlackCalls.run("canvases.edit",
                () -> client.canvasesEdit(req -> req.canvasId(canvasId).changes(List.of(replace))));
        if (r.ok()) {
            records.rememberCanvas(incident.number(), canvasId);
            return true;
        }
        if (!GONE.contains(r.error())) {
            log.info("incident {}: canvas {} not updated ({})", incident.number(), canvasId,
                    Objects.requireNonNullElse(r.error(), r.failure() == null ? "?" : r.failure().error()));
        }
        return false;
    }

    /** @return the ID of the channel's canvas, from {@code conversations.info} */
    private Optional<String> channelCanvas(Incident incident) {
        SlackCalls.Result<ConversationsInfoResponse> info = SlackCalls.run("conversations.info",
                () -> client.conversationsInfo(req -> req.channel(incident.channelId())));
        if (!info.ok() || info.response().getChannel() == null || info.response().getChannel().getProperties() == null
                || info.response().getChannel().getProperties().getCanvas() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(info.response().getChannel().getProperties().getCanvas().getFileId());
    }

    private static CanvasDocumentContent content(String markdown) {
        return CanvasDocumentContent.builder().type("markdown").markdown(markdown).build();
    }
}
