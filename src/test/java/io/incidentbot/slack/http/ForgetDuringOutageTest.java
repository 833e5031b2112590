package io.incidentbot.slack.http;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import io.incidentbot.http.Health;
import io.incidentbot.outbox.FailingWrites;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.store.RequestReplays;
import io.incidentbot.testkit.SignedClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command whose replay check passed and that then failed on our side with a 5xx, while the database went down:
 * forgetting its signature fails too, and the user still reads "something went wrong; nothing was changed", not a
 * bare 500.
 */
class ForgetDuringOutageTest {
    @TempDir
    Path dir;

    @Test
    void aCommandThatFailedWith5xxWhileTheDatabaseWentDownAnswersNothingWasChanged() throws Exception {
        FailingWrites storage = new FailingWrites(Database.open(dir.resolve("bot.db").toString()));
        App app = new App(AppConfig.builder().singleTeamBotToken("xoxb-test").requestVerificationEnabled(false)
                .sslCheckEnabled(false).build(), List.of());
        app.command("/incident", (req, ctx) -> {
            storage.failing = true; // the database goes away while the command runs, after its replay check
            return Response.builder().statusCode(503).contentType("text/plain").body("unavailable").build();
        });
        Clock clock = Clock.systemUTC();
        try (storage; HttpFrontEnd front = new HttpFrontEnd(0, app, SignedClient.SIGNING_SECRET, clock,
                () -> new Health(true, "{}"), new ReplayGuard(new RequestReplays(storage), clock))) {
            front.start();
            HttpResponse<String> answer = new SignedClient(front.port(), "http://127.0.0.1:9/response/")
                    .command("declare sev2 Checkout down", "UALICE001", "CGENERAL1");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(SignedClient.text(answer)).startsWith(":warning: Something went wrong on my side; nothing was changed.");
        }
    }
}
