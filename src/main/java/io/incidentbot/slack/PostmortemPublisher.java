package io.incidentbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.request.files.FilesUploadV2Request.UploadFile;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.files.FilesDeleteResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.model.File;
import io.incidentbot.incident.Incident;
import io.incidentbot.slack.jobs.Deliveries;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.postmortem.PostmortemRenderer;
import io.incidentbot.postmortem.PostmortemService;
import io.incidentbot.postmortem.TimelineChart;
import io.incidentbot.store.PostmortemDeliveryRepository.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Delivers a postmortem draft to the incident channel, once, and keeps it current:
 * <ol>
 *   <li>uploads {@code incident-<n>-postmortem.md} and its timeline picture {@code incident-<n>-timeline.png}
 *       in one {@code filesUploadV2} (one {@code files.getUploadURLExternal} per file, the uploads, one
 *       {@code files.completeUploadExternal} sharing both with one message); the draft links the picture
 *       by its file name;</li>
 *   <li>remembers the two file IDs (table {@code postmortem_delivery}) and deletes the files of the
 *       previous draft ({@code files.delete}, scope {@code files:write}), so the channel holds one
 *       current draft under one name, as an SRE searching the channel for it expects, rather than
 *       {@code -v2}, {@code -v3} copies that invite editing a stale one; the new message says it
 *       replaces the earlier draft;</li>
 *   <li>puts the draft in the channel canvas ({@link PostmortemCanvas}: created once, then edited in
 *       place), with the picture shown from the uploaded file where Slack gave its permalink.</li>
 * </ol>
 * A failed upload retries or fails the job as classified by {@link SlackCalls}; deleting old files and the
 * canvas never fail it (the new draft is in the channel).
 */
public final class PostmortemPublisher {
    private static final Logger log = LoggerFactory.getLogger(PostmortemPublisher.class);
    private static final Set<String> ALREADY_GONE = Set.of("file_not_found", "file_deleted");
    private final MethodsClient client;
    private final Deliveries deliveries;
    private final PostmortemService drafts;
    private final PostmortemCanvas canvas;

    /**
     * @param client     Web API client with the bot token
     * @param deliveries reads the incident the job is about
     * @param drafts     renders the draft and the picture; remembers what was delivered
     */
    public PostmortemPublisher(MethodsClient client, Deliveries deliveries, PostmortemService drafts) {
        this.client = client;
        this.deliveries = deliveries;
        this.drafts = drafts;
        this.canvas = new PostmortemCanvas(client, drafts);
    }

    /** @return the file name of an incident's draft, e.g. {@code incident-12-postmortem.md} */
    public static String fileName(long number) {
        return "incident-" + number + "-postmortem.md";
    }

    /**
     * The files of one upload.
     *
     * @param draftId        Slack file ID of the draft
     * @param chartId        Slack file ID of the picture, null if Slack did not say
     * @param chartPermalink the picture's permalink, null if Slack did not say
     */
    private record Uploaded(String draftId, String chartId, String chartPermalink) {
    }

    /**
     * Handles one {@link SlackJob.Kind#POSTMORTEM} job.
     *
     * @return done, or a retry/fail outcome for the upload (never for the clean-up or the canvas)
     */
    public Outcome publish(OutboxJob job) {
        Optional<Incident> found = deliveries.incident(job.incident());
        if (found.isEmpty() || found.get().channelId() == null) {
            return Outcome.fail("no_incident_channel");
        }
        Incident incident = found.get();
        String markdown;
        byte[] png;
        try {
            StringWriter out = new StringWriter();
            drafts.render(incident.number(), out);
            markdown = out.toString();
            png = drafts.chart(incident.number());
        } catch (IOException e) {
            return Outcome.retry("postmortem draft: " + e.getMessage(), null);
        }
        Delivery before = drafts.delivery(incident.number()).orElse(null);
        Uploaded uploaded = null;
        if (job.attempts() > 0) {
            SlackCalls.Result<Uploaded> earlier = alreadyUploaded(incident, job);
            if (earlier.failure() != null) {
                return earlier.failure();
            }
            uploaded = earlier.response();
        }
        if (uploaded == null) {
            SlackCalls.Result<Uploaded> upload = upload(incident, markdown, png, before != null);
            if (upload.failure() != null) {
                return upload.failure();
            }
            uploaded = upload.response();
        }
        drafts.rememberFiles(incident.number(), uploaded.draftId(), uploaded.chartId());
        if (before != null) {
            deleteReplaced(incident, before.draftFileId(), uploaded);
            deleteReplaced(incident, before.chartFileId(), uploaded);
        }
        canvas.show(incident, canvasMarkdown(incident.number(), markdown, uploaded.chartPermalink()),
                before == null ? null : before.canvasId());
        return Outcome.done();
    }

