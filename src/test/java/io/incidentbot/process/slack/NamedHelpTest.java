package io.incidentbot.process.slack;

import io.incidentbot.process.Process;
import io.incidentbot.process.ProcessFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 25: {@code /incident help} with a process file names the file's severities and roles, with descriptions. */
class NamedHelpTest {
    @Test
    void helpEndsWithTheFilesSeverityAndRoleNames() {
        Process process = ProcessFile.read(Path.of("docs/process.example.yaml"));
        assertThat(NamedHelp.names(process)).isEqualTo("*Severities:* `sev1` Critical — Customers cannot use the product;"
                + " all hands · `sev2` Major — A main feature is down or badly degraded · `sev3` Minor — Degraded, with a"
                + " workaround · `sev4` Low — No customer impact yet\n*Roles:* `lead` Incident commander — Runs the response"
                + " and decides · `comms` Communications — Writes the status updates · `scribe` — Keeps the timeline tidy");
    }
}
