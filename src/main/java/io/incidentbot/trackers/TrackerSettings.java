package io.incidentbot.trackers;

import io.incidentbot.config.ConfigException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follow-up and tracker settings (issue 22), read from the environment and checked at start: a wrong
 * value stops the bot with one line naming the variable (exit 2), never printing a token or secret.
 *
 * <p>At most one tracker receives follow-ups: GitHub Issues when {@code INCIDENT_FOLLOWUP_GITHUB_REPO} is
 * set, Jira Cloud when {@code JIRA_URL} is set, GitLab when {@code GITLAB_PROJECT} is set.
 *
 * @param github             GitHub Issues, or null
 * @param jira               Jira Cloud, or null
 * @param gitlab             GitLab issues, or null
 * @param labels             {@code INCIDENT_FOLLOWUP_LABELS}: labels of each created issue (GitHub, GitLab),
 *                           default {@code incident-follow-up}; may be empty ({@code INCIDENT_FOLLOWUP_LABELS=-})
 * @param users              {@code INCIDENT_USER_MAP}: Slack user to tracker identity ({@link UserMap})
 * @param export             {@code INCIDENT_FOLLOWUP_EXPORT}: {@code manual} (default, the Create issue button)
 *                           or {@code auto} (every follow-up when it is recorded)
 * @param jiraWebhookSecret  {@code JIRA_WEBHOOK_SECRET}: key of {@code X-Hub-Signature} on {@code /hooks/jira};
 *                           null = that hook answers 404
 * @param gitlabWebhookToken {@code GITLAB_WEBHOOK_TOKEN}: expected {@code X-Gitlab-Token} on
 *                           {@code /hooks/gitlab}; null = that hook answers 404
 * @param remind             {@code INCIDENT_FOLLOWUP_REMIND}: how often an overdue open follow-up reminds its
 *                           owner (default 7 days), null for {@code off}
 */
