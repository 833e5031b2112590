package io.incidentbot.trackers.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbot.trackers.TrackerSettings;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

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
public final class GitHubIssues implements TrackerClient {
    private final TrackerSettings.GitHub settings;
    private final List<String> labels;
    private final TrackerHttp http;

    /**
     * @param settings repository, token and API URL
     * @param labels   labels for each created issue
     * @param http     the shared OkHttp client
     * @param clock    "now", for {@code Retry-After} dates
     */
    public GitHubIssues(TrackerSettings.GitHub settings, List<String> labels, OkHttpClient http, Clock clock) {
        this.settings = settings;
        this.labels = List.copyOf(labels);
        this.http = new TrackerHttp(http, "GitHub", clock);
    }

    @Override
    public String provider() {
        return "github";
    }

    @Override
    public TrackerIssue create(IssueDraft draft) {
        ObjectNode body = TrackerHttp.MAPPER.createObjectNode();
        body.put("title", draft.title());
        body.put("body", draft.markdown());
        body.putArray("labels").addAll(labels.stream().map(l -> (JsonNode) body.textNode(l)).toList());
        if (draft.assignee() != null) {
            body.putArray("assignees").add(draft.assignee());
        }
        JsonNode issue = http.send(request(url("issues")).post(TrackerHttp.json(body)).build());
        long number = issue.path("number").asLong(0);
        if (number <= 0) {
            throw new TrackerException("GitHub 201: the answer has no issue number", 201, true, null);
        }
        return new TrackerIssue(provider(), key(number), issue.path("html_url").asText(null));
    }

    /**
     * {@code GET /repos/{owner}/{repo}/issues?state=all&sort=created&direction=desc&per_page=30}: the 30 newest
     * issues (not the search API, whose index lags), matched on the marker line in their body.
     */
    @Override
    public java.util.Optional<TrackerIssue> findCreated(IssueDraft draft) {
        HttpUrl url = url("issues").newBuilder().addQueryParameter("state", "all").addQueryParameter("sort", "created")
                .addQueryParameter("direction", "desc").addQueryParameter("per_page", "30").build();
        for (JsonNode issue : http.send(request(url).get().build())) {
            if (issue.path("body").asText("").contains(draft.marker()) && !issue.has("pull_request")) {
                return java.util.Optional.of(new TrackerIssue(provider(), key(issue.path("number").asLong()),
                        issue.path("html_url").asText(null)));
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public void close(String key, boolean completed, String comment) {
        long number = number(key);
        comment(number, comment);
        ObjectNode body = TrackerHttp.MAPPER.createObjectNode().put("state", "closed")
                .put("state_reason", completed ? "completed" : "not_planned");
        http.send(request(url("issues", Long.toString(number))).patch(TrackerHttp.json(body)).build());
    }

    @Override
    public void reopen(String key, String comment) {
        long number = number(key);
        comment(number, comment);
        ObjectNode body = TrackerHttp.MAPPER.createObjectNode().put("state", "open").put("state_reason", "reopened");
        http.send(request(url("issues", Long.toString(number))).patch(TrackerHttp.json(body)).build());
    }

    private void comment(long number, String text) {
        RequestBody body = TrackerHttp.json(TrackerHttp.MAPPER.createObjectNode().put("body", text));
        http.send(request(url("issues", Long.toString(number), "comments")).post(body).build());
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
        HttpUrl.Builder b = HttpUrl.get(settings.apiUrl()).newBuilder().addPathSegment("repos")
                .addPathSegment(settings.owner()).addPathSegment(settings.repo());
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b.build();
    }

    private Request.Builder request(HttpUrl url) {
        return new Request.Builder().url(url).header("Accept", "application/vnd.github+json")
                .header("Authorization", "Bearer " + settings.token()).header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "incident-bot");
    }
}
