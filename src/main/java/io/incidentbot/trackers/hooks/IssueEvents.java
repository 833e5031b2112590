package io.incidentbot.trackers.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.hooks.MalformedPayloadException;
import io.incidentbot.trackers.FollowUpState;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Parsers of the three trackers' issue webhooks into {@link TrackerEvent}s. Each returns empty for an event that
 * does not change an issue's open/closed state (a label, an edit), and throws
 * {@link MalformedPayloadException} (a 400) for a body that is not the documented JSON.
 */
public final class IssueEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IssueEvents() {
    }

    /**
     * GitHub's {@code issues} event ("Webhook events and payloads", issues): {@code closed} with
     * {@code issue.state_reason} {@code not_planned} is won't do, any other {@code closed} is done,
     * {@code reopened} is open. Key: {@code repository.full_name} in lower case, {@code #}, {@code issue.number}.
     */
    public static Optional<TrackerEvent> github(byte[] body) {
        JsonNode n = read(body, "GitHub issues event");
        String action = n.path("action").asText("");
        FollowUpState state = switch (action) {
            case "closed" -> "not_planned".equals(n.path("issue").path("state_reason").asText()) ? FollowUpState.WONT_DO
                    : FollowUpState.DONE;
            case "reopened" -> FollowUpState.OPEN;
            default -> null;
        };
        if (state == null) {
            return Optional.empty();
        }
        String repo = n.path("repository").path("full_name").asText("");
        long number = n.path("issue").path("number").asLong(0);
        if (repo.isEmpty() || number <= 0) {
            throw new MalformedPayloadException("GitHub issues event without repository.full_name or issue.number");
        }
        return Optional.of(new TrackerEvent("github", repo.toLowerCase(Locale.ROOT) + "#" + number, state,
                "github:" + n.path("sender").path("login").asText("unknown"), time(n.path("issue").path("updated_at"))));
    }

    /**
     * Jira Cloud's {@code jira:issue_updated} ("Webhooks", issue-related events): only when its {@code changelog}
     * changes the {@code status}: a status of category {@code done} is done, or won't do when the status or
     * resolution is named like "Won't Do"; any other category is open. Key: {@code issue.key}.
     */
    public static Optional<TrackerEvent> jira(byte[] body) {
        JsonNode n = read(body, "Jira webhook");
        if (!"jira:issue_updated".equals(n.path("webhookEvent").asText())) {
            return Optional.empty();
        }
        boolean statusChanged = false;
        for (JsonNode item : n.path("changelog").path("items")) {
            statusChanged |= "status".equals(item.path("field").asText()) || "status".equals(item.path("fieldId").asText());
        }
        if (!statusChanged) {
            return Optional.empty();
        }
        String key = n.path("issue").path("key").asText("");
        JsonNode status = n.path("issue").path("fields").path("status");
        if (key.isEmpty() || !status.isObject()) {
            throw new MalformedPayloadException("Jira issue_updated without issue.key or issue.fields.status");
        }
        FollowUpState state;
        if ("done".equals(status.path("statusCategory").path("key").asText())) {
            boolean wont = wontDo(status.path("name").asText())
                    || wontDo(n.path("issue").path("fields").path("resolution").path("name").asText());
            state = wont ? FollowUpState.WONT_DO : FollowUpState.DONE;
        } else {
            state = FollowUpState.OPEN;
        }
        String who = n.path("user").path("accountId").asText(n.path("user").path("name").asText("unknown"));
        return Optional.of(new TrackerEvent("jira", key, state, "jira:" + who,
                n.path("timestamp").canConvertToLong() ? Instant.ofEpochMilli(n.path("timestamp").asLong()) : null));
    }

    /**
     * GitLab's issue event ({@code X-Gitlab-Event: Issue Hook}, "Webhook events", work item events):
     * {@code object_attributes.action} {@code close} is done (GitLab has no won't-do reason), {@code reopen} is
     * open. Key: {@code object_attributes.project_id}, {@code #}, {@code object_attributes.iid}.
     */
    public static Optional<TrackerEvent> gitlab(byte[] body) {
        JsonNode n = read(body, "GitLab issue event");
        if (!"issue".equals(n.path("object_kind").asText())) {
            return Optional.empty();
        }
        JsonNode a = n.path("object_attributes");
        FollowUpState state = switch (a.path("action").asText("")) {
            case "close" -> FollowUpState.DONE;
            case "reopen" -> FollowUpState.OPEN;
            default -> null;
        };
        if (state == null) {
            return Optional.empty();
        }
        long project = a.path("project_id").asLong(n.path("project").path("id").asLong(0));
        long iid = a.path("iid").asLong(0);
        if (project <= 0 || iid <= 0) {
            throw new MalformedPayloadException("GitLab issue event without object_attributes.project_id or iid");
        }
        return Optional.of(new TrackerEvent("gitlab", project + "#" + iid, state,
                "gitlab:" + n.path("user").path("username").asText("unknown"), time(a.path("updated_at"))));
    }

    /**
     * @return an ISO-8601 time ({@code 2019-05-15T15:20:18Z}) or GitLab's older {@code 2013-12-03 17:15:43 UTC},
     *         null when absent or unreadable (the change then counts as made now)
     */
    private static Instant time(JsonNode node) {
        String s = node.asText("").strip();
        try {
            return s.isEmpty() ? null : OffsetDateTime.parse(s.replace(" UTC", "Z").replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean wontDo(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace("’", "'");
        return s.contains("won't") || s.contains("wont") || s.contains("not do") || s.contains("declined");
    }

    private static JsonNode read(byte[] body, String what) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                throw new MalformedPayloadException(what + ": the body is not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new MalformedPayloadException(what + ": the body is not JSON");
        }
    }
}
