package io.incidentbot.process;

import io.incidentbot.config.ConfigException;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessFileTest {
    private static final String MINIMAL = """
            types:
              - name: default
            """;

    @Test
    void theDocumentedExampleReadsIntoTypesFieldsAndChecklists() {
        Process process = ProcessFile.read(Path.of("docs/process.example.yaml"));

        assertThat(process.types()).extracting(IncidentType::name).containsExactly("default", "security");
        assertThat(process.naming(Severity.SEV1)).isEqualTo(new Process.Naming("Critical", "Customers cannot use the product; all hands"));
        assertThat(process.naming(Role.LEAD).name()).isEqualTo("Incident commander");
        assertThat(process.naming(Role.SCRIBE)).isEqualTo(new Process.Naming("scribe", "Keeps the timeline tidy"));

        IncidentType security = process.type("security").orElseThrow();
        assertThat(security.severity()).isEqualTo(Severity.SEV2);
        assertThat(security.inviteUsers()).containsExactly("U0SECLEAD1");
        assertThat(security.inviteGroups()).containsExactly("S0SECTEAM1");
        assertThat(security.announceChannel()).isEqualTo("C0SECURITY");
        assertThat(security.reminders().update()).isEqualTo(Duration.ofMinutes(15));
        assertThat(security.reminders().lead()).isEqualTo(Duration.ofMinutes(5));
        assertThat(security.fields()).extracting(CustomField::kind).containsExactly(
                CustomField.Kind.SELECT, CustomField.Kind.TEXT, CustomField.Kind.NUMBER, CustomField.Kind.USER);
        assertThat(security.field("affected_accounts").orElseThrow().appliesAt(Severity.SEV3)).isFalse();
        assertThat(security.field("affected_accounts").orElseThrow().appliesAt(Severity.SEV1)).isTrue();
        assertThat(security.checklist().get(2).when().field()).isEqualTo(Map.of("data_exposed", "confirmed"));

        IncidentType standard = process.defaultType();
        assertThat(standard.reminders()).as("no override: the INCIDENT_REMIND_* intervals stay").isNull();
        CustomField impact = standard.field("customer_impact").orElseThrow();
        assertThat(impact.options()).containsExactly("none", "some", "all");
        assertThat(impact.required()).isTrue();
        assertThat(impact.when()).isEqualTo(Set.of(Severity.SEV1, Severity.SEV2));
        ChecklistItem rollback = standard.checklist().get(2);
        assertThat(rollback.checklist()).isEqualTo("Response");
        assertThat(rollback.runbook()).isEqualTo("https://runbooks.example.com/rollback");
        assertThat(rollback.when().status()).isEqualTo(Status.IDENTIFIED);
        assertThat(standard.checklist().get(0).role()).isEqualTo(Role.LEAD);
        assertThat(standard.checklist().get(0).when()).isEqualTo(ChecklistItem.Condition.ALWAYS);
    }

    @Test
    void theDocsShortFormReadsIntoTheSameProcessAsTheExampleFile() throws Exception {
        String doc = Files.readString(Path.of("docs/process.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));

        assertThat(ProcessFile.parse("docs/process.md", yaml)).isEqualTo(ProcessFile.read(Path.of("docs/process.example.yaml")));
    }

    @Test
    void aFileWithOnlyTheDefaultTypeKeepsTheBuiltInNames() {
        Process process = ProcessFile.parse("p.yaml", MINIMAL);

        assertThat(process.defaultType().fields()).isEmpty();
        assertThat(process.naming(Severity.SEV3)).isEqualTo(new Process.Naming("SEV3", null));
        assertThat(process.naming(Role.COMMS).name()).isEqualTo("comms");
    }

    @Test
    void withoutTheVariableThereIsNoProcess() {
        assertThat(ProcessSettings.fromEnv(Map.of()).configured()).isFalse();
        assertThat(ProcessSettings.fromEnv(Map.of("INCIDENT_PROCESS_FILE", " ")).configured()).isFalse();
    }

    @Test
    void aMissingFileIsOneLineNamingIt() {
        assertThatThrownBy(() -> ProcessSettings.fromEnv(Map.of("INCIDENT_PROCESS_FILE", "/nowhere/process.yaml")))
                .isInstanceOf(ConfigException.class).hasMessage("INCIDENT_PROCESS_FILE /nowhere/process.yaml: no such file");
    }

    @Test
    void theVariableReadsTheFileAtStart(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("process.yaml"), MINIMAL);

        assertThat(ProcessSettings.fromEnv(Map.of("INCIDENT_PROCESS_FILE", file.toString())).process().types()).hasSize(1);
    }

    @Test
    void theBotRefusesToStartOnABadFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("process.yaml"), "types:\n  - name: security\n");

        assertThatThrownBy(() -> io.incidentbot.config.Config.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_SIGNING_SECRET", "s3cr3t-signing", "INCIDENT_PROCESS_FILE", file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("INCIDENT_PROCESS_FILE " + file + " line 2 column 3: types: there is no type named default"
                        + " (it applies when none is picked)");
    }

    @Test
    void notYamlNamesItsLine() {
        assertProblem("types:\n  - name: default\n    description: [unclosed\n", "line 3 column 27: not YAML: while parsing a flow sequence");
    }

    @Test
    void anEmptyFileIsNamed() {
        assertProblem("", "line 1 column 1: the file is empty; it needs types, one of them named default");
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        assertProblem(MINIMAL + "    severty: SEV2\n", "line 2 column 5: types[0]: property 'severty' is not defined in the schema");
    }

    @Test
    void aMissingTypesListIsNamed() {
        assertProblem("roles:\n  lead: {name: Commander}\n", "line 1 column 1: required property 'types' not found");
    }

    @Test
    void aFifthSeverityIsRefused() {
        assertProblem("severities:\n  SEV5: {name: Trivial}\n" + MINIMAL, "line 2 column 3: severities: property 'SEV5' is not defined in the schema");
    }

    @Test
    void anUnknownFieldKindIsNamedWithItsLine() {
        assertProblem(MINIMAL + "    fields:\n      - name: impact\n        type: dropdown\n",
                "line 5 column 15: types[0].fields[0].type: does not have a value in the enumeration [\"select\", \"multi_select\", \"text\", \"number\", \"user\", \"url\"]");
    }

    @Test
    void aSelectWithoutOptionsIsRefused() {
        assertProblem(MINIMAL + "    fields:\n      - name: impact\n        type: select\n",
                "line 4 column 9: types[0].fields[0]: required property 'options' not found");
    }

    @Test
    void optionsOnATextFieldAreRefused() {
        assertProblem(MINIMAL + "    fields:\n      - name: impact\n        type: text\n        options: [a]\n",
                "line 6 column 18: types[0].fields[0].options: options are only for select and multi_select fields");
    }

    @Test
    void aWrongSeverityInAConditionIsNamedWithItsLine() {
        assertProblem(MINIMAL + "    fields:\n      - name: cve\n        type: text\n        when: {severity: [SEV1, sev2]}\n",
                "line 6 column 33: types[0].fields[0].when.severity[1]: does not have a value in the enumeration [\"SEV1\", \"SEV2\", \"SEV3\", \"SEV4\"]");
    }

    @Test
    void aChannelNameInsteadOfAnIdIsNamedWithItsLine() {
        assertProblem(MINIMAL + "    announce_channel: \"#security\"\n",
                "line 3 column 23: types[0].announce_channel: does not match the regex pattern");
    }

    @Test
    void aUserNameInsteadOfAnIdIsNamedWithItsLine() {
        assertProblem(MINIMAL + "    invite:\n      users: [\"@alice\"]\n",
                "line 4 column 15: types[0].invite.users[0]: does not match the regex pattern");
    }

    @Test
    void aRunbookThatIsNoLinkIsNamedWithItsLine() {
        assertProblem(MINIMAL + "    checklists:\n      - name: Response\n        items:\n          - title: Roll back\n            runbook: wiki/rollback\n",
                "line 7 column 22: types[0].checklists[0].items[0].runbook: does not match the regex pattern");
    }

    @Test
    void aTypeNameUsedTwiceIsNamedWithItsLine() {
        assertProblem(MINIMAL + "  - name: security\n  - name: default\n", "line 4 column 11: types[2].name: type name 'default' is used twice");
    }

    @Test
    void aFieldNameUsedTwiceIsNamedWithItsLine() {
        assertProblem(MINIMAL + "    fields:\n      - {name: cve, type: text}\n      - {name: cve, type: url}\n",
                "line 5 column 16: types[0].fields[1].name: field name 'cve' is used twice");
    }

    @Test
    void aFileWithoutADefaultTypeIsRefused() {
        assertProblem("types:\n  - name: security\n", "line 2 column 3: types: there is no type named default (it applies when none is picked)");
    }

    @Test
    void aConditionOnAFieldTheTypeLacksIsNamedWithItsLine() {
        assertProblem(MINIMAL + "    checklists:\n      - name: Response\n        items:\n          - title: Call legal\n"
                        + "            when: {field: {data_exposed: confirmed}}\n",
                "line 7 column 27: types[0].checklists[0].items[0].when.field: names field 'data_exposed', which this type does not define");
    }

    @Test
    void aConditionOnAnOptionTheSelectLacksIsNamedWithItsLine() {
        assertProblem(MINIMAL + "    fields:\n      - {name: impact, type: select, options: [none, all]}\n"
                        + "    checklists:\n      - name: Response\n        items:\n          - title: Tell support\n"
                        + "            when: {field: {impact: some}}\n",
                "line 9 column 36: types[0].checklists[0].items[0].when.field.impact: 'some' is not one of the field's options [none, all]");
    }

    @Test
    void aReminderBelowTenSecondsIsNamedWithItsLine() {
        assertProblem(MINIMAL + "    reminders: {update: 5s}\n", "line 3 column 25: types[0].reminders.update: must be at least 10s (or off)");
    }

    @Test
    void reminderIntervalsCanBeTurnedOff() {
        IncidentType type = ProcessFile.parse("p.yaml", MINIMAL + "    reminders: {lead: off}\n").defaultType();

        assertThat(type.reminders().lead()).isEqualTo(TypeReminders.Intervals.OFF);
        assertThat(type.reminders().update()).as("unset: the configured INCIDENT_REMIND_UPDATE applies").isNull();
    }

    private static void assertProblem(String yaml, String expected) {
        assertThatThrownBy(() -> ProcessFile.parse("p.yaml", yaml))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").startsWith("INCIDENT_PROCESS_FILE p.yaml "))
                .hasMessageStartingWith("INCIDENT_PROCESS_FILE p.yaml " + expected);
    }

}
