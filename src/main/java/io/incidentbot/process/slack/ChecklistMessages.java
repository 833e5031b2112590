package io.incidentbot.process.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.model.block.LayoutBlock;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.JobRoutes;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.process.Process;
import io.incidentbot.process.checklist.ChecklistEntry;
import io.incidentbot.process.checklist.ChecklistSubscriber;
import io.incidentbot.slack.jobs.Posts;
import io.incidentbot.slack.render.UserText;
import io.incidentbot.slack.web.SlackCalls;
import io.incidentbot.store.ChecklistRepository;
import io.incidentbot.store.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * Delivers the checklist subscriber's {@value ChecklistSubscriber#SHOW} jobs: renders the incident's stored checklist
 * ({@link ChecklistBlocks}) and posts it in the incident channel ({@code chat.postMessage}, at most once: a retry after
 * a lost answer finds its earlier post by the job ID in message metadata), remembering where, or updates that message
 * in place ({@code chat.update}); a message deleted meanwhile ({@code message_not_found}) is posted again. A job due
 * before the incident channel exists waits a second and tries again. A job asking to show it {@code again}
 * ({@code /incident checklist}) posts a fresh message, which is then the one kept up to date, and changes the earlier
 * one to say so (once; if that fails the earlier one is left as it was).
 */
public final class ChecklistMessages {
    private static final Logger log = LoggerFactory.getLogger(ChecklistMessages.class);
    private static final Duration NO_CHANNEL_YET = Duration.ofSeconds(1);

    private final MethodsClient client;
    private final Storage storage;
    private final Process process;
    private final Posts posts;

    /**
     * @param client  Web API client with the bot token
     * @param storage incidents and their checklists
     * @param process the process (role names)
     */
    public ChecklistMessages(MethodsClient client, Storage storage, Process process) {
        this.client = client;
        this.storage = storage;
        this.process = process;
        this.posts = new Posts(client);
    }

    /** @return the routing table of subscriber {@value ChecklistSubscriber#NAME} */
    public JobRoutes routes() {
        return JobRoutes.of(ChecklistSubscriber.NAME)
                .route(ChecklistSubscriber.SHOW, ChecklistSubscriber.Show.class, ChecklistMessages.this::show)
                .onFailed((job, error) -> log.warn("checklist message of incident {} not shown: {}", job.incident(), error));
    }

    Outcome show(OutboxJob job, ChecklistSubscriber.Show show) {
        long n = show.incident();
        Optional<Incident> incident = storage.read(r -> r.incidents().find(n));
        List<ChecklistEntry> entries = storage.read(r -> r.checklists().list(n));
        if (incident.isEmpty() || entries.isEmpty()) {
            return Outcome.done();
        }
        String channel = incident.get().channelId();
        if (channel == null) {
            return Outcome.retry("the incident channel is not created yet", NO_CHANNEL_YET);
        }
        String text = ChecklistBlocks.text(incident.get(), entries);
        List<LayoutBlock> blocks = ChecklistBlocks.blocks(process, incident.get(), entries);
        Optional<ChecklistRepository.Message> message = storage.read(r -> r.checklists().message(n));
        if (message.isPresent() && !show.again()) {
            SlackCalls.Result<ChatUpdateResponse> r = update(message.get(), text, blocks);
            if (r.ok() || !"message_not_found".equals(r.error())) {
                return r.ok() ? Outcome.done() : SlackCalls.failed("chat.update", r);
            }
        }
        SlackCalls.Result<String> posted = posts.postOnce(job, channel, text, blocks);
        if (posted.failure() != null) {
            return posted.failure();
        }
        storage.run(r -> r.checklists().setMessage(n, new ChecklistRepository.Message(channel, posted.response())));
        if (show.again() && message.isPresent() && !message.get().ts().equals(posted.response())) {
            String moved = "The checklist of incident " + n + " was posted again below; this copy is no longer kept up to date.";
            SlackCalls.Result<ChatUpdateResponse> r = update(message.get(), moved, List.of(section(s -> s.text(markdownText(moved)))));
            if (!r.ok()) {
                log.info("the earlier checklist message of incident {} was left as it was: {}", n, r.error());
            }
        }
        return Outcome.done();
    }

    private SlackCalls.Result<ChatUpdateResponse> update(ChecklistRepository.Message m, String text, List<LayoutBlock> blocks) {
        return SlackCalls.run("chat.update", () -> client.chatUpdate(req -> req.channel(m.channel()).ts(m.ts())
                .text(UserText.outgoing(text)).blocks(blocks)));
    }
}
