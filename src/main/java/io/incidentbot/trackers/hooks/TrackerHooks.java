package io.incidentbot.trackers.hooks;

import io.incidentbot.hooks.GitHubSignature;
import io.incidentbot.trackers.TrackerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The trackers' inbound webhooks behind the hook front door ({@code hooks/HookHandler}, which bounds the body
 * and answers 405/413): {@code POST /hooks/jira}, {@code POST /hooks/gitlab}, and GitHub's {@code issues}
 * events arriving on the existing {@code /hooks/github} (already signature-checked there).
 * <ul>
 *   <li>Jira: {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>} keyed with
 *       {@code JIRA_WEBHOOK_SECRET} (Jira Cloud admin webhooks with a secret, the WebSub format); delivery ID
 *       {@code X-Atlassian-Webhook-Identifier};</li>
 *   <li>GitLab: {@code X-Gitlab-Token} equal to {@code GITLAB_WEBHOOK_TOKEN}; delivery ID
 *       {@code X-Gitlab-Event-UUID}.</li>
 * </ul>
 * Answers: 404 when the hook's secret is unset; 401 for a wrong signature or token (nothing read further);
 * 400 for a malformed body; 200 once a state change is committed (or found already applied); 202 for an event
 * that changes no state, or for an issue the bot did not create.
 */
public final class TrackerHooks {
    /** The answer to send: HTTP status and a small JSON body. */
    public record Answer(int status, String json) {
    }

    /** Jira Cloud's signature header. */
    public static final String JIRA_SIGNATURE = "X-Hub-Signature";
    /** GitLab's secret token header. */
    public static final String GITLAB_TOKEN = "X-Gitlab-Token";
    private static final Logger log = LoggerFactory.getLogger(TrackerHooks.class);

    private final TrackerSettings settings;
    private final TrackerInbound inbound;

    /**
     * @param settings the webhook secrets
     * @param inbound  applies the changes
     */
    public TrackerHooks(TrackerSettings settings, TrackerInbound inbound) {
        this.settings = settings;
        this.inbound = inbound;
    }

    /** @return true for the hook names this class serves: {@code jira}, {@code gitlab} */
    public static boolean serves(String name) {
        return "jira".equals(name) || "gitlab".equals(name);
    }

    /** @return true when the hook's secret is configured (else the path answers 404) */
    public boolean enabled(String name) {
        return "jira".equals(name) ? settings.jiraWebhookSecret() != null
                : "gitlab".equals(name) && settings.gitlabWebhookToken() != null;
    }

    /**
     * Checks the request's signature or token.
     *
     * @param name   {@code jira} or {@code gitlab}
     * @param header request headers by name
     * @param body   the raw body
     * @return true when authentic
     */
    public boolean authentic(String name, Function<String, String> header, byte[] body) {
        if ("jira".equals(name)) {
            return GitHubSignature.verify(body, header.apply(JIRA_SIGNATURE),
                    settings.jiraWebhookSecret().getBytes(StandardCharsets.UTF_8));
        }
        String given = header.apply(GITLAB_TOKEN);
        return given != null && MessageDigest.isEqual(sha256(given), sha256(settings.gitlabWebhookToken()));
    }

    /**
     * Handles an authentic {@code /hooks/jira} or {@code /hooks/gitlab} request.
     *
     * @throws io.incidentbot.hooks.MalformedPayloadException for a body that is not the documented JSON
     */
    public Answer receive(String name, Function<String, String> header, byte[] body) {
        if ("jira".equals(name)) {
            return answer(IssueEvents.jira(body), header.apply("X-Atlassian-Webhook-Identifier"));
        }
        return answer(IssueEvents.gitlab(body), header.apply("X-Gitlab-Event-UUID"));
    }

    /**
     * Handles a GitHub {@code issues} event whose signature {@code /hooks/github} has verified.
     *
     * @param delivery {@code X-GitHub-Delivery}
     */
    public Answer github(String delivery, byte[] body) {
        return answer(IssueEvents.github(body), delivery);
    }

    private Answer answer(Optional<TrackerEvent> event, String delivery) {
        if (event.isEmpty()) {
            return new Answer(202, "{\"ignored\":true}");
        }
        TrackerInbound.Result r = inbound.apply(event.get(), delivery);
        return switch (r.outcome()) {
            case UNKNOWN_ISSUE -> {
                log.debug("ignored {} issue {}: not a follow-up's", event.get().provider(), event.get().key());
                yield new Answer(202, "{\"ignored\":true}");
            }
            case UNCHANGED -> new Answer(200, "{\"applied\":false,\"followUp\":" + r.followUp().orElseThrow().id() + "}");
            case APPLIED -> new Answer(200, "{\"applied\":true,\"followUp\":" + r.followUp().orElseThrow().id()
                    + ",\"state\":\"" + event.get().state().word() + "\"}");
        };
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
