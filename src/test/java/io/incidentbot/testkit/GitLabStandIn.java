package io.incidentbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.MockResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for GitLab's REST API v4 issues ("Issues API", "Notes API") for one project:
 * {@code POST /api/v4/projects/:id/issues} (201 with {@code iid}, {@code project_id}, {@code web_url}),
 * {@code PUT /api/v4/projects/:id/issues/:iid} ({@code state_event} close / reopen),
 * {@code POST /api/v4/projects/:id/issues/:iid/notes}. {@code :id} is the numeric project ID
 * ({@value #PROJECT_ID}) or the URL-encoded path (a path sent with a raw {@code /} is 404, as on GitLab).
 * Checks {@code PRIVATE-TOKEN}, {@code title}, {@code labels} as a comma-separated string,
 * {@code due_date} as {@code YYYY-MM-DD}, {@code assignee_ids} as numbers; refusals in GitLab's shapes
 * ({@code {"message": ...}} or {@code {"error": ...}}).
 */
public final class GitLabStandIn extends TrackerStandIn {
    public static final String TOKEN = "glpat-test-0000";
    public static final long PROJECT_ID = 14;

    /** An issue as the stand-in keeps it. */
    public static final class Issue {
        public final long iid;
        public final JsonNode created;
        public volatile String state = "opened";
        public final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();

        Issue(long iid, JsonNode created) {
            this.iid = iid;
            this.created = created;
        }
    }

    private final String path;
    private final Map<Long, Issue> issues = new ConcurrentHashMap<>();
    private final AtomicInteger numbers = new AtomicInteger(0);

    /** @param path the project's {@code group/project} path */
    public GitLabStandIn(String path) {
        this.path = path;
    }

    /** @return the issue with this IID, or null */
    public Issue issue(long iid) {
        return issues.get(iid);
    }

    /** @return every issue, in creation order */
    public List<Issue> issues() {
        List<Issue> all = new ArrayList<>(issues.values());
        all.sort(java.util.Comparator.comparingLong(i -> i.iid));
        return all;
    }

    @Override
    protected MockResponse answer(Call call) {
        if (!TOKEN.equals(call.header("PRIVATE-TOKEN"))) {
            return json(401, "{\"message\":\"401 Unauthorized\"}");
        }
        String encoded = "/api/v4/projects/" + path.replace("/", "%2F");
        String numeric = "/api/v4/projects/" + PROJECT_ID;
        String raw = call.rawPath();
        String rest;
        if (raw.startsWith(encoded + "/")) {
            rest = raw.substring(encoded.length());
        } else if (raw.startsWith(numeric + "/")) {
            rest = raw.substring(numeric.length());
        } else {
            return json(404, "{\"message\":\"404 Project Not Found\"}");
        }
        if (rest.equals("/issues") && call.method().equals("POST")) {
            return create(call);
        }
        if (rest.equals("/issues") && call.method().equals("GET")) {
            com.fasterxml.jackson.databind.node.ArrayNode list = JSON.createArrayNode();
            List<Issue> newest = issues();
            java.util.Collections.reverse(newest);
            newest.stream().limit(30).forEach(i -> list.add(view(i).put("description", i.created.path("description").asText())));
            return json(200, list);
        }
        String[] parts = rest.split("/");
        if (parts.length < 3 || !parts[2].matches("\\d+") || issues.get(Long.parseLong(parts[2])) == null) {
            return json(404, "{\"message\":\"404 Issue Not Found\"}");
        }
        Issue issue = issues.get(Long.parseLong(parts[2]));
        if (parts.length == 3 && call.method().equals("PUT")) {
            String event = call.body().path("state_event").asText("");
            switch (event) {
                case "close" -> issue.state = "closed";
                case "reopen" -> issue.state = "opened";
                default -> {
                    return refuse(call, "state_event " + event, json(400, "{\"error\":\"state_event does not have a valid value\"}"));
                }
            }
            return json(200, view(issue));
        }
        if (parts.length == 4 && parts[3].equals("notes") && call.method().equals("POST")) {
            String body = call.body().path("body").asText("");
            if (body.isBlank()) {
                return refuse(call, "note body", json(400, "{\"error\":\"body is missing\"}"));
            }
            issue.notes.add(body);
            return json(201, JSON.createObjectNode().put("id", 300 + issue.notes.size()).put("body", body));
        }
        return json(404, "{\"error\":\"404 Not Found\"}");
    }

    private MockResponse create(Call call) {
        JsonNode b = call.body();
        if (b.path("title").asText("").isBlank()) {
            return refuse(call, "title", json(400, "{\"error\":\"title is missing\"}"));
        }
        if (b.has("labels") && !b.get("labels").isTextual() && !b.get("labels").isArray()) {
            return refuse(call, "labels", json(400, "{\"error\":\"labels is invalid\"}"));
        }
        if (b.has("due_date") && !b.get("due_date").asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return refuse(call, "due_date", json(400, "{\"error\":\"due_date is invalid\"}"));
        }
        for (JsonNode a : b.path("assignee_ids")) {
            if (!a.canConvertToLong()) {
                return refuse(call, "assignee_ids", json(400, "{\"error\":\"assignee_ids is invalid\"}"));
            }
        }
        long iid = numbers.incrementAndGet();
        Issue issue = new Issue(iid, b);
        issues.put(iid, issue);
        return json(201, view(issue));
    }

    private ObjectNode view(Issue issue) {
        return JSON.createObjectNode().put("id", 84000 + issue.iid).put("iid", issue.iid).put("project_id", PROJECT_ID)
                .put("title", issue.created.path("title").asText()).put("state", issue.state)
                .put("web_url", "https://gitlab.example.com/" + path + "/-/issues/" + issue.iid);
    }
}
