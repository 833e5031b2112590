package io.incidentbot.testkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A developer's {@code mvn verify} never installs packages or starts a database (issue 24). */
class TestPostgresTest {

    @Test
    void withoutTheVariablePostgresTestsAreSkippedWithTheReasonAndNothingIsStarted() {
        assertThat(TestPostgres.reasonUnavailable(Map.of()))
                .contains("INCIDENT_TEST_POSTGRES is not set").contains(".ci/postgres.sh");
        assertThat(TestPostgres.reasonUnavailable(Map.of("INCIDENT_TEST_POSTGRES", " "))).isNotNull();
    }

    @Test
    void withTheVariableTheyRun() {
        assertThat(TestPostgres.reasonUnavailable(Map.of("INCIDENT_TEST_POSTGRES",
                "jdbc:postgresql://127.0.0.1:54329/postgres?user=u&password=p"))).isNull();
    }

    @Test
    void theTestKitDoesNotRunTheCiScript() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/incidentbot/testkit/TestPostgres.java"));
        assertThat(source).doesNotContain("ProcessBuilder").doesNotContain("apt-get");
    }

    @Test
    void ciKeepsThemMandatory() throws IOException {
        String run = Files.readString(Path.of(".ci/run"));
        assertThat(run).contains("INCIDENT_TEST_POSTGRES_REQUIRED=1").contains(".ci/postgres.sh");
    }
}
