package io.incidentbot.trackers.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbot.trackers.TrackerSettings;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.time.Clock;
import java.util.List;

/**
 * GitLab issues through REST API v4 ("Issues API"):
 * <ul>
 *   <li>create: {@code POST /api/v4/projects/:id/issues} ({@code :id} the numeric ID or the URL-encoded
 *       {@code group/project} path) with {@code title}, {@code description} (Markdown), {@code labels}
 *       (comma-separated), {@code due_date} ({@code YYYY-MM-DD}) and {@code assignee_ids} when the user map gives
 *       the owner's numeric GitLab user ID; answers 201 with {@code iid}, {@code project_id}, {@code web_url};</li>
 *   <li>close / reopen: {@code POST /api/v4/projects/:id/issues/:issue_iid/notes} with {@code body}, then
 *       {@code PUT /api/v4/projects/:id/issues/:issue_iid} with {@code state_event: close | reopen}. GitLab has no
 *       "won't do" reason: both kinds of closing close the issue, the comment says which.</li>
 * </ul>
 * Authentication: {@code PRIVATE-TOKEN: GITLAB_TOKEN} (a project access token, Reporter or above, {@code api} scope).
 */
public final class GitLabIssues implements TrackerClient {
    private final TrackerSettings.GitLab settings;
    private final List<String> labels;
    private final TrackerHttp http;

    /**
     * @param settings URL, token and project
     * @param labels   labels for each created issue
     * @param http     the shared OkHttp client
     * @param clock    "now", for {@code Retry-After} dates
     */
    public GitLabIssues(TrackerSettings.GitLab settings, List<String> labels, OkHttpClient http, Clock clock) {
        this.settings = settings;
        this.labels = List.copyOf(labels);
        this.http = new TrackerHttp(http, "GitLab", clock);
    }

    @Override
    public String provider() {
        return "gitlab";
    }

    @Override
    public TrackerIssue create(IssueDraft draft) {
        ObjectNode body = TrackerHttp.MAPPER.createObjectNode();
        body.put("title", draft.title());
        body.put("description", draft.markdown());
        if (!labels.isEmpty()) {
            body.put("labels", String.join(",", labels));
        }
        if (draft.due() != null) {
            body.put("due_date", draft.due().toString());
        }
        if (draft.assignee() != null && draft.assignee().matches("\\d{1,18}")) {
            body.putArray("assignee_ids").add(Long.parseLong(draft.assignee()));
        }
        JsonNode issue = http.send(request(url(settings.project(), "issues")).post(TrackerHttp.json(body)).build());
        long iid = issue.path("iid").asLong(0);
        long project = issue.path("project_id").asLong(0);
        if (iid <= 0 || project <= 0) {
            throw new TrackerException("GitLab 201: the answer has no iid or project_id", 201, true, null);
        }
        return new TrackerIssue(provider(), project + "#" + iid, issue.path("web_url").asText(null));
    }

    /**
     * {@code GET /api/v4/projects/:id/issues?order_by=created_at&sort=desc&per_page=30}: the 30 newest issues,
     * matched on the marker line in their description.
     */
    @Override
    public java.util.Optional<TrackerIssue> findCreated(IssueDraft draft) {
        HttpUrl url = url(settings.project(), "issues").newBuilder().addQueryParameter("order_by", "created_at")
                .addQueryParameter("sort", "desc").addQueryParameter("per_page", "30").build();
        for (JsonNode issue : http.send(request(url).get().build())) {
            if (issue.path("description").asText("").contains(draft.marker())) {
                return java.util.Optional.of(new TrackerIssue(provider(), issue.path("project_id").asLong() + "#"
                        + issue.path("iid").asLong(), issue.path("web_url").asText(null)));
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public void close(String key, boolean completed, String comment) {
        change(key, "close", comment);
    }

    @Override
    public void reopen(String key, String comment) {
        change(key, "reopen", comment);
    }

    private void change(String key, String event, String comment) {
        int hash = key.indexOf('#');
        if (hash < 0) {
            throw new TrackerException("GitLab: '" + key + "' is not a project#iid key", 0, true, null);
        }
        String project = key.substring(0, hash);
        String iid = key.substring(hash + 1);
        http.send(request(url(project, "issues", iid, "notes"))
                .post(TrackerHttp.json(TrackerHttp.MAPPER.createObjectNode().put("body", comment))).build());
        http.send(request(url(project, "issues", iid))
                .put(TrackerHttp.json(TrackerHttp.MAPPER.createObjectNode().put("state_event", event))).build());
    }

    private HttpUrl url(String project, String... segments) {
        // addPathSegment encodes the slashes of a group/project path as %2F, as the API asks
        HttpUrl.Builder b = HttpUrl.get(settings.url()).newBuilder().addPathSegments("api/v4/projects")
                .addPathSegment(project);
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b.build();
    }

    private Request.Builder request(HttpUrl url) {
        return new Request.Builder().url(url).header("PRIVATE-TOKEN", settings.token()).header("Accept", "application/json")
                .header("User-Agent", "incident-bot");
    }
}
