package io.incidentbot.trackers.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbot.trackers.TrackerSettings;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * GitHub Issues through the REST API ("REST API endpoints for issues", API version 2022-11-28):
 * <ul>
 *   <li>create: {@code POST /repos/{owner}/{repo}/issues} with {@code title}, {@code body} (Markdown),
 *       {@code labels} and, when the user map names the owner, {@code assignees: [login]}; answers 201 with
 *       {@code number} and {@code html_url}; 410 when issues are disabled on the repository;</li>
 *   <li>close: {@code POST /repos/{owner}/{repo}/issues/{number}/comments} with {@code body}, then
 *       {@code PATCH /repos/{owner}/{repo}/issues/{number}} with {@code state: closed} and
 *       {@code state_reason: completed | not_planned};</li>
 *   <li>reopen: the comment, then the {@code PATCH} with {@code state: open}, {@code state_reason: reopened}.</li>
 * </ul>
 * Authentication: {@code Authorization: Bearer GITHUB_TOKEN} (a fine-grained token with "Issues: read and
 * write" on the repository, or a classic token with {@code repo}).
 */
public final class GitHubIssues extends MarkdownIssues {
    private final TrackerSettings.GitHub settings;

    /**
     * @param settings repository, token and API URL
     * @param labels   labels for each created issue
     * @param http     the shared OkHttp client
     * @param clock    "now", for {@code Retry-After} dates
     */
    public GitHubIssues(TrackerSettings.GitHub settings, List<String> labels, OkHttpClient http, Clock clock) {
        super(labels, new TrackerHttp(http, "GitHub", clock));
        this.settings = settings;
    }

    @Override
    public String provider() {
        return "github";
    }

    @Override
    HttpUrl issues() {
        return url("issues");
    }

    /** {@code GET /repos/{owner}/{repo}/issues?state=all&sort=created&direction=desc&per_page=30} */
    @Override
    HttpUrl newestIssues() {
        return issues().newBuilder().addQueryParameter("state", "all").addQueryParameter("sort", "created")
                .addQueryParameter("direction", "desc").addQueryParameter("per_page", Integer.toString(NEWEST)).build();
    }

    @Override
    String bodyField() {
        return "body";
    }

    @Override
    void fields(ObjectNode body, IssueDraft draft) {
        body.putArray("labels").addAll(labels.stream().map(l -> (JsonNode) body.textNode(l)).toList());
        if (draft.assignee() != null) {
            body.putArray("assignees").add(draft.assignee());
        }
    }

    /** @return the issue of {@code number} and {@code html_url}; null for a pull request (GitHub lists them as issues) */
    @Override
    TrackerIssue issue(JsonNode answer) {
        long number = answer.path("number").asLong(0);
        return number <= 0 || answer.has("pull_request") ? null
                : new TrackerIssue(provider(), key(number), answer.path("html_url").asText(null));
    }

    @Override
    public void close(String key, boolean completed, String comment) {
        state(key, comment, TrackerHttp.MAPPER.createObjectNode().put("state", "closed")
                .put("state_reason", completed ? "completed" : "not_planned"));
    }

    @Override
    public void reopen(String key, String comment) {
        state(key, comment, TrackerHttp.MAPPER.createObjectNode().put("state", "open").put("state_reason", "reopened"));
    }

    private void state(String key, String comment, ObjectNode change) {
        String number = Long.toString(number(key));
        commentThen(url("issues", number, "comments"), comment,
                request(url("issues", number)).patch(TrackerHttp.json(change)).build());
    }

    /** @return the key of issue {@code number} in the configured repository: {@code owner/repo#number}, lower case */
    public String key(long number) {
        return (settings.owner() + "/" + settings.repo()).toLowerCase(Locale.ROOT) + "#" + number;
    }

    private long number(String key) {
        int hash = key.lastIndexOf('#');
        if (hash < 0 || !key.substring(0, hash).equalsIgnoreCase(settings.owner() + "/" + settings.repo())) {
            throw new TrackerException("GitHub: issue " + key + " is not in " + settings.owner() + "/" + settings.repo(),
                    0, true, null);
        }
        return Long.parseLong(key.substring(hash + 1));
    }

    private HttpUrl url(String... segments) {
        return url(HttpUrl.get(settings.apiUrl()).newBuilder().addPathSegment("repos")
                .addPathSegment(settings.owner()).addPathSegment(settings.repo()), segments);
    }

    @Override
    Request.Builder request(HttpUrl url) {
        return new Request.Builder().url(url).header("Accept", "application/vnd.github+json")
                .header("Authorization", "Bearer " + settings.token()).header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "incident-bot");
    }
}
