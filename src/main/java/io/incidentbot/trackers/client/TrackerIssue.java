package io.incidentbot.trackers.client;

/**
 * A tracker issue the bot created.
 *
 * @param provider {@code github}, {@code jira} or {@code gitlab}
 * @param key      the issue's key in that tracker: {@code owner/repo#12} (GitHub, repository in lower case),
 *                 {@code OPS-7} (Jira), {@code 14#23} (GitLab: numeric project ID and issue IID)
 * @param url      the issue's web page
 */
public record TrackerIssue(String provider, String key, String url) {
}
