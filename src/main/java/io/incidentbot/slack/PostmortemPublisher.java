package io.incidentbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.canvases.ConversationsCanvasesCreateResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.model.canvas.CanvasDocumentContent;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.postmortem.PostmortemService;
import io.incidentbot.store.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * Delivers a postmortem draft to the incident channel: the Markdown file
 * {@code incident-<number>-postmortem.md} through {@code filesUploadV2} ({@code files.getUploadURLExternal},
 * the upload, {@code files.completeUploadExternal}) with a short message, then, where the workspace
 * allows canvases, a channel canvas ({@code conversations.canvases.create}). A canvas that cannot be
 * made (free workspace: {@code not_allowed}, or one exists already) is not an error: the file is enough.
 */
public final class PostmortemPublisher {
    private static final Logger log = LoggerFactory.getLogger(PostmortemPublisher.class);
    private final MethodsClient client;
    private final Storage storage;
    private final PostmortemService drafts;

    public PostmortemPublisher(MethodsClient client, Storage storage, PostmortemService drafts) {
        this.client = client;
        this.storage = storage;
        this.drafts = drafts;
    }

    /** @return the file name of an incident's draft, e.g. {@code incident-12-postmortem.md} */
    public static String fileName(long number) {
        return "incident-" + number + "-postmortem.md";
    }

    /**
     * Handles one {@link OutboxJob.Kind#POSTMORTEM} job.
     *
     * @return done, or a retry/fail outcome for the upload (never for the canvas)
     */
    public Outcome publish(OutboxJob job) {
        Optional<Incident> found = storage.transaction(r -> r.incidents().find(job.incident()));
        if (found.isEmpty() || found.get().channelId() == null) {
            return Outcome.fail("no_incident_channel");
        }
        Incident incident = found.get();
        String markdown;
        try {
            StringWriter out = new StringWriter();
            drafts.render(incident.number(), out);
            markdown = out.toString();
        } catch (IOException e) {
            return Outcome.retry("postmortem draft: " + e.getMessage(), null);
        }
        String fileName = fileName(incident.number());
        if (job.attempts() > 0) {
            SlackCalls.Result<Boolean> earlier = alreadyUploaded(incident.channelId(), fileName, job);
            if (earlier.failure() != null) {
                return earlier.failure();
            }
            if (Boolean.TRUE.equals(earlier.response())) {
                createCanvas(incident, markdown);
                return Outcome.done();
            }
        }
        Outcome upload = upload(incident, fileName, markdown);
        if (upload.type() == Outcome.Type.DONE) {
            createCanvas(incident, markdown);
        }
        return upload;
    }

    private Outcome upload(Incident incident, String fileName, String markdown) {
        String comment = ":memo: Postmortem draft for incident " + incident.number() + ", made from the timeline. "
                + "Download it, fill in the prompts with the people who were there, and keep it blameless. "
                + "`/incident postmortem` makes a fresh one.";
        try {
            FilesUploadV2Response r = client.filesUploadV2(req -> req.channel(incident.channelId()).filename(fileName)
                    .title("Incident " + incident.number() + " postmortem draft").content(markdown).initialComment(comment));
            return r.isOk() ? Outcome.done() : Outcome.fail("filesUploadV2: " + r.getError());
        } catch (SlackFilesUploadV2Exception e) {
            return Outcome.retry("filesUploadV2: " + e.getMessage(), null);
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            return code == 429 || code >= 500 ? Outcome.retry("filesUploadV2: HTTP " + code, null)
                    : Outcome.fail("filesUploadV2: HTTP " + code);
        } catch (IOException e) {
            return Outcome.retry("filesUploadV2: " + e.getClass().getSimpleName(), null);
        }
    }

    /** Looks for the draft file among the channel's messages since the job was recorded. */
    private SlackCalls.Result<Boolean> alreadyUploaded(String channel, String fileName, OutboxJob job) {
        SlackCalls.Result<ConversationsHistoryResponse> h = SlackCalls.historySince(client, channel, job);
        if (!h.ok()) {
            return new SlackCalls.Result<>(null, h.failure());
        }
        boolean found = h.response().getMessages().stream().filter(m -> m.getFiles() != null)
                .flatMap(m -> m.getFiles().stream()).anyMatch(f -> fileName.equals(f.getName()));
        return new SlackCalls.Result<>(found, null);
    }

    private void createCanvas(Incident incident, String markdown) {
        SlackCalls.Result<ConversationsCanvasesCreateResponse> r = SlackCalls.run("conversations.canvases.create",
                () -> client.conversationsCanvasesCreate(req -> req.channelId(incident.channelId())
                        .documentContent(CanvasDocumentContent.builder().type("markdown").markdown(markdown).build())));
        if (!r.ok()) {
            log.info("incident {}: no channel canvas ({}); the draft file is in the channel", incident.number(),
                    Objects.requireNonNullElse(r.error(), r.failure() == null ? "?" : r.failure().error()));
        }
    }
}
