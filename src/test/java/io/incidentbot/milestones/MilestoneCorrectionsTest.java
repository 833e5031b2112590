package io.incidentbot.milestones;

import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.incident.Transactions;
import io.incidentbot.postmortem.PostmortemService;
import io.incidentbot.postmortem.UserDirectory;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Setting and correcting milestones (issue 25), on Google's SRE example: outage 14:54, declared 15:01. */
class MilestoneCorrectionsTest {
    private static final Instant DECLARED = Instant.parse("2026-03-01T15:01:00Z");

    @TempDir
    Path dir;
    private JdbiStorage storage;
    private MilestoneCorrections corrections;

    @BeforeEach
    void incidentMitigatedAt1536() {
        storage = Database.open(dir.resolve("m.db").toString());
        storage.run(r -> {
            long n = r.incidents().create("Shakespeare search down", Severity.SEV1, false, null, "U1", DECLARED).number();
            r.incidents().setStatus(n, Status.MONITORING, at("15:20"), at("15:40"), null);
        });
        corrections = new MilestoneCorrections(Transactions.withoutSubscribers(storage,
                Clock.fixed(at("16:10"), ZoneOffset.UTC)));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static Instant at(String hhmm) {
        return Instant.parse("2026-03-01T" + hhmm + ":00Z");
    }

    private String draft() throws Exception {
        StringWriter out = new StringWriter();
        new PostmortemService(storage, UserDirectory.NONE, Clock.systemUTC(), ZoneId.of("UTC")).render(1, out);
        return out.toString();
    }

    @Test
    void theNoteAndARefusalGiveTimesInTheBotsTimeZone() {
        MilestoneCorrections berlin = new MilestoneCorrections(Transactions.withoutSubscribers(storage,
                Clock.fixed(at("16:10"), ZoneOffset.UTC)), ZoneId.of("Europe/Berlin"));

        berlin.correct(1, Map.of(Milestone.IMPACT_STARTED, at("14:54")), "UCAROL");

        List<String> notes = new java.util.ArrayList<>();
        storage.read(r -> {
            r.timeline().forEach(1, e -> notes.add(e.text()));
            return null;
        });
        assertThat(notes).contains("Corrected impact started unset → 2026-03-01 15:54 CET");
        assertThatThrownBy(() -> berlin.correct(1, Map.of(Milestone.IDENTIFIED, at("14:00")), "UCAROL"))
                .hasMessage("Identified (2026-03-01 15:00 CET) cannot be before impact started (2026-03-01 15:54 CET).");
    }

    @Test
    void settingImpactStartedAndCorrectingMitigatedIsOneEntryNamingOldAndNewAndWho() throws Exception {
        int changed = corrections.correct(1, Map.of(Milestone.IMPACT_STARTED, at("14:54"),
                Milestone.MITIGATED, Instant.parse("2026-03-01T15:36:42Z")), "U2");

        assertThat(changed).isEqualTo(2);
        List<TimelineEntry> notes = new ArrayList<>();
        storage.read(r -> {
            r.timeline().forEach(1, notes::add);
            return null;
        });
        assertThat(notes).filteredOn(e -> e.kind() == EntryKind.NOTE).singleElement().satisfies(e -> {
            assertThat(e.userId()).isEqualTo("U2");
            assertThat(e.text()).isEqualTo("Corrected impact started unset → 2026-03-01 14:54 UTC; "
                    + "mitigated 2026-03-01 15:40 UTC → 2026-03-01 15:36 UTC");
        });
        assertThat(draft()).contains("| Impact started | 2026-03-01 14:54 (7 min before declared) |",
                "| Mitigated | 2026-03-01 15:36 (35 min after declared) |",
                "| Time to detect | 7 min (impact started 14:54) |", "| Time to mitigated | 35 min |");
    }

    @Test
    void mitigatedBeforeImpactStartedIsRefusedWithTheReasonAndNothingChanges() throws Exception {
        assertThatThrownBy(() -> corrections.correct(1, Map.of(Milestone.IMPACT_STARTED, at("15:45")), "U2"))
                .isInstanceOf(MilestoneCorrections.Refused.class)
                .hasMessage("Identified (2026-03-01 15:20 UTC) cannot be before impact started (2026-03-01 15:45 UTC).");

        assertThat(draft()).doesNotContain("Impact started").contains("| Mitigated | 2026-03-01 15:40");
    }

    @Test
    void resolvedCannotBeSetBeforeTheIncidentIsResolved() {
        assertThatThrownBy(() -> corrections.correct(1, Map.of(Milestone.RESOLVED, at("16:00")), "U2"))
                .isInstanceOf(MilestoneCorrections.Refused.class).hasMessageContaining("not resolved yet");
    }

    @Test
    void theSameTimesAgainChangeNothing() {
        assertThat(corrections.correct(1, Map.of(Milestone.IDENTIFIED, at("15:20").plusSeconds(40)), "U2")).isZero();
    }
}
