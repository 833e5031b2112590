package io.incidentbot.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbot.changes.Change;
import io.incidentbot.changes.ChangeKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns GitHub webhook deliveries into {@link Change}s ("Webhook events and payloads",
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads). The event name is the
 * {@code X-GitHub-Event} header. Recorded:
 * <ul>
 *   <li>{@code deployment_status} with state {@code success}, {@code failure} or {@code error}: one
 *       change, kind deploy, environment, ref and short sha in the title, author the status creator,
 *       link {@code log_url}, else {@code environment_url}, else {@code target_url}, time
 *       {@code deployment_status.created_at}; id {@code github:<repo>:deployment_status:<id>}.</li>
 *   <li>{@code push} to the repository's default branch: one change per commit (first line of its
 *       message, author username or name, commit URL, commit timestamp); id
 *       {@code github:<repo>:commit:<sha>}, so a commit pushed twice is one change.</li>
 *   <li>{@code pull_request} {@code closed} with {@code merged: true}: one change at {@code merged_at},
 *       author the pull request's author; id {@code github:<repo>:pull:<number>}.</li>
 *   <li>{@code release} {@code published}: one change at {@code published_at}; id
 *       {@code github:<repo>:release:<id>}.</li>
 * </ul>
 * Every other event, action or state gives an empty list (the HTTP layer answers 202 and ignores it).
 * All but deploys have kind {@code other}; the service is the repository name.
 */
public final class GitHubEvents {
    /** {@link Change#source()} of changes from GitHub. */
    public static final String SOURCE = "github";

    private static final Set<String> DEPLOY_STATES = Set.of("success", "failure", "error");

    private GitHubEvents() {
    }

    /**
     * @param event the {@code X-GitHub-Event} header, e.g. {@code push}; may be null
     * @param body  the raw request body (already verified with {@link GitHubSignature})
     * @return the changes, empty when the event is not one we record
     * @throws MalformedPayloadException when a recorded event lacks a field it needs
     */
    public static List<Change> parse(String event, byte[] body) {
        if (event == null) {
            return List.of();
        }
        return switch (event) {
            case "deployment_status" -> deploymentStatus(HookJson.readObject(body));
            case "push" -> push(HookJson.readObject(body));
            case "pull_request" -> pullRequest(HookJson.readObject(body));
            case "release" -> release(HookJson.readObject(body));
            default -> List.of();
        };
    }

    private static List<Change> deploymentStatus(JsonNode root) {
        JsonNode status = HookJson.requiredObject(root, "deployment_status", "");
        String state = HookJson.requiredText(status, "state", "deployment_status");
        if (!DEPLOY_STATES.contains(state)) {
            return List.of();
        }
        JsonNode deployment = HookJson.requiredObject(root, "deployment", "");
        String repo = repository(root);
        String environment = HookJson.optionalText(status, "environment", "deployment_status");
        if (environment == null) {
            environment = HookJson.optionalText(deployment, "environment", "deployment");
        }
        String ref = HookJson.optionalText(deployment, "ref", "deployment");
        String sha = HookJson.optionalText(deployment, "sha", "deployment");
        String url = firstOf(HookJson.optionalText(status, "log_url", "deployment_status"),
                HookJson.optionalText(status, "environment_url", "deployment_status"),
                HookJson.optionalText(status, "target_url", "deployment_status"));
        StringBuilder title = new StringBuilder("Deploy");
        if (ref != null) {
            title.append(' ').append(ref);
        }
        if (sha != null) {
            title.append(" (").append(sha, 0, Math.min(7, sha.length())).append(')');
        }
        if (environment != null) {
            title.append(" to ").append(environment);
        }
        title.append(": ").append(state);
        long id = HookJson.optionalCount(status, "id", "deployment_status", -1);
        Instant at = HookJson.requiredTime(status, "created_at", "deployment_status");
        return List.of(new Change(SOURCE, "github:" + repo + ":deployment_status:" + (id >= 0 ? id : at.toEpochMilli()),
                title.toString(), name(root), environment, login(status, "creator", "deployment_status"), url,
                ChangeKind.DEPLOY, at));
    }

