package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Severity;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.slack.web.SlackSdk;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Republishing Home tabs: only on change, at most once a minute per user, only for the last day's viewers. */
class HomeTabsRefreshTest {
    @TempDir
    Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    SlackStandIn slack;
    JdbiStorage storage;
    IncidentService incidents;
    HomeTabs homeTabs;

    @BeforeEach
    void open() throws Exception {
        slack = new SlackStandIn();
        storage = Database.open(dir.resolve("incidents.db").toString());
        incidents = new IncidentService(io.incidentbot.testkit.Units.slack(storage, clock, false));
        homeTabs = new HomeTabs(new HomeViews(storage), incidents.queries(), SlackSdk.forApi(slack.apiUrl()).methods(SlackStandIn.BOT_TOKEN),
                clock, java.time.ZoneOffset.UTC);
    }

    @AfterEach
    void close() throws Exception {
        storage.close();
        slack.close();
    }

    private void opened(String user) {
        storage.run(r -> r.homeViews().opened(user, clock.instant()));
    }

    private void declare(String title) {
        incidents.declare(new Declaration(title, Severity.SEV2, null, false, "UALICE001", null));
    }

    @Test
    void aChangeIsPublishedAtMostOnceAMinuteAndNothingWithoutAChange() {
        opened("UALICE001");
        assertThat(homeTabs.refresh()).as("first publish").isEqualTo(1);
        assertThat(homeTabs.refresh()).as("no change").isZero();

        clock.advance(Duration.ofSeconds(20));
        declare("Checkout errors");
        assertThat(homeTabs.refresh()).as("changed, but published 20 s ago").isZero();
        clock.advance(Duration.ofSeconds(40));
        assertThat(homeTabs.refresh()).isEqualTo(1);
        assertThat(slack.calls("views.publish")).hasSize(2);
        assertThat(slack.calls("views.publish").get(1).arg("view")).contains("Checkout errors");
        assertThat(slack.calls("views.publish").get(1).arg("user_id")).isEqualTo("UALICE001");
    }

    @Test
    void timePassingChangesTheInsightsOnlyOnceAnHourSoAnOpenIncidentDoesNotRepublishEveryMinute() {
        opened("UALICE001");
        declare("Checkout errors");
        assertThat(homeTabs.refresh()).isEqualTo(1);
        assertThat(slack.calls("views.publish").get(0).arg("view")).contains("Incident insights", "Longest open");

        clock.advance(Duration.ofMinutes(59));
        assertThat(homeTabs.refresh()).as("the insights are as of 10:00 until 11:00").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(homeTabs.refresh()).as("as of 11:00: open 1 h").isEqualTo(1);
        assertThat(slack.calls("views.publish").get(1).arg("view")).contains("open 1 h");
    }

    @Test
    void onlyUsersWhoOpenedTheirTabInTheLastDayAreFollowed() {
        opened("UOLDTIMER");
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        opened("UALICE001");

        assertThat(homeTabs.refresh()).isEqualTo(1);
        assertThat(slack.calls("views.publish").get(0).arg("user_id")).isEqualTo("UALICE001");
    }
}
