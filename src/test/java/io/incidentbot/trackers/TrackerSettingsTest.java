package io.incidentbot.trackers;

import io.incidentbot.config.Config;
import io.incidentbot.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackerSettingsTest {

    private static Map<String, String> env(String... kv) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    private static String refusal(String... kv) {
        try {
            TrackerSettings.fromEnv(env(kv));
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted " + List.of(kv));
    }

    @Test
    void withNothingSetThereIsNoTrackerExportIsManualAndRemindersComeWeekly() {
        TrackerSettings s = TrackerSettings.defaults();
        assertThat(s.provider()).isNull();
        assertThat(s.export()).isEqualTo(TrackerSettings.Export.MANUAL);
        assertThat(s.labels()).containsExactly("incident-follow-up");
        assertThat(s.remind()).isEqualTo(Duration.ofDays(7));
        assertThat(s.jiraWebhookSecret()).isNull();
        assertThat(s.gitlabWebhookToken()).isNull();
    }

    @Test
    void gitHubNeedsATokenAndAnOwnerSlashRepoAndTakesAnEnterpriseApiUrl() {
        TrackerSettings s = TrackerSettings.fromEnv(env("INCIDENT_FOLLOWUP_GITHUB_REPO", "acme/ops", "GITHUB_TOKEN", "ghp_x",
                "GITHUB_API_URL", "https://ghe.example.com/api/v3/", "INCIDENT_FOLLOWUP_LABELS", "incident, follow-up,incident"));
        assertThat(s.provider()).isEqualTo("github");
        assertThat(s.github()).isEqualTo(new TrackerSettings.GitHub("ghp_x", "acme", "ops", "https://ghe.example.com/api/v3"));
        assertThat(s.labels()).containsExactly("incident", "follow-up");
        assertThat(TrackerSettings.fromEnv(env("INCIDENT_FOLLOWUP_GITHUB_REPO", "acme/ops", "GITHUB_TOKEN", "t"))
                .github().apiUrl()).isEqualTo("https://api.github.com");

        assertThat(refusal("INCIDENT_FOLLOWUP_GITHUB_REPO", "acme/ops"))
                .isEqualTo("GITHUB_TOKEN is required when INCIDENT_FOLLOWUP_GITHUB_REPO is set");
        assertThat(refusal("INCIDENT_FOLLOWUP_GITHUB_REPO", "https://github.com/acme/ops", "GITHUB_TOKEN", "t"))
                .startsWith("INCIDENT_FOLLOWUP_GITHUB_REPO must be owner/repo");
        assertThat(refusal("GITHUB_API_URL", "api.github.com")).startsWith("GITHUB_API_URL must be an http(s) URL");
    }

    @Test
    void jiraNeedsItsAccountTokenAndProjectKeyAndDefaultsToTask() {
        TrackerSettings s = TrackerSettings.fromEnv(env("JIRA_URL", "https://acme.atlassian.net/", "JIRA_EMAIL", "bot@acme.io",
                "JIRA_API_TOKEN", "secret-token", "JIRA_PROJECT", "OPS"));
        assertThat(s.jira()).isEqualTo(new TrackerSettings.Jira("https://acme.atlassian.net", "bot@acme.io", "secret-token",
                "OPS", "Task"));
        assertThat(refusal("JIRA_URL", "https://acme.atlassian.net", "JIRA_API_TOKEN", "t", "JIRA_PROJECT", "OPS"))
                .isEqualTo("JIRA_EMAIL is required when JIRA_URL is set");
        assertThat(refusal("JIRA_URL", "https://acme.atlassian.net", "JIRA_EMAIL", "bot@acme.io", "JIRA_API_TOKEN", "t",
                "JIRA_PROJECT", "ops team")).startsWith("JIRA_PROJECT must be a project key");
    }

    @Test
    void gitLabDefaultsToGitLabDotComAndTakesAnIdOrAPath() {
        assertThat(TrackerSettings.fromEnv(env("GITLAB_PROJECT", "acme/platform/ops", "GITLAB_TOKEN", "glpat-x")).gitlab())
                .isEqualTo(new TrackerSettings.GitLab("https://gitlab.com", "glpat-x", "acme/platform/ops"));
        assertThat(TrackerSettings.fromEnv(env("GITLAB_PROJECT", "42", "GITLAB_TOKEN", "t", "GITLAB_URL",
                "https://git.acme.io")).gitlab().url()).isEqualTo("https://git.acme.io");
        assertThat(refusal("GITLAB_PROJECT", "42")).isEqualTo("GITLAB_TOKEN is required when GITLAB_PROJECT is set");
    }

    @Test
    void followUpsGoToOneTrackerAndAutoExportNeedsOne() {
        assertThat(refusal("INCIDENT_FOLLOWUP_GITHUB_REPO", "acme/ops", "GITHUB_TOKEN", "t", "GITLAB_PROJECT", "42",
                "GITLAB_TOKEN", "t")).contains("set one of them");
        assertThat(refusal("INCIDENT_FOLLOWUP_EXPORT", "auto")).startsWith("INCIDENT_FOLLOWUP_EXPORT=auto needs a tracker");
        assertThat(refusal("INCIDENT_FOLLOWUP_EXPORT", "always"))
                .isEqualTo("INCIDENT_FOLLOWUP_EXPORT must be manual or auto, got 'always'");
        assertThat(TrackerSettings.fromEnv(env("INCIDENT_FOLLOWUP_EXPORT", "AUTO", "GITLAB_PROJECT", "42", "GITLAB_TOKEN", "t"))
                .export()).isEqualTo(TrackerSettings.Export.AUTO);
    }

    @Test
    void remindersTakeDaysWeeksOrOff() {
        assertThat(TrackerSettings.fromEnv(env("INCIDENT_FOLLOWUP_REMIND", "2w")).remind()).isEqualTo(Duration.ofDays(14));
        assertThat(TrackerSettings.fromEnv(env("INCIDENT_FOLLOWUP_REMIND", "12h")).remind()).isEqualTo(Duration.ofHours(12));
        assertThat(TrackerSettings.fromEnv(env("INCIDENT_FOLLOWUP_REMIND", "off")).remind()).isNull();
        assertThat(refusal("INCIDENT_FOLLOWUP_REMIND", "weekly")).startsWith("INCIDENT_FOLLOWUP_REMIND must be a duration");
    }

    @Test
    void theUserMapTakesTheShortFormAndYamlAndNamesABadEntry() {
        UserMap shortForm = TrackerSettings.fromEnv(env("INCIDENT_USER_MAP", "U123=octocat, U456=5b10ac8d82e05b22cc7d4ef5"))
                .users();
        assertThat(shortForm.find("U123")).contains(new UserMap.Identity("octocat", "octocat", "octocat", null));
        assertThat(shortForm.find("U999")).isEmpty();

        UserMap yaml = UserMap.parse("""
                U123: {github: octocat, jira: 5b10ac8d82e05b22cc7d4ef5, gitlab: 42}
                U456: jdoe@acme.io
                """);
        assertThat(yaml.find("U123")).contains(new UserMap.Identity("octocat", "5b10ac8d82e05b22cc7d4ef5", "42", null));
        assertThat(yaml.find("U456").orElseThrow().email()).isEqualTo("jdoe@acme.io");

        assertThat(refusal("INCIDENT_USER_MAP", "octocat")).isEqualTo("INCIDENT_USER_MAP: entry 'octocat' is not U123=name");
        assertThat(refusal("INCIDENT_USER_MAP", "{U123: {bitbucket: x}}"))
                .isEqualTo("INCIDENT_USER_MAP: U123 has 'bitbucket'; use github, jira, gitlab or email");
        assertThat(refusal("INCIDENT_USER_MAP", "#general=octocat")).contains("not a Slack user ID");
    }

    @Test
    void noTokenOrSecretIsEverPrintedAndConfigCarriesTheSettings() {
        Map<String, String> env = env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s", "JIRA_URL",
                "https://acme.atlassian.net", "JIRA_EMAIL", "bot@acme.io", "JIRA_API_TOKEN", "jira-api-token-value",
                "JIRA_PROJECT", "OPS", "JIRA_WEBHOOK_SECRET", "jira-hook-secret-value", "GITLAB_WEBHOOK_TOKEN", "gitlab-hook-value");
        Config c = Config.fromEnv(env);
        assertThat(c.trackers().provider()).isEqualTo("jira");
        assertThat(c.toString()).doesNotContain("jira-api-token-value", "jira-hook-secret-value", "gitlab-hook-value")
                .contains("Jira[https://acme.atlassian.net project OPS");
        assertThatThrownBy(() -> Config.fromEnv(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s",
                "JIRA_URL", "https://acme.atlassian.net", "JIRA_EMAIL", "bot@acme.io", "JIRA_PROJECT", "OPS")))
                .isInstanceOf(ConfigException.class).hasMessage("JIRA_API_TOKEN is required when JIRA_URL is set");
    }

    @Test
    void theConfiguredTrackersClientIsMade() {
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
        java.time.Clock clock = java.time.Clock.systemUTC();
        assertThat(io.incidentbot.trackers.client.TrackerClients.of(TrackerSettings.defaults(), http, clock)).isEmpty();
        assertThat(io.incidentbot.trackers.client.TrackerClients.of(TrackerSettings.fromEnv(env("GITLAB_PROJECT", "42",
                "GITLAB_TOKEN", "t")), http, clock).orElseThrow().provider()).isEqualTo("gitlab");
        assertThat(io.incidentbot.trackers.client.TrackerClients.of(TrackerSettings.fromEnv(env("INCIDENT_FOLLOWUP_GITHUB_REPO",
                "a/b", "GITHUB_TOKEN", "t")), http, clock).orElseThrow().provider()).isEqualTo("github");
    }
}
