package io.incidentbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.MockResponse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for GitHub's REST API for issues ("REST API endpoints for issues" and "... for issue comments",
 * API version 2022-11-28), for one repository: {@code POST /repos/{owner}/{repo}/issues} (201 with
 * {@code number}, {@code html_url}), {@code PATCH /repos/{owner}/{repo}/issues/{number}} ({@code state},
 * {@code state_reason}), {@code POST /repos/{owner}/{repo}/issues/{number}/comments}. Checks
 * {@code Authorization: Bearer}, the {@code Accept: application/vnd.github+json} and {@code User-Agent}
 * headers, and each body's fields (a missing title is 422 "Invalid request." as GitHub answers); another
 * repository is 404 "Not Found", a wrong token 401 "Bad credentials".
 */
public final class GitHubIssuesStandIn extends TrackerStandIn {
    /** The token tests configure as {@code GITHUB_TOKEN}. */
    public static final String TOKEN = "github_pat_test_0000";

    /** An issue as the stand-in keeps it. */
    public static final class Issue {
        public final int number;
        public final String title;
        public final String body;
        public final List<String> labels;
        public final List<String> assignees;
        public volatile String state = "open";
        public volatile String stateReason;
        public final List<String> comments = new java.util.concurrent.CopyOnWriteArrayList<>();

        Issue(int number, String title, String body, List<String> labels, List<String> assignees) {
            this.number = number;
            this.title = title;
            this.body = body;
            this.labels = labels;
            this.assignees = assignees;
        }
    }

    private final String owner;
    private final String repo;
    private final Map<Integer, Issue> issues = new ConcurrentHashMap<>();
    private final AtomicInteger numbers = new AtomicInteger(0);

    /** @param ownerRepo {@code owner/repo} the stand-in serves */
    public GitHubIssuesStandIn(String ownerRepo) {
        this.owner = ownerRepo.substring(0, ownerRepo.indexOf('/'));
        this.repo = ownerRepo.substring(ownerRepo.indexOf('/') + 1);
    }

    /** @return the issue with this number, or null */
    public Issue issue(int number) {
        return issues.get(number);
    }

    /** @return every issue created, by number */
    public List<Issue> issues() {
        List<Issue> all = new ArrayList<>(issues.values());
        all.sort(java.util.Comparator.comparingInt(i -> i.number));
        return all;
    }

    @Override
    protected MockResponse answer(Call call) {
        if (!("Bearer " + TOKEN).equals(call.header("Authorization"))) {
            return json(401, "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}");
        }
        if (call.header("User-Agent") == null) {
            return refuse(call, "no User-Agent", json(403, "{\"message\":\"Request forbidden by administrative rules. Please make sure your request has a User-Agent header\"}"));
        }
        if (!"application/vnd.github+json".equals(call.header("Accept"))) {
            refuse(call, "Accept is not application/vnd.github+json", null);
        }
        String prefix = "/repos/" + owner + "/" + repo + "/issues";
        if (!call.path().startsWith(prefix)) {
            return notFound();
        }
        String rest = call.path().substring(prefix.length());
        if (rest.isEmpty() && call.method().equals("POST")) {
            return create(call);
        }
        if (rest.isEmpty() && call.method().equals("GET")) {
            com.fasterxml.jackson.databind.node.ArrayNode list = JSON.createArrayNode();
            List<Issue> newest = issues();
            java.util.Collections.reverse(newest);
            newest.stream().limit(30).forEach(i -> list.add(view(i)));
            return json(200, list);
        }
        String[] parts = rest.split("/");
        if (parts.length < 2 || !parts[1].matches("\\d+")) {
            return notFound();
        }
        Issue issue = issues.get(Integer.parseInt(parts[1]));
        if (issue == null) {
            return notFound();
        }
        if (parts.length == 2 && call.method().equals("PATCH")) {
            return update(call, issue);
        }
        if (parts.length == 3 && parts[2].equals("comments") && call.method().equals("POST")) {
            JsonNode body = call.body().path("body");
            if (!body.isTextual() || body.asText().isBlank()) {
                return invalid(call, "body", "missing_field");
            }
            issue.comments.add(body.asText());
            return json(201, JSON.createObjectNode().put("id", 1000 + issue.comments.size()).put("body", body.asText())
                    .put("html_url", "https://github.com/" + owner + "/" + repo + "/issues/" + issue.number + "#issuecomment-1"));
        }
        return notFound();
    }

    private MockResponse create(Call call) {
        JsonNode b = call.body();
        for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("title", "body", "assignee", "milestone", "labels", "assignees", "type").contains(f)) {
                return invalid(call, f, "invalid");
            }
        }
        if (!b.path("title").isTextual() || b.path("title").asText().isBlank()) {
            return invalid(call, "title", "missing_field");
        }
        if (b.has("body") && !b.get("body").isTextual()) {
            return invalid(call, "body", "invalid");
        }
        List<String> labels = strings(b.get("labels"));
        List<String> assignees = strings(b.get("assignees"));
        if ((b.has("labels") && labels == null) || (b.has("assignees") && assignees == null)) {
            return invalid(call, b.has("labels") && labels == null ? "labels" : "assignees", "invalid");
        }
        int n = numbers.incrementAndGet();
        Issue issue = new Issue(n, b.get("title").asText(), b.path("body").asText(null), labels == null ? List.of() : labels,
                assignees == null ? List.of() : assignees);
        issues.put(n, issue);
        return json(201, view(issue));
    }

    private MockResponse update(Call call, Issue issue) {
        JsonNode b = call.body();
        String state = b.path("state").asText(null);
        if (state != null && !Set.of("open", "closed").contains(state)) {
            return invalid(call, "state", "invalid");
        }
        String reason = b.path("state_reason").isNull() ? null : b.path("state_reason").asText(null);
        if (reason != null && !Set.of("completed", "not_planned", "reopened", "duplicate").contains(reason)) {
            return invalid(call, "state_reason", "invalid");
        }
        if (state != null) {
            issue.state = state;
            issue.stateReason = reason;
        }
        return json(200, view(issue));
    }

    private ObjectNode view(Issue issue) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", 444500000L + issue.number).put("number", issue.number).put("title", issue.title).put("body", issue.body)
                .put("state", issue.state).put("state_reason", issue.stateReason)
                .put("url", url() + "/repos/" + owner + "/" + repo + "/issues/" + issue.number)
                .put("html_url", "https://github.com/" + owner + "/" + repo + "/issues/" + issue.number);
        issue.labels.forEach(l -> o.withArray("labels").addObject().put("name", l));
        issue.assignees.forEach(a -> o.withArray("assignees").addObject().put("login", a));
        return o;
    }

    private static List<String> strings(JsonNode array) {
        if (array == null) {
            return null;
        }
        if (!array.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                return null;
            }
            out.add(n.asText());
        }
        return out;
    }

    private MockResponse invalid(Call call, String field, String code) {
        return refuse(call, field + " " + code, json(422, "{\"message\":\"Invalid request.\",\"errors\":[{\"resource\":\"Issue\","
                + "\"field\":\"" + field + "\",\"code\":\"" + code + "\"}],\"documentation_url\":\"https://docs.github.com/rest/issues/issues#create-an-issue\",\"status\":\"422\"}"));
    }

    private static MockResponse notFound() {
        return json(404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}");
    }
}
