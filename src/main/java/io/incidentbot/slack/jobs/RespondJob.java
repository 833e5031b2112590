package io.incidentbot.slack.jobs;

import com.slack.api.Slack;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.slack.render.Replies;

import java.io.IOException;

/**
 * Tells someone something through a slash command's {@code response_url} (an ephemeral message; Slack
 * accepts up to 5 posts within 30 minutes). 5xx and 429 are retried; other HTTP errors are final.
 */
public final class RespondJob {
    private final Slack slack;

    /** @param slack SDK instance, for its HTTP client ({@code Slack.send}) */
    public RespondJob(Slack slack) {
        this.slack = slack;
    }

    /** @return done, retry or fail from the HTTP status of the POST to {@code response_url} */
    public Outcome deliver(SlackJob.Respond payload) {
        if (payload.responseUrl() == null) {
            return Outcome.done();
        }
        try {
            int code = slack.send(payload.responseUrl(), Replies.ephemeral(payload.text())).getCode();
            return code < 300 ? Outcome.done() : code >= 500 || code == 429
                    ? Outcome.retry("response_url: HTTP " + code, null) : Outcome.fail("response_url: HTTP " + code);
        } catch (IOException e) {
            return Outcome.retry("response_url: " + e.getMessage(), null);
        }
    }
}
