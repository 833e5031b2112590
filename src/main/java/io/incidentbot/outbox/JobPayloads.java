package io.incidentbot.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.incidentbot.store.OutboxRepository;

import java.time.Instant;
import java.util.Map;

/** Writes {@link JobPayload}s as JSON and reads them back by the job's kind (Jackson). */
public final class JobPayloads {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Map<OutboxJob.Kind, Class<? extends JobPayload>> TYPES = Map.ofEntries(
            Map.entry(OutboxJob.Kind.REMIND, JobPayload.Remind.class),
            Map.entry(OutboxJob.Kind.QUOTE, JobPayload.Quote.class),
            Map.entry(OutboxJob.Kind.CREATE_CHANNEL, JobPayload.CreateChannel.class),
            Map.entry(OutboxJob.Kind.INVITE, JobPayload.Invite.class),
            Map.entry(OutboxJob.Kind.SYNC_TOPIC, JobPayload.SyncTopic.class),
            Map.entry(OutboxJob.Kind.SYNC_HEADER, JobPayload.SyncHeader.class),
            Map.entry(OutboxJob.Kind.POST_CHANNEL, JobPayload.ChannelPost.class),
            Map.entry(OutboxJob.Kind.ANNOUNCE, JobPayload.Announce.class),
            Map.entry(OutboxJob.Kind.POSTMORTEM, JobPayload.Postmortem.class),
            Map.entry(OutboxJob.Kind.RESPOND, JobPayload.Respond.class),
            Map.entry(OutboxJob.Kind.ALERT_GROUP, JobPayload.AlertGroup.class),
            Map.entry(OutboxJob.Kind.POST_CHANGES, JobPayload.ChangesPost.class));

    private JobPayloads() {
    }

    /** @return the payload as a JSON object text */
    public static String write(JobPayload payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + payload, e);
        }
    }

    /**
     * Records a job for {@code payload}, of the payload's kind.
     *
     * @param incident ordering key (incident number)
     * @param at       when the job is due
     * @return the job's ID
     */
    public static long enqueue(OutboxRepository outbox, long incident, JobPayload payload, Instant at) {
        return outbox.enqueue(incident, payload.kind(), write(payload), at);
    }

    /**
     * @param job a stored job
     * @return its payload, as the record of its kind
     * @throws UnreadablePayloadException when the stored text is not that record (e.g. written by an
     *                                    older version); the worker marks such a job failed
     */
    public static JobPayload read(OutboxJob job) {
        Class<? extends JobPayload> type = TYPES.get(job.kind());
        try {
            JobPayload p = JSON.readValue(job.payload() == null ? "" : job.payload(), type);
            if (p == null) {
                throw new UnreadablePayloadException(job, "empty");
            }
            return p;
        } catch (JsonProcessingException e) {
            throw new UnreadablePayloadException(job, e.getOriginalMessage());
        }
    }

    /** @see #read(OutboxJob) */
    public static <T extends JobPayload> T read(OutboxJob job, Class<T> type) {
        JobPayload p = read(job);
        if (!type.isInstance(p)) {
            throw new UnreadablePayloadException(job, "not a " + type.getSimpleName());
        }
        return type.cast(p);
    }

    /** A stored payload this version cannot read. The message names the job, its kind and the reason. */
    public static final class UnreadablePayloadException extends RuntimeException {
        UnreadablePayloadException(OutboxJob job, String reason) {
            super("unreadable payload of " + job.kind() + " job " + job.id() + ": " + reason);
        }
    }
}
