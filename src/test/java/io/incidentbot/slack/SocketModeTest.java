package io.incidentbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.incident.Incident;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackStandIn;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Socket Mode: the bot opens the WebSocket Slack names, takes a slash command over it and acks it. */
class SocketModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aSlashCommandOverSocketModeIsAcknowledgedAndDeclares() throws Exception {
        List<JsonNode> acks = new CopyOnWriteArrayList<>();
        List<WebSocket> sockets = new CopyOnWriteArrayList<>();
        try (SlackStandIn slack = new SlackStandIn()) {
            Map<String, Object> command = new java.util.LinkedHashMap<>(
                    new SignedClient(1, slack.url("/response/")).commandFields("declare sev2 Socket declared", "UALICE001", "CGENERAL1"));
            String envelope = JSON.writeValueAsString(Map.of("envelope_id", "env-1", "type", "slash_commands",
                    "accepts_response_payload", true, "payload", command));
            slack.override("/link", c -> new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
                @Override
                public void onOpen(WebSocket ws, Response response) {
                    sockets.add(ws);
                    ws.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"standin\"},"
                            + "\"connection_info\":{\"app_id\":\"A0TEST001\"}}");
                    ws.send(envelope);
                }

                @Override
                public void onMessage(WebSocket ws, String text) {
                    try {
                        acks.add(JSON.readTree(text));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
            slack.override("apps.connections.open", c -> SlackStandIn.json(Map.of("ok", true,
                    "url", slack.url("/link").replace("http://", "ws://"))));
            Map<String, String> env = RunningBot.env(slack, dir.resolve("i.db"));
            env.remove("SLACK_SIGNING_SECRET");
            env.put("SLACK_APP_TOKEN", "xapp-1-A0TEST001-test");

            try (RunningBot bot = RunningBot.start(slack, env)) {
                await("ack over the socket", 20, () -> !acks.isEmpty());
                assertThat(acks.get(0).path("envelope_id").asText()).isEqualTo("env-1");
                assertThat(acks.get(0).toString()).contains("Declared incident 1");
                await("channel", 10, () -> bot.bot.storage().transaction(r -> r.incidents().find(1))
                        .map(Incident::channelId).isPresent());
                assertThat(slack.calls("apps.connections.open").get(0).token()).isEqualTo("xapp-1-A0TEST001-test");
                assertThat(bot.client.get("/healthz").statusCode()).isEqualTo(200);
                assertThat(bot.client.command("help", "UALICE001", "C1").statusCode())
                        .as("no HTTP endpoint for Slack in Socket Mode").isEqualTo(404);
            } finally {
                sockets.forEach(ws -> ws.close(1000, "test over"));
            }
        }
    }
}
