package io.incidentbot.pager.oncall;

import io.incidentbot.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The on-call file: read and checked against its schema, each problem one line naming the line; who is on call when. */
public class OncallFileTest {
    public static final String GOOD = """
            rotations:
              - name: primary
                users: [U0AAAAAAA, U0BBBBBBB, U0CCCCCCC]
                handoff: "09:00"
                timezone: Europe/Berlin
                period: weekly
                start: 2026-01-05
              - name: secondary
                users: [U0DDDDDDD]
                handoff: "00:00"
                timezone: UTC
                period: daily
            escalation:
              - rotation: primary
                minutes: 10
              - users: [U0EEEEEEE, U0FFFFFFF]
                minutes: 15
            """;

    private static String problem(String yaml) {
        try {
            OncallFile.parse("oncall.yml", yaml);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void aGoodFileGivesItsRotationsAndSteps() {
        OncallPolicy p = OncallFile.parse("oncall.yml", GOOD);
        assertThat(p.rotations()).extracting(Rotation::name).containsExactly("primary", "secondary");
        Rotation primary = p.rotation("primary").orElseThrow();
        assertThat(primary.handoff()).isEqualTo(LocalTime.of(9, 0));
        assertThat(primary.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(p.steps()).extracting(OncallPolicy.Step::minutes).containsExactly(10, 15);
        assertThat(p.steps().get(1).users()).containsExactly("U0EEEEEEE", "U0FFFFFFF");
    }

    @Test
    void eachProblemIsOneLineNamingTheFileAndTheLine() {
        assertThat(problem(GOOD.replace("period: weekly", "period: fortnightly")))
                .startsWith("INCIDENT_ONCALL_FILE oncall.yml line 6: ").contains("period").doesNotContain("\n");
        assertThat(problem(GOOD.replace("U0BBBBBBB", "oncall-team"))).startsWith("INCIDENT_ONCALL_FILE oncall.yml line 3: ");
        assertThat(problem(GOOD.replace("\"09:00\"", "\"9am\""))).startsWith("INCIDENT_ONCALL_FILE oncall.yml line 4: ");
        assertThat(problem(GOOD.replace("timezone: Europe/Berlin", "timezone: Mars/Olympus")))
                .isEqualTo("INCIDENT_ONCALL_FILE oncall.yml line 5: timezone 'Mars/Olympus' is not a time zone ID such as Europe/Berlin");
        assertThat(problem(GOOD.replace("- rotation: primary", "- rotation: tertiary")))
                .isEqualTo("INCIDENT_ONCALL_FILE oncall.yml line 14: escalation names rotation 'tertiary', which the file does not define");
        assertThat(problem(GOOD.replace("minutes: 15", "minutes: 0"))).startsWith("INCIDENT_ONCALL_FILE oncall.yml line 17: ");
        assertThat(problem("rotations: [\n  {name: a\n")).startsWith("INCIDENT_ONCALL_FILE oncall.yml line ").contains("not YAML");
        assertThat(problem("")).contains("empty");
    }

    @Test
    void theOnCallTurnsAtTheLocalHandoffAcrossADaylightSavingChange() {
        Rotation primary = OncallFile.parse("oncall.yml", GOOD).rotation("primary").orElseThrow();
        // 2026-01-05 09:00 Berlin (08:00 UTC) starts A's week
        assertThat(primary.at(Instant.parse("2026-01-05T07:59:00Z")).user()).as("the week before").isEqualTo("U0CCCCCCC");
        Rotation.Turn first = primary.at(Instant.parse("2026-01-05T08:00:00Z"));
        assertThat(first.user()).isEqualTo("U0AAAAAAA");
        assertThat(first.next()).isEqualTo("U0BBBBBBB");
        assertThat(first.handover()).isEqualTo(Instant.parse("2026-01-12T08:00:00Z"));
        assertThat(primary.at(Instant.parse("2026-01-19T08:00:00Z")).user()).isEqualTo("U0CCCCCCC");
        assertThat(primary.at(Instant.parse("2026-01-26T08:00:00Z")).user()).as("round again").isEqualTo("U0AAAAAAA");
        // Berlin moves to summer time on 2026-03-29: the Monday hand-off is 07:00 UTC from then on
        Rotation.Turn summer = primary.at(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(summer.handover()).isEqualTo(Instant.parse("2026-04-06T07:00:00Z"));
    }

    @Test
    void aStepNamesTheCurrentOnCallOfItsRotationOrItsUsers() {
        OncallPolicy p = OncallFile.parse("oncall.yml", GOOD);
        assertThat(p.recipients(0, Instant.parse("2026-01-13T12:00:00Z"))).containsExactly("U0BBBBBBB");
        assertThat(p.recipients(1, Instant.parse("2026-01-13T12:00:00Z"))).containsExactly("U0EEEEEEE", "U0FFFFFFF");
    }
}
