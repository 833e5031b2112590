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
public final class GitLabIssues extends MarkdownIssues {
    private final TrackerSettings.GitLab settings;

    /**
     * @param settings URL, token and project
     * @param labels   labels for each created issue
     * @param http     the shared OkHttp client
     * @param clock    "now", for {@code Retry-After} dates
     */
    public GitLabIssues(TrackerSettings.GitLab settings, List<String> labels, OkHttpClient http, Clock clock) {
        super(labels, new TrackerHttp(http, "GitLab", clock));
        this.settings = settings;
    }

    @Override
    public String provider() {
        return "gitlab";
    }

    @Override
    HttpUrl issues() {
        return url(settings.project(), "issues");
    }

    /** {@code GET /api/v4/projects/:id/issues?order_by=created_at&sort=desc&per_page=30} */
    @Override
    HttpUrl newestIssues() {
        return issues().newBuilder().addQueryParameter("order_by", "created_at").addQueryParameter("sort", "desc")
                .addQueryParameter("per_page", Integer.toString(NEWEST)).build();
    }

    @Override
    String bodyField() {
        return "description";
    }

    @Override
    void fields(ObjectNode body, IssueDraft draft) {
        if (!labels.isEmpty()) {
            body.put("labels", String.join(",", labels));
        }
        if (draft.due() != null) {
            body.put("due_date", draft.due().toString());
        }
        if (draft.assignee() != null && draft.assignee().matches("\\d{1,18}")) {
            body.putArray("assignee_ids").add(Long.parseLong(draft.assignee()));
        }
    }

    /** @return the issue {@code project_id#iid} with its {@code web_url}; null when the answer lacks either number */
    @Override
    TrackerIssue issue(JsonNode answer) {
        long iid = answer.path("iid").asLong(0);
        long project = answer.path("project_id").asLong(0);
        return iid <= 0 || project <= 0 ? null
                : new TrackerIssue(provider(), project + "#" + iid, answer.path("web_url").asText(null));
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
        commentThen(url(project, "issues", iid, "notes"), comment, request(url(project, "issues", iid))
                .put(TrackerHttp.json(TrackerHttp.MAPPER.createObjectNode().put("state_event", event))).build());
    }

    private HttpUrl url(String project, String... segments) {
        // addPathSegment encodes the slashes of a group/project path as %2F, as the API asks
        return url(HttpUrl.get(settings.url()).newBuilder().addPathSegments("api/v4/projects").addPathSegment(project),
                segments);
    }

    @Override
    Request.Builder request(HttpUrl url) {
        return new Request.Builder().url(url).header("PRIVATE-TOKEN", settings.token()).header("Accept", "application/json")
                .header("User-Agent", "incident-bot");
    }
}
