package io.incidentbot.cli;

import io.incidentbot.incident.Severity;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25, "Per-type templates are allowed" and the draft's custom fields: with {@code INCIDENT_PROCESS_FILE}, a
 * security incident is drafted through its type's {@code postmortem_template} and shows its fields with their
 * labels, a default incident through the bot's layout; a broken per-type template stops with one line.
 */
class PerTypeDraftTest {
    private static final Instant DECLARED = Instant.parse("2026-03-14T22:58:00Z");

    @TempDir
    Path dir;
    private Map<String, String> env;

    @BeforeEach
    void storeTwoIncidents() throws IOException {
        Files.writeString(dir.resolve("security.mustache"), """
                # Security incident {{incident.number}}: {{incident.title}}
                {{#fields}}
                - {{name}}: {{value}}
                {{/fields}}
                {{^fields}}
                _No fields._
                {{/fields}}
                """);
        Files.writeString(dir.resolve("process.yaml"), """
                types:
                  - name: default
                  - name: security
                    postmortem_template: security.mustache
                    fields:
                      - {name: data_exposed, label: Customer data exposed?, type: select, options: ["no", suspected, confirmed]}
                      - {name: services, label: Services affected, type: multi_select, options: [api, web]}
                      - {name: reporter, label: Reported by, type: user}
                """);
        Path db = dir.resolve("incidents.db");
        env = Map.of("INCIDENT_DB", db.toString(), "INCIDENT_PROCESS_FILE", dir.resolve("process.yaml").toString());
        try (JdbiStorage storage = Database.open(db.toString())) {
            storage.run(r -> {
                long leak = r.incidents().create("Token leaked in logs", Severity.SEV2, false, "", "U1", DECLARED).number();
                r.process().setType(leak, "security");
                r.process().setField(leak, "data_exposed", "suspected");
                r.process().setField(leak, "services", "api\nweb");
                r.process().setField(leak, "reporter", "U2");
                r.userNames().put("U2", "Bob Li", DECLARED);
                long slow = r.incidents().create("Search slow", Severity.SEV3, false, "", "U1", DECLARED).number();
                r.process().setType(slow, "default");
            });
        }
    }

    @Test
    void aSecurityIncidentIsDraftedThroughItsTypesTemplateWithItsFieldsLabelled() {
        CliRun run = CliRun.run(env, "postmortem", "1");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                # Security incident 1: Token leaked in logs
                - Customer data exposed?: suspected
                - Services affected: api, web
                - Reported by: Bob Li
                """);
    }

    @Test
    void aDefaultIncidentKeepsTheBotsLayoutAndNamesItsType() {
        CliRun run = CliRun.run(env, "postmortem", "2");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("# Incident 2: Search slow\n").contains("| Type | default |");
    }

    @Test
    void aBrokenPerTypeTemplateIsOneLineNamingTheTypeAndExitStatus2() throws IOException {
        Files.writeString(dir.resolve("security.mustache"), "# {{incident.number}}\n{{#fields}}\n- {{name}}\n");

        CliRun run = CliRun.run(env, "postmortem", "1");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("postmortem: INCIDENT_PROCESS_FILE " + dir.resolve("process.yaml")
                + ": type security: postmortem_template ").contains("line").doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }
}
