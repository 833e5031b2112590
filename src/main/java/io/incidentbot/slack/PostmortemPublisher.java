package io.incidentbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.canvases.ConversationsCanvasesCreateResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.model.canvas.CanvasDocumentContent;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.Deliveries;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.postmortem.PostmortemService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
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
    private final Deliveries deliveries;
    private final PostmortemService drafts;

    /**
     * @param client     Web API client with the bot token
     * @param deliveries reads the incident the job is about
     * @param drafts     renders the draft
     */
    public PostmortemPublisher(MethodsClient client, Deliveries deliveries, PostmortemService drafts) {
        this.client = client;
        this.deliveries = deliveries;
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
        Optional<Incident> found = deliveries.incident(job.incident());
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

    /**
     * {@code filesUploadV2}, classified by {@link SlackCalls} like every other call: {@code ok: false}
     * with a transient error ({@code ratelimited}...) and 5xx retry, 429 retries after {@code Retry-After};
     * a failed byte upload between the two Web API calls retries with backoff.
     */
    /** Keeps the draft's permalink for the resolution announcement ({@code postmortem} in {@code slack_text}). */
    private void rememberLink(Incident incident, FilesUploadV2Response response) {
        String link = response.getFiles() == null ? null : response.getFiles().stream()
                .map(com.slack.api.model.File::getPermalink).filter(java.util.Objects::nonNull).findFirst()
                .orElse(response.getFile() == null ? null : response.getFile().getPermalink());
        if (link != null && !link.isBlank()) {
            deliveries.sent(incident.number(), "postmortem", link);
        }
    }

    private Outcome upload(Incident incident, String fileName, String markdown) {
        String comment = ":memo: Postmortem draft for incident " + incident.number() + ", made from the timeline. "
                + "Download it, fill in the prompts with the people who were there, and keep it blameless. "
                + "`/incident postmortem` makes a fresh one.";
        try {
            SlackCalls.Result<FilesUploadV2Response> r = SlackCalls.run("filesUploadV2", () -> client.filesUploadV2(req -> req
                    .channel(incident.channelId()).filename(fileName)
                    .title("Incident " + incident.number() + " postmortem draft").content(markdown).initialComment(comment)));
            if (!r.ok()) {
                return SlackCalls.failed("filesUploadV2", r);
            }
            rememberLink(incident, r.response());
            return Outcome.done();
        } catch (SlackFilesUploadV2Exception e) {
            return uploadFailed(e);
        }
    }

    /**
     * The SDK throws when a step of {@code filesUploadV2} fails: the Web API steps' answers are classified
     * like any other; a failed POST of the bytes retries (5xx, 429 and network) or fails (other 4xx).
     */
    private static Outcome uploadFailed(SlackFilesUploadV2Exception e) {
        List<SlackApiTextResponse> answers = new ArrayList<>();
        if (e.getGetURLResponses() != null) {
            answers.addAll(e.getGetURLResponses());
        }
        if (e.getCompleteResponse() != null) {
            answers.add(e.getCompleteResponse());
        }
        for (SlackApiTextResponse answer : answers) {
            if (!answer.isOk()) {
                return SlackCalls.failed("filesUploadV2", SlackCalls.answered("filesUploadV2", answer));
            }
        }
        if (e.getUploadResponses() != null) {
            for (FilesUploadV2Response.UploadResponse upload : e.getUploadResponses().values()) {
                int code = upload.getCode();
                if (code >= 400 && code < 500 && code != 429 && code != 408) {
                    return Outcome.fail("filesUploadV2: upload HTTP " + code);
                }
            }
        }
        return Outcome.retry("filesUploadV2: upload failed", null);
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
