package io.incidentbot.outbox;

import io.incidentbot.slack.jobs.SlackJobs;
import io.incidentbot.slack.jobs.SlackJob;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A job handler that reads each job's typed payload, keeps it, and answers what the test says (done by default). */
public final class RecordingHandler implements JobHandler {
    /** Jobs handled, in delivery order. */
    public final List<OutboxJob> jobs = new ArrayList<>();
    /** Their payloads, read with {@link SlackJobs#read}. */
    public final List<SlackJob> payloads = new ArrayList<>();
    /** Jobs given up, with their errors. */
    public final List<String> failed = new ArrayList<>();
    private Function<OutboxJob, Outcome> answer = j -> Outcome.done();

    /** @param answer what to answer from now on */
    public void answer(Function<OutboxJob, Outcome> answer) {
        this.answer = answer;
    }

    @Override
    public Outcome handle(OutboxJob job) {
        jobs.add(job);
        payloads.add(SlackJobs.read(job));
        return answer.apply(job);
    }

    @Override
    public void failed(OutboxJob job, String error) {
        failed.add(job.kind() + ": " + error);
    }
}
