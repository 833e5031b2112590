package io.incidentbot.postmortem;

import io.incidentbot.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A team's postmortem template (issue 25): every documented field, and errors found at start with their line. */
class DraftTemplateTest {
    static final Path EXAMPLE = Path.of("docs/examples/postmortem-template.mustache");
    static final Path REFERENCE = Path.of("docs/postmortem-template.md");

    @TempDir
    Path dir;

    /** Every field name of the model, nested records' included. */
    static Set<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        collect(DraftModel.class, names);
        return names;
    }

    private static void collect(Class<?> type, Set<String> names) {
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(c.getName());
            Type t = c.getGenericType();
            Class<?> inner = t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> k
                    ? k : c.getType();
            if (inner.isRecord() && inner != type) {
                collect(inner, names);
            }
        }
    }

    @Test
    void theExampleTemplateUsesEveryFieldOfTheModel() throws IOException {
        String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        for (String name : fieldNames()) {
            assertThat(Pattern.compile("\\{\\{[#^]?([A-Za-z]+\\.)*" + name + "(\\.[A-Za-z.]+)?}}").matcher(example).find())
                    .as("the example uses " + name).isTrue();
        }
    }

    @Test
    void theReferenceDocumentsEveryFieldOfTheModel() throws IOException {
        String reference = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        for (String name : fieldNames()) {
            assertThat(reference).as("docs/postmortem-template.md documents " + name).contains("`" + name + "`");
        }
    }

    @Test
    void theExampleDraftsTheSampleIncidentWithItsRecordLogAndFollowUps() throws IOException {
        StringBuilder out = new StringBuilder();
        PostmortemRenderer.render(SampleIncident.input(ZoneId.of("UTC")), out, "chart.png", DraftTemplate.load(EXAMPLE));
        String draft = out.toString();

        assertThat(draft).startsWith("# INC-42: Orders DB failover\n")
                .contains("- Comms: Bob Li | EU on-call (cell: Bob Li \\| EU on-call)")
                .contains("- Identified: 2026-03-14 23:10 (+12 min)")
                .contains("| Time to first response | 1 min (first message 2026-03-14 22:59 by Alice Chen) |")
                .contains("### 2026-03-15\n10. 00:05 **Carol Díaz** (thread): Error rate back to baseline (0.2%).")
                .contains("  - 2026-03-15 00:05 📌 **Carol Díaz**: Error rate back to baseline (0.2%).")
                .contains("— Carol Díaz\n")
                .contains("_No custom fields._")
                .contains("![Timeline picture of incident 42");
    }

    @Test
    void aTemplateWithAnUnclosedSectionStopsTheStartNamingItsLine() throws IOException {
        Path file = write("# {{incident.title}}\n\n{{#followUps}}\n- {{text}}\n");

        assertThatThrownBy(() -> PostmortemSettings.fromEnv(Map.of("INCIDENT_POSTMORTEM_TEMPLATE", file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("INCIDENT_POSTMORTEM_TEMPLATE: " + file + " line ")
                .hasMessageContaining("followUps")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMisspeltFieldStopsTheStartNamingItsLineRatherThanDraftingABlank() throws IOException {
        Path file = write("# {{incident.title}}\n\n{{#followUps}}\n- {{text}} ({{ownr}})\n{{/followUps}}\n");

        assertThatThrownBy(() -> PostmortemSettings.fromEnv(Map.of("INCIDENT_POSTMORTEM_TEMPLATE", file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("INCIDENT_POSTMORTEM_TEMPLATE: " + file + " line 4: unknown field 'ownr' "
                        + "(see docs/postmortem-template.md)");
    }

    @Test
    void aMissingFileStopsTheStart() {
        Path file = dir.resolve("nope.mustache");
        assertThatThrownBy(() -> PostmortemSettings.fromEnv(Map.of("INCIDENT_POSTMORTEM_TEMPLATE", file.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining(file + ": cannot be read");
    }

    @Test
    void withoutTheVariableTheDefaultLayoutIsUsed() {
        assertThat(PostmortemSettings.fromEnv(Map.of()).template()).isSameAs(DraftTemplate.defaultLayout());
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("team.mustache");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
