package io.incidentbot.trackers.client;

import io.incidentbot.trackers.TrackerSettings;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.util.Optional;

/** Makes the client of the one configured tracker. */
public final class TrackerClients {
    private TrackerClients() {
    }

    /**
     * @param settings the tracker settings
     * @param http     the shared OkHttp client (the Slack SDK's, or a new one)
     * @param clock    "now", for {@code Retry-After} dates
     * @return GitHub, Jira or GitLab as configured; empty when no tracker is
     */
    public static Optional<TrackerClient> of(TrackerSettings settings, OkHttpClient http, Clock clock) {
        if (settings.github() != null) {
            return Optional.of(new GitHubIssues(settings.github(), settings.labels(), http, clock));
        }
        if (settings.jira() != null) {
            return Optional.of(new JiraIssues(settings.jira(), settings.labels(), http, clock));
        }
        if (settings.gitlab() != null) {
            return Optional.of(new GitLabIssues(settings.gitlab(), settings.labels(), http, clock));
        }
        return Optional.empty();
    }
}
