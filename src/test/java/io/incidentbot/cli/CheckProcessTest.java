package io.incidentbot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CheckProcessTest {
    @Test
    void aGoodFileIsSummedUpWithExitZero() {
        CliRun run = CliRun.run(Map.of(), "check-process", "docs/process.example.yaml");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("docs/process.example.yaml: OK, 2 types (default, security), 7 custom fields, 7 checklist items\n");
    }

    @Test
    void aBadFileIsOneLineNamingFileLineAndColumnWithExitTwo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("process.yaml"), "types:\n  - name: default\n    severity: SEV9\n");

        CliRun run = CliRun.run(Map.of(), "check-process", file.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("check-process: INCIDENT_PROCESS_FILE " + file + " line 3 column 15: types[0].severity: "
                + "does not have a value in the enumeration [\"SEV1\", \"SEV2\", \"SEV3\", \"SEV4\"]\n");
    }

    @Test
    void withoutAFileItSaysHowToCallIt() {
        CliRun run = CliRun.run(Map.of(), "check-process");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("check-process: usage: incident-bot check-process FILE\n");
    }

    @Test
    void theUsageListsIt() {
        assertThat(CliRun.run(Map.of(), "help").out()).contains("incident-bot check-process FILE");
    }
}
