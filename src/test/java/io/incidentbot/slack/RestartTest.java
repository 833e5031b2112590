package io.incidentbot.slack;

import io.incidentbot.incident.Incident;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

class RestartTest {
    @TempDir
    Path dir;

    private static List<Incident> incidents(RunningBot bot) {
        return bot.bot.storage().transaction(r -> r.incidents().listAll());
    }

    @Test
    void aRestartOnTheSameFileKeepsEveryIncidentAndTheNumberSequence() throws Exception {
        Path db = dir.resolve("incidents.db");
        try (SlackStandIn slack = new SlackStandIn()) {
            try (RunningBot first = RunningBot.start(slack, db)) {
                first.client.command("declare sev1 Database down", "UALICE001", "CGENERAL1");
                first.client.command("declare Queue backlog", "UBOB00001", "CGENERAL1");
                await("both channels", 10, () -> incidents(first).stream().allMatch(i -> i.headerTs() != null));
            }
            try (RunningBot second = RunningBot.start(slack, db)) {
                assertThat(incidents(second)).extracting(Incident::number, Incident::title)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "Database down"),
                                org.assertj.core.groups.Tuple.tuple(2L, "Queue backlog"));
                assertThat(second.client.say("list", "UCAROL001", "CGENERAL1"))
                        .contains("Database down").contains("Queue backlog");

                second.client.command("declare Cache stampede", "UCAROL001", "CGENERAL1");

                await("third channel", 10, () -> incidents(second).size() == 3 && incidents(second).get(2).channelId() != null);
                assertThat(incidents(second).get(2).number()).isEqualTo(3);
                assertThat(incidents(second).get(2).channelName()).isEqualTo("inc-3-cache-stampede");
            }
        }
    }
}
