package io.incidentbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.Credentials;
import okhttp3.mockwebserver.MockResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Jira Cloud's REST API v3 for one project: {@code POST /rest/api/3/issue} (201 with
 * {@code id}, {@code key}, {@code self}), {@code POST /rest/api/3/issue/{key}/comment},
 * {@code GET} and {@code POST /rest/api/3/issue/{key}/transitions} with the four transitions of a
 * simplified workflow (To Do, In Progress, Done, Won't Do), and {@code POST /rest/api/3/search/jql} for the
 * project-and-label JQL the bot sends. Checks basic auth, the project key, the
 * {@code summary} and {@code issuetype}, that {@code description} and comment bodies are Atlassian Document
 * Format ({@code type: doc}, {@code version: 1}, typed nodes, no empty text node), {@code duedate} as
 * {@code YYYY-MM-DD} and {@code priority.name} among Jira's defaults; a refused field is 400 with Jira's
 * {@code errorMessages}/{@code errors} shape.
 */
public final class JiraStandIn extends TrackerStandIn {
    public static final String EMAIL = "bot@acme.example";
    public static final String API_TOKEN = "jira-api-token-test";

    /** An issue as the stand-in keeps it. */
    public static final class Issue {
        public final String key;
        public final JsonNode fields;
        public volatile String status = "To Do";
        public final List<JsonNode> comments = new java.util.concurrent.CopyOnWriteArrayList<>();

        Issue(String key, JsonNode fields) {
            this.key = key;
            this.fields = fields;
        }
    }

    private static final List<String[]> TRANSITIONS = List.of(
            new String[] {"11", "To Do", "new"}, new String[] {"21", "In Progress", "indeterminate"},
            new String[] {"31", "Done", "done"}, new String[] {"41", "Won't Do", "done"});

    private final String project;
    private final Map<String, Issue> issues = new ConcurrentHashMap<>();
    private final AtomicInteger numbers = new AtomicInteger(0);
    private final AtomicInteger staleSearches = new AtomicInteger(0);

    /** @param project the project key the stand-in serves, e.g. {@code OPS} */
    public JiraStandIn(String project) {
        this.project = project;
    }

    /**
     * Makes the next {@code searches} searches answer as Jira Cloud's eventually consistent index can just after a
     * create: without the issues already made (an empty {@code issues} list).
     */
    public void hideFromNextSearches(int searches) {
        staleSearches.set(searches);
    }

    /** @return the issue with this key, or null */
    public Issue issue(String key) {
        return issues.get(key);
    }

    /** @return every issue, in creation order */
    public List<Issue> issues() {
        List<Issue> all = new ArrayList<>(issues.values());
        all.sort(java.util.Comparator.comparingInt(i -> Integer.parseInt(i.key.substring(i.key.indexOf('-') + 1))));
        return all;
    }

    @Override
    protected MockResponse answer(Call call) {
        if (!Credentials.basic(EMAIL, API_TOKEN).equals(call.header("Authorization"))) {
            return json(401, "{\"errorMessages\":[\"You are not authenticated. Authentication required to perform this operation.\"],\"errors\":{}}");
        }
        String p = call.path();
        if (p.equals("/rest/api/3/issue") && call.method().equals("POST")) {
            return create(call);
        }
        if (p.equals("/rest/api/3/search/jql") && call.method().equals("POST")) {
            return search(call);
        }
        String[] parts = p.split("/");
        // "", rest, api, 3, issue, KEY, sub
        if (parts.length != 7 || !p.startsWith("/rest/api/3/issue/")) {
            return json(404, "{\"errorMessages\":[\"null for uri: " + p + "\"]}");
        }
        Issue issue = issues.get(parts[5]);
        if (issue == null) {
            return json(404, "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}");
        }
        switch (parts[6] + " " + call.method()) {
            case "comment POST" -> {
                String why = adf(call.body().path("body"));
                if (why != null) {
                    return bad(call, "comment", "Comment body is not valid: " + why);
                }
                issue.comments.add(call.body().get("body"));
                return json(201, JSON.createObjectNode().put("id", "100" + issue.comments.size()));
            }
            case "transitions GET" -> {
                ObjectNode o = JSON.createObjectNode();
                ArrayNode list = o.putArray("transitions");
                for (String[] t : TRANSITIONS) {
                    ObjectNode to = list.addObject().put("id", t[0]).put("name", t[1]).putObject("to").put("name", t[1]);
                    to.putObject("statusCategory").put("key", t[2]);
                }
                return json(200, o);
            }
            case "transitions POST" -> {
                String id = call.body().path("transition").path("id").asText("");
                for (String[] t : TRANSITIONS) {
                    if (t[0].equals(id)) {
                        issue.status = t[1];
                        return new MockResponse().setResponseCode(204);
                    }
                }
                return bad(call, "transition", "Transition id '" + id + "' is not valid for this issue.");
            }
            default -> {
                return json(405, "{\"errorMessages\":[\"Method Not Allowed\"]}");
            }
        }
    }

    private static final java.util.regex.Pattern JQL = java.util.regex.Pattern.compile(
            "project = \"([^\"]+)\" AND labels = \"([^\"]+)\" ORDER BY created DESC");

    /**
     * {@code POST /rest/api/3/search/jql} ("Issue search", enhanced JQL search): only the JQL the bot sends, a
     * project and a label, newest first; {@code maxResults} and {@code fields} as documented; answers
     * {@code issues} (each {@code id}, {@code key}, {@code self}, the asked {@code fields}) without
     * {@code nextPageToken} (one page). A JQL of another shape is 400, as Jira answers an invalid query.
     */
    private MockResponse search(Call call) {
        java.util.regex.Matcher m = JQL.matcher(call.body().path("jql").asText(""));
        if (!m.matches() || !call.body().path("maxResults").canConvertToInt() || !call.body().path("fields").isArray()) {
            return bad(call, "jql", "The JQL query is not valid: " + call.body().path("jql").asText(""));
        }
        ObjectNode o = JSON.createObjectNode();
        ArrayNode list = o.putArray("issues");
        List<Issue> all = new ArrayList<>(staleSearches.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? List.of() : issues());
        java.util.Collections.reverse(all);
        for (Issue i : all) {
            boolean labelled = false;
            for (JsonNode l : i.fields.path("labels")) {
                labelled |= l.asText().equals(m.group(2));
            }
            if (m.group(1).equals(project) && labelled && list.size() < call.body().path("maxResults").asInt()) {
                String id = Integer.toString(10000 + Integer.parseInt(i.key.substring(i.key.indexOf('-') + 1)));
                list.addObject().put("id", id).put("key", i.key).put("self", url() + "/rest/api/3/issue/" + id)
                        .putObject("fields").put("summary", i.fields.path("summary").asText());
            }
        }
        return json(200, o);
    }

    /** @return the status category key of the issue's status ({@code new}, {@code indeterminate}, {@code done}) */
    public String category(String key) {
        String status = issues.get(key).status;
        return TRANSITIONS.stream().filter(t -> t[1].equals(status)).findFirst().orElseThrow()[2];
    }

    private MockResponse create(Call call) {
        JsonNode f = call.body().path("fields");
        if (!f.isObject()) {
            return bad(call, "fields", "fields is required");
        }
        if (!project.equals(f.path("project").path("key").asText(null))) {
            return bad(call, "project", "valid project is required");
        }
        String summary = f.path("summary").asText("");
        if (summary.isBlank() || summary.length() > 255 || summary.contains("\n")) {
            return bad(call, "summary", "You must specify a summary of the issue.");
        }
        if (!f.path("issuetype").has("name") && !f.path("issuetype").has("id")) {
            return bad(call, "issuetype", "Specify an issue type");
        }
        if (f.has("description")) {
            String why = adf(f.get("description"));
            if (why != null) {
                return bad(call, "description", "Operation value must be an Atlassian Document (" + why + ")");
            }
        }
        if (f.has("duedate") && !f.get("duedate").asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return bad(call, "duedate", "Error parsing date string: " + f.get("duedate").asText());
        }
        if (f.has("priority") && !Set.of("Highest", "High", "Medium", "Low", "Lowest").contains(f.path("priority").path("name").asText())) {
            return bad(call, "priority", "Specify the Priority (name) in the string format");
        }
        if (f.has("assignee") && !f.path("assignee").path("accountId").isTextual()) {
            return bad(call, "assignee", "Specify a valid value for assignee");
        }
        for (JsonNode l : f.path("labels")) {
            if (!l.isTextual() || l.asText().contains(" ")) {
                return bad(call, "labels", "The label '" + l.asText() + "' contains spaces which is invalid.");
            }
        }
        int n = numbers.incrementAndGet();
        String key = project + "-" + n;
        issues.put(key, new Issue(key, f));
        return json(201, JSON.createObjectNode().put("id", Integer.toString(10000 + n)).put("key", key)
                .put("self", url() + "/rest/api/3/issue/" + (10000 + n)));
    }

    /** @return why {@code doc} is not an ADF document, or null when it is */
    static String adf(JsonNode doc) {
        if (!"doc".equals(doc.path("type").asText()) || doc.path("version").asInt() != 1 || !doc.path("content").isArray()) {
            return "not a doc of version 1 with content";
        }
        return nodes(doc.get("content"));
    }

    private static String nodes(JsonNode content) {
        for (JsonNode n : content) {
            String type = n.path("type").asText("");
            if (type.isEmpty()) {
                return "a node without type";
            }
            if (type.equals("text")) {
                if (n.path("text").asText("").isEmpty()) {
                    return "an empty text node";
                }
                for (JsonNode m : n.path("marks")) {
                    if (m.path("type").asText().equals("link") && !m.path("attrs").path("href").isTextual()) {
                        return "a link mark without href";
                    }
                }
            } else if (!Set.of("paragraph", "bulletList", "orderedList", "listItem", "heading", "codeBlock", "hardBreak",
                    "rule", "blockquote").contains(type)) {
                return "unknown node type " + type;
            } else if (n.has("content")) {
                String why = nodes(n.get("content"));
                if (why != null) {
                    return why;
                }
            }
        }
        return null;
    }

    private MockResponse bad(Call call, String field, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.putArray("errorMessages");
        o.putObject("errors").put(field, message);
        return refuse(call, field + ": " + message, json(400, o));
    }
}