    /** @return the draft with its picture link pointing at the uploaded file, or without it when unknown */
    static String canvasMarkdown(long number, String markdown, String chartPermalink) {
        String local = PostmortemRenderer.chartImage(number, TimelineChart.fileName(number));
        return markdown.replace(local, chartPermalink == null
                ? "_The timeline picture is the file " + TimelineChart.fileName(number) + " in the channel._"
                : PostmortemRenderer.chartImage(number, chartPermalink));
    }

    /**
     * {@code filesUploadV2} with both files, classified by {@link SlackCalls} like every other call:
     * {@code ok: false} with a transient error ({@code ratelimited}...) and 5xx retry, 429 retries after
     * {@code Retry-After}; a failed byte upload between the two Web API calls retries with backoff.
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

    private SlackCalls.Result<Uploaded> upload(Incident incident, String markdown, byte[] png, boolean replacing) {
        long n = incident.number();
        String comment = ":memo: " + (replacing ? "Updated postmortem draft" : "Postmortem draft") + " for incident " + n
                + ", made from the timeline, with its timeline picture (key events numbered as in the draft). "
                + (replacing ? "It replaces the earlier draft, which was deleted. " : "")
                + "Download it, fill in the prompts with the people who were there, and keep it blameless. "
                + "`/incident postmortem` makes a fresh one.";
        List<UploadFile> files = List.of(
                UploadFile.builder().filename(fileName(n)).title("Incident " + n + " postmortem draft")
                        .content(markdown).build(),
                UploadFile.builder().filename(TimelineChart.fileName(n)).title("Incident " + n + " timeline")
                        .altTxt("Timeline of incident " + n + ": status phases, severity changes, numbered key events "
                                + "and messages per interval").fileData(png).build());
        try {
            SlackCalls.Result<FilesUploadV2Response> r = SlackCalls.run("filesUploadV2", () -> client.filesUploadV2(req -> req
                    .channel(incident.channelId()).uploadFiles(files).initialComment(comment)));
            if (!r.ok()) {
                return new SlackCalls.Result<>(null, SlackCalls.failed("filesUploadV2", r));
            }
            rememberLink(incident, r.response());
            return new SlackCalls.Result<>(uploaded(n, r.response().getFiles()), null);
        } catch (SlackFilesUploadV2Exception e) {
            return new SlackCalls.Result<>(null, uploadFailed(e));
        }
    }

    /** @return the draft's and the picture's IDs among {@code files}, by file name (draft first when unnamed) */
    private static Uploaded uploaded(long number, List<File> files) {
        String draft = null;
        File chart = null;
        for (File f : files == null ? List.<File>of() : files) {
            if (TimelineChart.fileName(number).equals(f.getName())) {
                chart = f;
            } else if (fileName(number).equals(f.getName()) || draft == null) {
                draft = f.getId();
            }
        }
        return new Uploaded(draft, chart == null ? null : chart.getId(), chart == null ? null : chart.getPermalink());
    }

    /** Deletes a file of the previous draft, unless it is one just uploaded (a retried job) or already gone. */
    private void deleteReplaced(Incident incident, String fileId, Uploaded now) {
        if (fileId == null || fileId.equals(now.draftId()) || fileId.equals(now.chartId())) {
            return;
        }
        SlackCalls.Result<FilesDeleteResponse> r = SlackCalls.run("files.delete",
                () -> client.filesDelete(req -> req.file(fileId)));
        if (!r.ok() && !ALREADY_GONE.contains(r.error())) {
            log.warn("incident {}: the replaced draft file {} was not deleted ({}); delete it by hand", incident.number(),
                    fileId, Objects.requireNonNullElse(r.error(), r.failure() == null ? "?" : r.failure().error()));
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

    /**
     * Looks for the draft among the files shared in the channel since the job was recorded: an earlier
     * attempt whose answer was lost may have shared it.
     *
     * @return the files found, or null in the response when there are none
     */
    private SlackCalls.Result<Uploaded> alreadyUploaded(Incident incident, OutboxJob job) {
        SlackCalls.Result<ConversationsHistoryResponse> h = SlackCalls.historySince(client, incident.channelId(), job);
        if (!h.ok()) {
            return new SlackCalls.Result<>(null, h.failure());
        }
        List<File> shared = new ArrayList<>();
        h.response().getMessages().stream().filter(m -> m.getFiles() != null).forEach(m -> shared.addAll(m.getFiles()));
        shared.removeIf(f -> !fileName(incident.number()).equals(f.getName())
                && !TimelineChart.fileName(incident.number()).equals(f.getName()));
        boolean draft = shared.stream().anyMatch(f -> fileName(incident.number()).equals(f.getName()));
        return new SlackCalls.Result<>(draft ? uploaded(incident.number(), shared) : null, null);
    }
}
