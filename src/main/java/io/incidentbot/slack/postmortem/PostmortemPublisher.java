package io.incidentbot.slack.postmortem;

import io.incidentbot.slack.web.SlackCalls;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesDeleteResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.model.File;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Delivers a postmortem draft to the incident channel, once, and keeps it current:
 * <ol>
 *   <li>renders the draft into a temporary file (the renderer streams from storage) and uploads
 *       {@code incident-<n>-postmortem.md} from it and its timeline picture {@code incident-<n>-timeline.png}
 *       as Slack's {@code filesUploadV2} does (one {@code files.getUploadURLExternal} per file, a POST of
 *       its bytes to the upload URL, one {@code files.completeUploadExternal} sharing both with one
 *       message), the draft's bytes streamed from the file, so a long draft is never held whole in
 *       memory (the SDK's {@code filesUploadV2} reads a file into one byte array); the draft links the
 *       picture by its file name;</li>
 *   <li>remembers the two file IDs (table {@code postmortem_delivery}) and deletes the files of the
 *       previous draft ({@code files.delete}, scope {@code files:write}), so the channel holds one
 *       current draft under one name, as an SRE searching the channel for it expects, rather than
 *       {@code -v2}, {@code -v3} copies that invite editing a stale one; the new message says it
 *       replaces the earlier draft;</li>
 *   <li>puts the draft in the channel canvas ({@link PostmortemCanvas}: created once, then edited in
 *       place), with the picture shown from the uploaded file where Slack gave its permalink; a draft
 *       longer than a canvas holds ({@link #CANVAS_LIMIT}) is not read back: the canvas points at the file.</li>
 * </ol>
 * A failed upload retries or fails the job as classified by {@link SlackCalls}; deleting old files and the
 * canvas never fail it (the new draft is in the channel).
 */
public final class PostmortemPublisher {
    private static final Logger log = LoggerFactory.getLogger(PostmortemPublisher.class);
    private static final Set<String> ALREADY_GONE = Set.of("file_not_found", "file_deleted");
    /** The largest draft put in the canvas, in bytes: Slack's canvas document limit (1 MiB). */
    static final long CANVAS_LIMIT = 1 << 20;
    private static final MediaType MARKDOWN = MediaType.get("text/markdown; charset=utf-8");
    private static final MediaType PNG = MediaType.get("image/png");
    private final MethodsClient client;
    private final Deliveries deliveries;
    private final PostmortemService drafts;
    private final DraftDeliveries records;
    private final PostmortemCanvas canvas;

    /**
     * @param client     Web API client with the bot token
     * @param deliveries reads the incident the job is about
     * @param drafts     renders the draft and the picture
     * @param records    where earlier drafts were delivered (file IDs, canvas ID), updated here
     */
    public PostmortemPublisher(MethodsClient client, Deliveries deliveries, PostmortemService drafts,
                               DraftDeliveries records) {
        this.client = client;
        this.deliveries = deliveries;
        this.drafts = drafts;
        this.records = records;
        this.canvas = new PostmortemCanvas(client, records);
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
        Path draft = null;
        try {
            draft = Files.createTempFile("incident-" + incident.number() + "-postmortem", ".md");
            try (Writer out = Files.newBufferedWriter(draft, StandardCharsets.UTF_8)) {
                drafts.render(incident.number(), out);
            }
            return publish(job, incident, draft, drafts.chart(incident.number()));
        } catch (IOException e) {
            return Outcome.retry("postmortem draft: " + e.getMessage(), null);
        } finally {
            if (draft != null) {
                try {
                    Files.deleteIfExists(draft);
                } catch (IOException e) {
                    log.warn("incident {}: temporary draft {} not deleted: {}", incident.number(), draft, e.toString());
                }
            }
        }
    }

    private Outcome publish(OutboxJob job, Incident incident, Path draft, byte[] png) throws IOException {
        Delivery before = records.delivery(incident.number()).orElse(null);
        Uploaded uploaded = null;
        if (job.attempts() > 0) {
            SlackCalls.Result<Uploaded> earlier = alreadyUploaded(incident, job);
            if (earlier.failure() != null) {
                return earlier.failure();
            }
            uploaded = earlier.response();
        }
        if (uploaded == null) {
            SlackCalls.Result<Uploaded> upload = upload(incident, draft, png, before != null);
            if (upload.failure() != null) {
                return upload.failure();
            }
            uploaded = upload.response();
        }
        records.rememberFiles(incident.number(), uploaded.draftId(), uploaded.chartId());
        if (before != null) {
            deleteReplaced(incident, before.draftFileId(), uploaded);
            deleteReplaced(incident, before.chartFileId(), uploaded);
        }
        String markdown = Files.size(draft) <= CANVAS_LIMIT ? Files.readString(draft, StandardCharsets.UTF_8)
                : "# Incident " + incident.number() + " postmortem draft\n\nThe draft is longer than a canvas holds; it is"
                + " the file " + fileName(incident.number()) + " in the channel.";
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

    /** Keeps the draft's permalink for the resolution announcement ({@code postmortem} in {@code slack_text}). */
    private void rememberLink(Incident incident, List<File> files) {
        String link = files == null ? null : files.stream().filter(f -> fileName(incident.number()).equals(f.getName())
                || files.size() == 1).map(File::getPermalink).filter(Objects::nonNull).findFirst()
                .orElse(files.stream().map(File::getPermalink).filter(Objects::nonNull).findFirst().orElse(null));
        if (link != null && !link.isBlank()) {
            deliveries.sent(incident.number(), "postmortem", link);
        }
    }

    /**
     * Both files, as {@code filesUploadV2} sends them, each step classified by {@link SlackCalls} like every
     * other call ({@code ok: false} with a transient error and 5xx retry, 429 retries after
     * {@code Retry-After}); a failed POST of the bytes retries (5xx, 429, 408 and network) or fails (other 4xx).
     */
    private SlackCalls.Result<Uploaded> upload(Incident incident, Path draft, byte[] png, boolean replacing)
            throws IOException {
        long n = incident.number();
        String comment = ":memo: " + (replacing ? "Updated postmortem draft" : "Postmortem draft") + " for incident " + n
                + ", made from the timeline, with its timeline picture (key events numbered as in the draft). "
                + (replacing ? "It replaces the earlier draft, which was deleted. " : "")
                + "Download it, fill in the prompts with the people who were there, and keep it blameless. "
                + "`/incident postmortem` makes a fresh one.";
        SlackCalls.Result<String> draftId = uploadOne(fileName(n), Files.size(draft), null,
                RequestBody.create(draft.toFile(), MARKDOWN));
        if (draftId.failure() != null) {
            return new SlackCalls.Result<>(null, draftId.failure());
        }
        SlackCalls.Result<String> chartId = uploadOne(TimelineChart.fileName(n), png.length, "Timeline of incident " + n
                + ": status phases, severity changes, numbered key events and messages per interval",
                RequestBody.create(png, PNG));
        if (chartId.failure() != null) {
            return new SlackCalls.Result<>(null, chartId.failure());
        }
        List<FileDetails> files = List.of(new FileDetails(draftId.response(), "Incident " + n + " postmortem draft", null),
                new FileDetails(chartId.response(), "Incident " + n + " timeline", null));
        SlackCalls.Result<FilesCompleteUploadExternalResponse> done = SlackCalls.run("filesUploadV2",
                () -> client.filesCompleteUploadExternal(req -> req.files(files).channelId(incident.channelId())
                        .initialComment(comment)));
        if (!done.ok()) {
            return new SlackCalls.Result<>(null, SlackCalls.failed("filesUploadV2", done));
        }
        List<File> shared = done.response().getFiles();
        rememberLink(incident, shared);
        Uploaded u = uploaded(n, shared);
        return new SlackCalls.Result<>(new Uploaded(u.draftId() != null ? u.draftId() : draftId.response(),
                u.chartId() != null ? u.chartId() : chartId.response(), u.chartPermalink()), null);
    }

    /**
     * One file's {@code files.getUploadURLExternal} and the POST of its bytes ({@code body}, streamed) to the
     * upload URL Slack gave, through the SDK's HTTP client.
     *
     * @return the file's ID, or the failure
     */
    private SlackCalls.Result<String> uploadOne(String filename, long length, String altText, RequestBody body) {
        SlackCalls.Result<FilesGetUploadURLExternalResponse> url = SlackCalls.run("filesUploadV2",
                () -> client.filesGetUploadURLExternal(req -> req.filename(filename).length((int) length).altTxt(altText)));
        if (!url.ok()) {
            return new SlackCalls.Result<>(null, SlackCalls.failed("filesUploadV2", url));
        }
        Request post = new Request.Builder().url(url.response().getUploadUrl()).post(body).build();
        try (Response r = client.getSlackHttpClient().getOkHttpClient().newCall(post).execute()) {
            int code = r.code();
            if (code >= 400 && code < 500 && code != 429 && code != 408) {
                return new SlackCalls.Result<>(null, Outcome.fail("filesUploadV2: upload HTTP " + code));
            }
            if (code >= 300) {
                return new SlackCalls.Result<>(null, Outcome.retry("filesUploadV2: upload failed", null));
            }
        } catch (IOException e) {
            return new SlackCalls.Result<>(null, Outcome.retry("filesUploadV2: upload failed", null));
        }
        return new SlackCalls.Result<>(url.response().getFileId(), null);
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