    private static List<Change> push(JsonNode root) {
        String ref = HookJson.requiredText(root, "ref", "");
        JsonNode repository = HookJson.requiredObject(root, "repository", "");
        String defaultBranch = HookJson.optionalText(repository, "default_branch", "repository");
        if (defaultBranch == null || !ref.equals("refs/heads/" + defaultBranch)) {
            return List.of();
        }
        String repo = repository(root);
        JsonNode commits = HookJson.requiredArray(root, "commits", "");
        List<Change> out = new ArrayList<>(commits.size());
        for (int i = 0; i < commits.size(); i++) {
            JsonNode c = commits.get(i);
            String path = "commits[" + i + "]";
            if (!c.isObject()) {
                throw new MalformedPayloadException(path + ": expected an object, got " + HookJson.kind(c));
            }
            String sha = HookJson.requiredText(c, "id", path);
            String message = HookJson.optionalText(c, "message", path);
            String firstLine = message == null ? sha : message.lines().findFirst().orElse(sha).strip();
            String author = null;
            JsonNode a = c.get("author");
            if (a != null && a.isObject()) {
                author = firstOf(HookJson.optionalText(a, "username", path + ".author"),
                        HookJson.optionalText(a, "name", path + ".author"));
            }
            out.add(new Change(SOURCE, "github:" + repo + ":commit:" + sha, "Commit to " + defaultBranch + ": " + firstLine,
                    name(root), null, author, HookJson.optionalText(c, "url", path), ChangeKind.OTHER,
                    HookJson.requiredTime(c, "timestamp", path)));
        }
        return out;
    }

    private static List<Change> pullRequest(JsonNode root) {
        if (!"closed".equals(HookJson.optionalText(root, "action", ""))) {
            return List.of();
        }
        JsonNode pr = HookJson.requiredObject(root, "pull_request", "");
        JsonNode merged = pr.get("merged");
        if (merged == null || !merged.isBoolean() || !merged.asBoolean()) {
            return List.of();
        }
        long number = HookJson.optionalCount(pr, "number", "pull_request", -1);
        if (number < 0) {
            number = HookJson.optionalCount(root, "number", "", -1);
        }
        String title = HookJson.requiredText(pr, "title", "pull_request");
        return List.of(new Change(SOURCE, "github:" + repository(root) + ":pull:" + number,
                "Merged #" + number + ": " + title, name(root), null, login(pr, "user", "pull_request"),
                HookJson.optionalText(pr, "html_url", "pull_request"), ChangeKind.OTHER,
                HookJson.requiredTime(pr, "merged_at", "pull_request")));
    }

    private static List<Change> release(JsonNode root) {
        if (!"published".equals(HookJson.optionalText(root, "action", ""))) {
            return List.of();
        }
        JsonNode release = HookJson.requiredObject(root, "release", "");
        String tag = HookJson.requiredText(release, "tag_name", "release");
        String name = HookJson.optionalText(release, "name", "release");
        String title = "Release " + tag + (name != null && !name.equals(tag) ? " (" + name + ")" : "") + " published";
        long id = HookJson.optionalCount(release, "id", "release", -1);
        return List.of(new Change(SOURCE, "github:" + repository(root) + ":release:" + (id >= 0 ? id : tag),
                title, name(root), null, login(release, "author", "release"),
                HookJson.optionalText(release, "html_url", "release"), ChangeKind.OTHER,
                HookJson.requiredTime(release, "published_at", "release")));
    }

    /** @return {@code repository.full_name}, required: it scopes every external id */
    private static String repository(JsonNode root) {
        return HookJson.requiredText(HookJson.requiredObject(root, "repository", ""), "full_name", "repository");
    }

    private static String name(JsonNode root) {
        return HookJson.optionalText(root.get("repository"), "name", "repository");
    }

    private static String login(JsonNode parent, String field, String path) {
        JsonNode user = parent.get(field);
        if (user == null || !user.isObject()) {
            return null;
        }
        return HookJson.optionalText(user, "login", HookJson.path(path, field));
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