public record TrackerSettings(GitHub github, Jira jira, GitLab gitlab, List<String> labels, UserMap users, Export export,
                              String jiraWebhookSecret, String gitlabWebhookToken, Duration remind) {

    /** Default of {@code INCIDENT_FOLLOWUP_REMIND}. */
    public static final Duration DEFAULT_REMIND = Duration.ofDays(7);
    /** Default of {@code GITHUB_API_URL}. */
    public static final String DEFAULT_GITHUB_API = "https://api.github.com";
    /** Default of {@code GITLAB_URL}. */
    public static final String DEFAULT_GITLAB_URL = "https://gitlab.com";

    private static final Pattern URL = Pattern.compile("https?://[^\\s/]+(/[^\\s]*)?");
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}");
    private static final Pattern JIRA_PROJECT = Pattern.compile("[A-Z][A-Z0-9_]{0,254}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*([mhdw])");

    /** When follow-ups become tracker issues. */
    public enum Export { MANUAL, AUTO }

    /**
     * GitHub Issues ("REST API endpoints for issues").
     *
     * @param token  {@code GITHUB_TOKEN}: a fine-grained token with Issues read and write on the repository
     * @param owner  owner part of {@code INCIDENT_FOLLOWUP_GITHUB_REPO}
     * @param repo   repository part of it
     * @param apiUrl {@code GITHUB_API_URL} without a trailing slash (GitHub Enterprise: {@code https://host/api/v3})
     */
    public record GitHub(String token, String owner, String repo, String apiUrl) {
        @Override
        public String toString() {
            return "GitHub[" + owner + "/" + repo + " at " + apiUrl + ", token=set]";
        }
    }

    /**
     * Jira Cloud (REST API v3, basic auth with an API token).
     *
     * @param url       {@code JIRA_URL}, e.g. {@code https://example.atlassian.net}, no trailing slash
     * @param email     {@code JIRA_EMAIL}: the account the API token belongs to
     * @param apiToken  {@code JIRA_API_TOKEN}
     * @param project   {@code JIRA_PROJECT}: project key, e.g. {@code OPS}
     * @param issueType {@code JIRA_ISSUE_TYPE}, default {@code Task}
     */
    public record Jira(String url, String email, String apiToken, String project, String issueType) {
        @Override
        public String toString() {
            return "Jira[" + url + " project " + project + " type " + issueType + ", apiToken=set]";
        }
    }

    /**
     * GitLab (REST API v4).
     *
     * @param url     {@code GITLAB_URL} without a trailing slash, default {@code https://gitlab.com}
     * @param token   {@code GITLAB_TOKEN}: a project or personal access token with the {@code api} scope
     * @param project {@code GITLAB_PROJECT}: numeric project ID or {@code group/project} path
     */
    public record GitLab(String url, String token, String project) {
        @Override
        public String toString() {
            return "GitLab[" + url + " project " + project + ", token=set]";
        }
    }

    /** @return no tracker, manual export, no hooks, reminders every 7 days */
    public static TrackerSettings defaults() {
        return fromEnv(Map.of());
    }

    /** @return the one configured tracker's name ({@code github}, {@code jira}, {@code gitlab}), or null */
    public String provider() {
        return github != null ? "github" : jira != null ? "jira" : gitlab != null ? "gitlab" : null;
    }

    /**
     * @param env environment variables
     * @return the settings
     * @throws ConfigException naming the first missing or malformed variable, in one line
     */
    public static TrackerSettings fromEnv(Map<String, String> env) {
        GitHub github = github(env);
        Jira jira = jira(env);
        GitLab gitlab = gitlab(env);
        int trackers = (github == null ? 0 : 1) + (jira == null ? 0 : 1) + (gitlab == null ? 0 : 1);
        if (trackers > 1) {
            throw new ConfigException("INCIDENT_FOLLOWUP_GITHUB_REPO, JIRA_URL and GITLAB_PROJECT: set one of them, "
                    + "follow-ups go to one tracker");
        }
        String exportText = value(env, "INCIDENT_FOLLOWUP_EXPORT");
        Export export;
        if (exportText == null || exportText.equalsIgnoreCase("manual")) {
            export = Export.MANUAL;
        } else if (exportText.equalsIgnoreCase("auto")) {
            export = Export.AUTO;
        } else {
            throw new ConfigException("INCIDENT_FOLLOWUP_EXPORT must be manual or auto, got '" + exportText + "'");
        }
        if (export == Export.AUTO && trackers == 0) {
            throw new ConfigException("INCIDENT_FOLLOWUP_EXPORT=auto needs a tracker: set INCIDENT_FOLLOWUP_GITHUB_REPO, "
                    + "JIRA_URL or GITLAB_PROJECT");
        }
        UserMap users;
        try {
            users = UserMap.parse(env.get("INCIDENT_USER_MAP"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("INCIDENT_USER_MAP: " + e.getMessage());
        }
        return new TrackerSettings(github, jira, gitlab, labels(env), users, export, value(env, "JIRA_WEBHOOK_SECRET"),
                value(env, "GITLAB_WEBHOOK_TOKEN"), remind(env));
    }

    private static GitHub github(Map<String, String> env) {
        String repo = value(env, "INCIDENT_FOLLOWUP_GITHUB_REPO");
        String api = url(env, "GITHUB_API_URL", DEFAULT_GITHUB_API);
        if (repo == null) {
            return null;
        }
        if (!REPO.matcher(repo).matches()) {
            throw new ConfigException("INCIDENT_FOLLOWUP_GITHUB_REPO must be owner/repo, got '" + repo + "'");
        }
        String token = required(env, "GITHUB_TOKEN", "INCIDENT_FOLLOWUP_GITHUB_REPO");
        int slash = repo.indexOf('/');
        return new GitHub(token, repo.substring(0, slash), repo.substring(slash + 1), api);
    }

    private static Jira jira(Map<String, String> env) {
        String url = url(env, "JIRA_URL", null);
        if (url == null) {
            return null;
        }
        String email = required(env, "JIRA_EMAIL", "JIRA_URL");
        if (!email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new ConfigException("JIRA_EMAIL must be the e-mail address of the API token's account");
        }
        String token = required(env, "JIRA_API_TOKEN", "JIRA_URL");
        String project = required(env, "JIRA_PROJECT", "JIRA_URL");
        if (!JIRA_PROJECT.matcher(project).matches()) {
            throw new ConfigException("JIRA_PROJECT must be a project key such as OPS, got '" + project + "'");
        }
        String type = value(env, "JIRA_ISSUE_TYPE");
        return new Jira(url, email, token, project, type == null ? "Task" : type);
    }

    private static GitLab gitlab(Map<String, String> env) {
        String project = value(env, "GITLAB_PROJECT");
        String url = url(env, "GITLAB_URL", DEFAULT_GITLAB_URL);
        if (project == null) {
            return null;
        }
        if (!project.matches("\\d+|[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+")) {
            throw new ConfigException("GITLAB_PROJECT must be a project ID or a group/project path, got '" + project + "'");
        }
        return new GitLab(url, required(env, "GITLAB_TOKEN", "GITLAB_PROJECT"), project);
    }

    private static List<String> labels(Map<String, String> env) {
        String text = value(env, "INCIDENT_FOLLOWUP_LABELS");
        if (text == null) {
            return List.of("incident-follow-up");
        }
        if (text.equals("-")) {
            return List.of();
        }
        List<String> labels = new ArrayList<>();
        for (String l : text.split(",")) {
            String label = l.strip();
            if (label.isEmpty()) {
                continue;
            }
            if (label.length() > 50) {
                throw new ConfigException("INCIDENT_FOLLOWUP_LABELS: label '" + label.substring(0, 20)
                        + "...' is longer than 50 characters (GitHub's limit)");
            }
            if (!labels.contains(label)) {
                labels.add(label);
            }
        }
        return List.copyOf(labels);
    }

    private static Duration remind(Map<String, String> env) {
        String text = value(env, "INCIDENT_FOLLOWUP_REMIND");
        if (text == null) {
            return DEFAULT_REMIND;
        }
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("off")) {
            return null;
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new ConfigException("INCIDENT_FOLLOWUP_REMIND must be a duration such as 12h, 7d or 2w, or off; got '"
                    + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    private static String url(Map<String, String> env, String name, String fallback) {
        String v = value(env, name);
        if (v == null) {
            return fallback;
        }
        if (!URL.matcher(v).matches()) {
            throw new ConfigException(name + " must be an http(s) URL" + (fallback == null ? "" : " such as " + fallback));
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    private static String required(Map<String, String> env, String name, String because) {
        String v = value(env, name);
        if (v == null) {
            throw new ConfigException(name + " is required when " + because + " is set");
        }
        return v;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Never prints a token or a secret. */
    @Override
    public String toString() {
        return "TrackerSettings[github=" + github + ", jira=" + jira + ", gitlab=" + gitlab + ", labels=" + labels + ", users="
                + users + ", export=" + export + ", jiraWebhookSecret=" + (jiraWebhookSecret == null ? "unset" : "set")
                + ", gitlabWebhookToken=" + (gitlabWebhookToken == null ? "unset" : "set") + ", remind=" + remind + "]";
    }
}
