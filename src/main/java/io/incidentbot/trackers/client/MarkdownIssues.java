package io.incidentbot.trackers.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.HttpUrl;
import okhttp3.Request;

import java.util.List;
import java.util.Optional;

/**
 * What GitHub Issues and GitLab issues share (issue 22): an issue is created with a {@code title} and a Markdown
 * body ({@link IssueDraft#markdown}, holding the follow-up's {@link IssueDraft#marker}); an issue an attempt made
 * although its answer was lost is found among the project's 30 newest issues by that marker; a state change is a
 * comment ({@code {"body": text}}) followed by the change itself. Each tracker says where its issues are, how it
 * authenticates, which field holds the body, what else a new issue carries and how an answer names an issue.
 */
abstract class MarkdownIssues implements TrackerClient {
    /** How many of the newest issues {@link #findCreated} looks through. */
    static final int NEWEST = 30;

    protected final List<String> labels;
    protected final TrackerHttp http;

    /**
     * @param labels labels for each created issue
     * @param http   the tracker's HTTP calls
     */
    MarkdownIssues(List<String> labels, TrackerHttp http) {
        this.labels = List.copyOf(labels);
        this.http = http;
    }

    /** @return the project's issues collection: {@code POST} creates one there, {@code GET} lists them */
    abstract HttpUrl issues();

    /** @return {@link #issues()} with the query that lists the {@value #NEWEST} newest first */
    abstract HttpUrl newestIssues();

    /** @return the JSON field that holds an issue's Markdown body: {@code body} (GitHub), {@code description} (GitLab) */
    abstract String bodyField();

    /** Adds this tracker's other fields of a new issue (labels, assignee, due date) to its JSON {@code body}. */
    abstract void fields(ObjectNode body, IssueDraft draft);

    /** @return the issue an answer (the created issue, or one of a list) names, or null when it names none */
    abstract TrackerIssue issue(JsonNode answer);

    /** @return {@code url} with this tracker's authentication and {@code Accept} headers */
    abstract Request.Builder request(HttpUrl url);

    @Override
    public final TrackerIssue create(IssueDraft draft) {
        ObjectNode body = TrackerHttp.MAPPER.createObjectNode().put("title", draft.title()).put(bodyField(), draft.markdown());
        fields(body, draft);
        TrackerIssue issue = issue(http.send(request(issues()).post(TrackerHttp.json(body)).build()));
        if (issue == null) {
            throw new TrackerException(http.tracker() + " 201: the answer names no issue", 201, true, null);
        }
        return issue;
    }

    /** {@code GET} {@link #newestIssues()} (not a search API, whose index lags), matched on the marker line of the body. */
    @Override
    public final Optional<TrackerIssue> findCreated(IssueDraft draft) {
        for (JsonNode answer : http.send(request(newestIssues()).get().build())) {
            TrackerIssue issue = answer.path(bodyField()).asText("").contains(draft.marker()) ? issue(answer) : null;
            if (issue != null) {
                return Optional.of(issue);
            }
        }
        return Optional.empty();
    }

    /** Posts {@code comment} ({@code {"body": comment}}) to {@code comments}, then sends {@code change}. */
    final void commentThen(HttpUrl comments, String comment, Request change) {
        http.send(request(comments).post(TrackerHttp.json(TrackerHttp.MAPPER.createObjectNode().put("body", comment))).build());
        http.send(change);
    }

    /** @return {@code base} with {@code segments} appended, each one encoded as one path segment */
    static HttpUrl url(HttpUrl.Builder base, String... segments) {
        for (String s : segments) {
            base.addPathSegment(s);
        }
        return base.build();
    }
}
