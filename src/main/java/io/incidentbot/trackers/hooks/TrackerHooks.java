package io.incidentbot.trackers.hooks;

import io.incidentbot.hooks.BearerToken;
import io.incidentbot.hooks.GitHubSignature;
import io.incidentbot.hooks.HookRoute;
import io.incidentbot.trackers.TrackerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The trackers' inbound webhooks as {@link HookRoute}s of the hook front door ({@code hooks/HookHandler}, which
 * bounds the body, answers 404/405/413, and turns a route's 401 into "missing or wrong signature or token" with a
 * rate-limited WARN): {@code POST /hooks/jira}, {@code POST /hooks/gitlab}, and GitHub's {@code issues} events
 * arriving on the existing {@code /hooks/github} (route {@code github:issues}, signature checked by the front door).
 * <ul>
 *   <li>Jira: {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>} keyed with
 *       {@code JIRA_WEBHOOK_SECRET} (Jira Cloud admin webhooks with a secret, the WebSub format); delivery ID
 *       {@code X-Atlassian-Webhook-Identifier};</li>
 *   <li>GitLab: {@code X-Gitlab-Token} equal to {@code GITLAB_WEBHOOK_TOKEN} (compared by
 *       {@link BearerToken#sameSecret}); delivery ID {@code X-Gitlab-Event-UUID}.</li>
 * </ul>
 * Answers: 404 when the hook's secret is unset; 401 for a wrong signature or token (nothing read further);
 * 400 for a malformed body; 200 once a state change is committed (or found already applied); 202 for an event
 * that changes no state, or for an issue the bot did not create.
 */
public final class TrackerHooks {
    /** Jira Cloud's signature header. */
    public static final String JIRA_SIGNATURE = "X-Hub-Signature";
    /** GitLab's secret token header. */
    public static final String GITLAB_TOKEN = "X-Gitlab-Token";
    private static final Logger log = LoggerFactory.getLogger(TrackerHooks.class);
    private static final HookRoute.Answer REFUSED = new HookRoute.Answer(401, "{\"error\":\"unauthorized\"}");

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

    /**
     * @return the routes by name: {@code jira}, {@code gitlab} (each off, so 404, while its secret is unset) and
     *         {@code github:issues} (GitHub {@code issues} events on {@code /hooks/github})
     */
    public Map<String, HookRoute> routes() {
        return Map.of(
                "jira", HookRoute.of(HookRoute.Auth.SIGNED, settings.jiraWebhookSecret() != null, (header, body) ->
                        GitHubSignature.verify(body, header.apply(JIRA_SIGNATURE),
                                settings.jiraWebhookSecret().getBytes(StandardCharsets.UTF_8))
                                ? answer(IssueEvents.jira(body), header.apply("X-Atlassian-Webhook-Identifier")) : REFUSED),
                "gitlab", HookRoute.of(HookRoute.Auth.SIGNED, settings.gitlabWebhookToken() != null, (header, body) ->
                        BearerToken.sameSecret(header.apply(GITLAB_TOKEN), settings.gitlabWebhookToken())
                                ? answer(IssueEvents.gitlab(body), header.apply("X-Gitlab-Event-UUID")) : REFUSED),
                "github:issues", HookRoute.of(HookRoute.Auth.SIGNED, true, (header, body) ->
                        answer(IssueEvents.github(body), header.apply("X-GitHub-Delivery"))));
    }

    private HookRoute.Answer answer(Optional<TrackerEvent> event, String delivery) {
        if (event.isEmpty()) {
            return new HookRoute.Answer(202, "{\"ignored\":true}");
        }
        TrackerInbound.Result r = inbound.apply(event.get(), delivery);
        return switch (r.outcome()) {
            case UNKNOWN_ISSUE -> {
                log.debug("ignored {} issue {}: not a follow-up's", event.get().provider(), event.get().key());
                yield new HookRoute.Answer(202, "{\"ignored\":true}");
            }
            case UNCHANGED -> new HookRoute.Answer(200, "{\"applied\":false,\"followUp\":" + r.followUp().orElseThrow().id() + "}");
            case APPLIED -> new HookRoute.Answer(200, "{\"applied\":true,\"followUp\":" + r.followUp().orElseThrow().id()
                    + ",\"state\":\"" + event.get().state().word() + "\"}");
        };
    }
}
