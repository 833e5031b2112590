package io.incidentbot.statuspage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The page served by the running bot: on {@code PORT} with its components from settings, or on its own port. */
class StatusPageInBotTest {
    @RegisterExtension
    final RunningBotExtension running = new RunningBotExtension();
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void offByDefaultSoThePathsAre404() throws Exception {
        assertThat(get(running.bot().bot.port(), "/status").statusCode()).isEqualTo(404);
        assertThat(get(running.bot().bot.port(), "/api/v2/summary.json").statusCode()).isEqualTo(404);
    }

    @Test
    void onThePortWithTheConfiguredComponentsAndTitle() throws Exception {
        Map<String, String> env = new HashMap<>(running.env());
        env.put("INCIDENT_STATUS_PAGE", "on");
        env.put("INCIDENT_STATUS_PAGE_TITLE", "Acme <Status>");
        env.put("INCIDENT_STATUS_COMPONENTS", "API, Web/Dashboard");
        RunningBot bot = running.restart(env);
        int port = bot.bot.port();
        HttpResponse<String> page = get(port, "/status");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Acme &lt;Status&gt;</title>").contains("Dashboard").contains("All Systems Operational");
        var summary = new ObjectMapper().readTree(get(port, "/api/v2/summary.json").body());
        assertThat(summary.at("/page/name").asText()).isEqualTo("Acme <Status>");
        assertThat(summary.get("components")).extracting(c -> c.get("name").asText()).containsExactly("API", "Web", "Dashboard");
        assertThat(get(port, "/healthz").statusCode()).isIn(200, 503); // the rest of the front end is still there
    }

    @Test
    void onItsOwnPortOnlyThePageIsServed() throws Exception {
        Map<String, String> env = new HashMap<>(running.env());
        env.put("INCIDENT_STATUS_PAGE", "on");
        env.put("INCIDENT_STATUS_PAGE_PORT", "0");
        RunningBot bot = running.restart(env);
        int own = bot.bot.statusPagePort();
        assertThat(own).isPositive().isNotEqualTo(bot.bot.port());
        assertThat(get(own, "/status").statusCode()).isEqualTo(200);
        assertThat(get(own, "/api/v2/status.json").body()).contains("\"indicator\":\"none\"");
        assertThat(get(own, "/slack/events").statusCode()).isEqualTo(404);
        assertThat(get(own, "/healthz").statusCode()).isEqualTo(404);
        assertThat(get(bot.bot.port(), "/status").statusCode()).isEqualTo(404);
    }
}
