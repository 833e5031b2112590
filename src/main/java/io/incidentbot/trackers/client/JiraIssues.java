package io.incidentbot.trackers.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbot.trackers.TrackerSettings;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Jira Cloud issues through REST API v3 ("The Jira Cloud platform REST API", Issues and Issue comments):
 * <ul>
 *   <li>create: {@code POST /rest/api/3/issue} with {@code fields}: {@code project.key}, {@code summary},
 *       {@code issuetype.name} ({@code JIRA_ISSUE_TYPE}), {@code description} in Atlassian Document Format
 *       ({@link #description}, a Jackson tree), {@code labels}, {@code duedate} ({@code YYYY-MM-DD}),
 *       {@code priority.name} (p1 Highest, p2 High, p3 Medium) and {@code assignee.accountId} when the user map
 *       names the owner; answers 201 with {@code key}; the issue's page is {@code JIRA_URL/browse/KEY}. Each issue
 *       also gets the follow-up's label ({@link IssueDraft#label}), so that {@link #findCreated} can find it;</li>
 *   <li>find an issue an attempt made although its answer was lost: {@code POST /rest/api/3/search/jql} ("Issue
 *       search", search for issues using JQL enhanced search) with {@code jql} {@code project = "OPS" AND labels =
 *       "incident-bot-follow-up-17" ORDER BY created DESC}, {@code fields: ["summary"]}, {@code maxResults: 1};
 *       the answer's {@code issues[0].key};</li>
 *   <li>close: {@code POST /rest/api/3/issue/{key}/comment} (ADF body), {@code GET .../transitions}, then
 *       {@code POST .../transitions} with the transition whose target status category is {@code done}
 *       (for won't do, one named "Won't Do" or similar when the workflow has it);</li>
 *   <li>reopen: the comment, then the transition to a status of category {@code new} (To Do), else
 *       {@code indeterminate} (In Progress).</li>
 * </ul>
 * Authentication: basic auth with {@code JIRA_EMAIL} and {@code JIRA_API_TOKEN}.
 */
public final class JiraIssues implements TrackerClient {
    /**
     * Jira Cloud's search is eventually consistent: a new issue can be missing from {@code search/jql} for a few
     * seconds (Atlassian: "search results may not reflect recent changes immediately"). A retry after a lost create
     * answer searches again at least this long after that attempt before creating.
     */
    public static final java.time.Duration SEARCH_LAG = java.time.Duration.ofSeconds(30);

    private final TrackerSettings.Jira settings;
    private final List<String> labels;
    private final TrackerHttp http;

    /**
     * @param settings site, account, token, project and issue type
     * @param labels   labels for each created issue (spaces become {@code -}: Jira labels have none)
     * @param http     the shared OkHttp client
     * @param clock    "now", for {@code Retry-After} dates
     */
    public JiraIssues(TrackerSettings.Jira settings, List<String> labels, OkHttpClient http, Clock clock) {
        this.settings = settings;
        this.labels = labels.stream().map(l -> l.replaceAll("\\s+", "-")).toList();
        this.http = new TrackerHttp(http, "Jira", clock);
    }

    @Override
    public String provider() {
        return "jira";
    }

    /** @return Jira's priority name for p1..p3: Highest, High, Medium */
    public static String priority(int p) {
        return switch (p) {
            case 1 -> "Highest";
            case 2 -> "High";
            default -> "Medium";
        };
    }

    @Override
    public TrackerIssue create(IssueDraft draft) {
        ObjectNode root = TrackerHttp.MAPPER.createObjectNode();
        ObjectNode fields = root.putObject("fields");
        fields.putObject("project").put("key", settings.project());
        fields.put("summary", draft.title());
        fields.putObject("issuetype").put("name", settings.issueType());
        fields.set("description", description(draft));
        ArrayNode l = fields.putArray("labels");
        labels.forEach(l::add);
        l.add(draft.label());
        if (draft.due() != null) {
            fields.put("duedate", draft.due().toString());
        }
        if (draft.priority() != null) {
            fields.putObject("priority").put("name", priority(draft.priority()));
        }
        if (draft.assignee() != null && !draft.assignee().contains("@")) {
            fields.putObject("assignee").put("accountId", draft.assignee());
        }
        JsonNode created = http.send(request(url("issue")).post(TrackerHttp.json(root)).build());
        String key = created.path("key").asText("");
        if (key.isEmpty()) {
            throw new TrackerException("Jira 201: the answer has no issue key", 201, true, null);
        }
        return new TrackerIssue(provider(), key, settings.url() + "/browse/" + key);
    }

    /**
     * Looks for the issue of this follow-up by its label ({@link IssueDraft#label}) in the project, newest first.
     * Jira's search is eventually consistent: an issue made a moment ago may not be found yet; a retry comes after
     * the outbox's backoff, seconds later.
     */
    @Override
    public java.time.Duration searchLag() {
        return SEARCH_LAG;
    }

    @Override
    public java.util.Optional<TrackerIssue> findCreated(IssueDraft draft) {
        ObjectNode body = TrackerHttp.MAPPER.createObjectNode()
                .put("jql", "project = " + quoted(settings.project()) + " AND labels = " + quoted(draft.label())
                        + " ORDER BY created DESC")
                .put("maxResults", 1);
        body.putArray("fields").add("summary");
        JsonNode found = http.send(request(url("search", "jql")).post(TrackerHttp.json(body)).build()).path("issues");
        String key = found.path(0).path("key").asText("");
        return key.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new TrackerIssue(provider(), key, settings.url() + "/browse/" + key));
    }

    /** @return {@code text} as a JQL string literal (double quotes, {@code "} and {@code \} escaped) */
    static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * The issue description in Atlassian Document Format ("Atlassian Document Format", doc version 1): the
     * follow-up text as a paragraph, a paragraph naming the incident in bold, and a bullet list of the facts,
     * links as {@code link} marks.
     *
     * @return the {@code doc} node
     */
    public static ObjectNode description(IssueDraft draft) {
        ObjectNode doc = TrackerHttp.MAPPER.createObjectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        ArrayNode first = paragraph(content);
        text(first, draft.text().strip(), null);
        ArrayNode second = paragraph(content);
        text(second, "Follow-up of ", null);
        ObjectNode strong = TrackerHttp.MAPPER.createObjectNode().put("type", "strong");
        text(second, "incident " + draft.incident() + ": " + draft.incidentTitle(), strong);
        text(second, " (" + draft.severity() + ")", null);
        ArrayNode items = content.addObject().put("type", "bulletList").putArray("content");
        for (String[] line : draft.lines()) {
            ArrayNode p = paragraph(items.addObject().put("type", "listItem").putArray("content"));
            text(p, line[0] + ": ", null);
            boolean link = line[1].startsWith("https://") || line[1].startsWith("http://");
            ObjectNode mark = null;
            if (link) {
                mark = TrackerHttp.MAPPER.createObjectNode().put("type", "link");
                mark.putObject("attrs").put("href", line[1]);
            }
            text(p, line[1], mark);
        }
        return doc;
    }

    private static ArrayNode paragraph(ArrayNode parent) {
        return parent.addObject().put("type", "paragraph").putArray("content");
    }

    private static void text(ArrayNode parent, String text, ObjectNode mark) {
        if (text.isEmpty()) {
            return; // ADF refuses empty text nodes
        }
        ObjectNode t = parent.addObject().put("type", "text").put("text", text);
        if (mark != null) {
            t.putArray("marks").add(mark);
        }
    }

    private static ObjectNode plain(String text) {
        ObjectNode doc = TrackerHttp.MAPPER.createObjectNode().put("type", "doc").put("version", 1);
        text(paragraph(doc.putArray("content")), text, null);
        return doc;
    }

    @Override
    public void close(String key, boolean completed, String comment) {
        comment(key, comment);
        transition(key, List.of("done"), !completed);
    }

    @Override
    public void reopen(String key, String comment) {
        comment(key, comment);
        transition(key, List.of("new", "indeterminate"), false);
    }

    private void comment(String key, String text) {
        ObjectNode body = TrackerHttp.MAPPER.createObjectNode();
        body.set("body", plain(text));
        http.send(request(url("issue", key, "comment")).post(TrackerHttp.json(body)).build());
    }

    private void transition(String key, List<String> categories, boolean wontDo) {
        JsonNode available = http.send(request(url("issue", key, "transitions")).get().build()).path("transitions");
        String id = null;
        search:
        for (String category : categories) {
            for (JsonNode t : available) {
                if (!category.equals(t.path("to").path("statusCategory").path("key").asText())) {
                    continue;
                }
                boolean named = wontDo(t.path("name").asText()) || wontDo(t.path("to").path("name").asText());
                if (named == wontDo) {
                    id = t.path("id").asText();
                    break search;
                }
                if (id == null) {
                    id = t.path("id").asText();
                }
            }
            if (id != null) {
                break;
            }
        }
        if (id == null) {
            throw new TrackerException("Jira: issue " + key + " has no transition to a status of category "
                    + String.join(" or ", categories), 0, true, null);
        }
        ObjectNode body = TrackerHttp.MAPPER.createObjectNode();
        body.putObject("transition").put("id", id);
        http.send(request(url("issue", key, "transitions")).post(TrackerHttp.json(body)).build());
    }

    private static boolean wontDo(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("’", "'");
        return n.contains("won't") || n.contains("wont") || n.contains("not do") || n.contains("declin");
    }

    private HttpUrl url(String... segments) {
        HttpUrl.Builder b = HttpUrl.get(settings.url()).newBuilder().addPathSegments("rest/api/3");
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b.build();
    }

    private Request.Builder request(HttpUrl url) {
        return new Request.Builder().url(url).header("Authorization", Credentials.basic(settings.email(), settings.apiToken()))
                .header("Accept", "application/json").header("User-Agent", "incident-bot");
    }
}
