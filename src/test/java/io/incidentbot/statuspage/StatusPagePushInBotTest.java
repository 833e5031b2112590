package io.incidentbot.statuspage;

import io.incidentbot.incident.Severity;
import io.incidentbot.testkit.CachetStandIn;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.StatuspageStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pushes through the running bot: a public change enqueues one job per hosted page in its transaction, and the bot's
 * outbox worker delivers them through the status-page subscriber's routes to the Statuspage and Cachet stand-ins.
 */
class StatusPagePushInBotTest {
    @RegisterExtension
    final RunningBotExtension running = new RunningBotExtension();

    @Test
    void publishAndResolveReachStatuspageAndCachet() throws Exception {
        try (StatuspageStandIn statuspage = new StatuspageStandIn("sp-key", "pg1"); CachetStandIn cachet = new CachetStandIn("ct")) {
            Map<String, String> env = new HashMap<>(running.env());
            env.put("INCIDENT_STATUS_PAGE", "on");
            env.put("INCIDENT_STATUS_COMPONENTS", "API");
            env.put("STATUSPAGE_API_KEY", "sp-key");
            env.put("STATUSPAGE_PAGE_ID", "pg1");
            env.put("STATUSPAGE_API_URL", statuspage.apiUrl());
            env.put("STATUSPAGE_COMPONENTS", "API=spapi");
            env.put("CACHET_URL", cachet.url());
            env.put("CACHET_TOKEN", "ct");
            env.put("CACHET_COMPONENTS", "API=9");
            RunningBot bot = running.restart(env);
            var storage = bot.bot.storage();
            // the same use cases the Slack modals call, on the bot's database
            StatusPageService service = new StatusPageService(storage, Clock.systemUTC(), List.of("statuspage", "cachet"), () -> { });
            await().atMost(Duration.ofSeconds(20)).until(() -> !service.components().isEmpty());
            String api = service.components().get(0).id();
            long n = storage.transaction(r -> r.incidents().create("internal", Severity.SEV2, false, null, "U1",
                    java.time.Instant.now())).number();
            service.publish(n, new StatusPageService.Publication("Errors on the API", PublicStatus.INVESTIGATING,
                    Map.of(api, ComponentState.MAJOR_OUTAGE), "Looking"), "U1");
            await().atMost(Duration.ofSeconds(30)).until(() -> statuspage.calls().size() == 1 && cachet.calls().size() == 1);
            assertThat(statuspage.calls().get(0).body().at("/incident/components/spapi").asText()).isEqualTo("major_outage");
            assertThat(cachet.calls().get(0).body().get("components").get(0).get("component_id").asInt()).isEqualTo(9);

            service.resolve(n, "Fixed", "U1");
            await().atMost(Duration.ofSeconds(30)).until(() -> statuspage.calls().size() == 2 && cachet.calls().size() == 2);
            assertThat(statuspage.calls().get(1).method()).isEqualTo("PATCH");
            assertThat(statuspage.calls().get(1).body().at("/incident/status").asText()).isEqualTo("resolved");
            assertThat(cachet.calls().get(1).body().get("status").asInt()).isEqualTo(4);
            assertThat(storage.read((io.incidentbot.store.Repositories r) -> r.statusPage().incidentOf(n)).orElseThrow().status())
                    .isEqualTo(PublicStatus.RESOLVED);
        }
    }
}
