package io.incidentbot.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.model.event.MessageEvent;
import io.incidentbot.http.Health;
import io.incidentbot.slack.http.HttpFrontEnd;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * The baseline the benchmark compares the bot with: a bare Bolt app (Bolt's default middlewares,
 * one {@code message} event listener that only acks) served by the same front end as the bot
 * ({@link HttpFrontEnd} on Jetty 12: signature and timestamp check, {@code SlackRequestParser},
 * {@code App.run}). No database, no outbox, no listeners of our own: what any Bolt app on this server
 * stack pays per event. Run as its own JVM with the bot's environment variables
 * ({@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET}, {@code SLACK_API_URL}, {@code PORT}).
 */
public final class BaselineBolt {
    private BaselineBolt() {
    }

    public static void main(String[] args) throws Exception {
        String secret = System.getenv("SLACK_SIGNING_SECRET");
        SlackConfig sc = new SlackConfig();
        sc.setMethodsEndpointUrlPrefix(System.getenv().getOrDefault("SLACK_API_URL", "https://slack.com/api/"));
        sc.setPrettyResponseLoggingEnabled(false);
        sc.setFailOnUnknownProperties(false);
        App app = new App(AppConfig.builder()
                .slack(Slack.getInstance(sc))
                .singleTeamBotToken(System.getenv("SLACK_BOT_TOKEN"))
                .signingSecret(secret)
                .sslCheckEnabled(false)
                .build());
        app.event(MessageEvent.class, (req, ctx) -> ctx.ack());
        app.start();
        HttpFrontEnd http = new HttpFrontEnd(Integer.parseInt(System.getenv().getOrDefault("PORT", "3000")), app, secret,
                Clock.systemUTC(), () -> new Health(true, "{\"status\":\"ok\"}"));
        http.start();
        System.out.println("baseline Bolt app listening on port " + http.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}
