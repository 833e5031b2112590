package io.incidentbot.hooks;

import io.incidentbot.changes.Change;
import io.incidentbot.changes.ChangeKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitHubEventsTest {

    @Test
    void aSuccessfulDeploymentStatusIsADeploy() {
        List<Change> changes = GitHubEvents.parse("deployment_status", HookFixtures.bytes("github/deployment_status.json"));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo("github");
            assertThat(c.kind()).isEqualTo(ChangeKind.DEPLOY);
            assertThat(c.title()).isEqualTo("Deploy master (f95f852) to production: success");
            assertThat(c.environment()).isEqualTo("production");
            assertThat(c.service()).isEqualTo("Hello-World");
            assertThat(c.author()).isEqualTo("Codertocat");
            assertThat(c.at()).isEqualTo(Instant.parse("2019-05-15T15:20:55Z"));
            assertThat(c.externalId()).isEqualTo("github:Codertocat/Hello-World:deployment_status:209916254");
        });
    }

    @Test
    void aFailedDeploymentLinksToItsLog() {
        List<Change> changes = GitHubEvents.parse("deployment_status", HookFixtures.bytes("github/deployment_status-failure.json"));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.title()).endsWith(": failure");
            assertThat(c.url()).isEqualTo("https://github.com/Codertocat/Hello-World/actions/runs/1");
        });
    }

    @Test
    void aPendingDeploymentIsNotAChange() {
        String body = new String(HookFixtures.bytes("github/deployment_status.json"), StandardCharsets.UTF_8)
                .replace("\"state\": \"success\"", "\"state\": \"in_progress\"");

        assertThat(GitHubEvents.parse("deployment_status", body.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aPushToTheDefaultBranchIsOneChangePerCommit() {
        List<Change> changes = GitHubEvents.parse("push", HookFixtures.bytes("github/push-default-branch.json"));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Commit to master: Initial commit");
            assertThat(c.author()).isEqualTo("Codertocat");
            assertThat(c.url()).isEqualTo("https://github.com/Codertocat/Hello-World/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246");
            assertThat(c.at()).isEqualTo(Instant.parse("2019-05-15T15:19:25Z"));
            assertThat(c.externalId()).isEqualTo("github:Codertocat/Hello-World:commit:6113728f27ae82c7b1a177c8d03f9e96e0adf246");
            assertThat(c.kind()).isEqualTo(ChangeKind.OTHER);
        });
    }

    @Test
    void aTagPushIsNotAChange() {
        assertThat(GitHubEvents.parse("push", HookFixtures.bytes("github/push-tag.json"))).isEmpty();
    }

    @Test
    void onlyAMergedPullRequestIsAChange() {
        assertThat(GitHubEvents.parse("pull_request", HookFixtures.bytes("github/pull_request-closed-unmerged.json"))).isEmpty();

        List<Change> changes = GitHubEvents.parse("pull_request", HookFixtures.bytes("github/pull_request-closed-merged.json"));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Merged #2: Update the README with new information.");
            assertThat(c.author()).isEqualTo("Codertocat");
            assertThat(c.url()).isEqualTo("https://github.com/Codertocat/Hello-World/pull/2");
            assertThat(c.at()).isEqualTo(Instant.parse("2019-05-15T15:21:18Z"));
            assertThat(c.externalId()).isEqualTo("github:Codertocat/Hello-World:pull:2");
        });
    }

    @Test
    void onlyAPublishedReleaseIsAChange() {
        assertThat(GitHubEvents.parse("release", HookFixtures.bytes("github/release-created.json"))).isEmpty();

        assertThat(GitHubEvents.parse("release", HookFixtures.bytes("github/release-published.json"))).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Release 0.0.1 published");
            assertThat(c.url()).isEqualTo("https://github.com/Codertocat/Hello-World/releases/tag/0.0.1");
            assertThat(c.at()).isEqualTo(Instant.parse("2019-05-15T15:20:53Z"));
        });
    }

    @Test
    void otherEventsAreIgnoredWithoutReadingTheBody() {
        assertThat(GitHubEvents.parse("issues", "not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(GitHubEvents.parse("ping", new byte[0])).isEmpty();
        assertThat(GitHubEvents.parse(null, new byte[0])).isEmpty();
    }

    @Test
    void aRecordedEventMissingWhatItNeedsIsMalformed() {
        assertThatThrownBy(() -> GitHubEvents.parse("push",
                "{\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"o/r\",\"default_branch\":\"main\"}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("commits: expected an array, but it is missing");
        assertThatThrownBy(() -> GitHubEvents.parse("deployment_status", "{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("deployment_status: expected an object, but it is missing");
    }
}
