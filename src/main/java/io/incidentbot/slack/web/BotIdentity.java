package io.incidentbot.slack.web;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.incidentbot.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bot's own identity, from {@code auth.test}, and the Bolt middleware that puts the bot token
 * into every request's context. Unlike Bolt's {@code SingleTeamAuthorization} it never calls the
 * Web API while a request waits for its ack: {@code auth.test} runs in the background at start and
 * is retried until Slack answers.
 */
public final class BotIdentity implements Middleware {
    private static final Logger log = LoggerFactory.getLogger(BotIdentity.class);

    /** Retries of {@code auth.test}: 0.5 s doubling to a minute, jittered. */
    static final Backoff BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofMinutes(1));

    private final String botToken;
    /** A working token is checked again ({@code auth.test}) this often, so a revocation is noticed when idle. */
    public static final Duration RECHECK = Duration.ofMinutes(5);

    private final AtomicReference<AuthTestResponse> auth = new AtomicReference<>();
    private volatile long lastCheckNanos = System.nanoTime();

    /** @param botToken {@code xoxb-...} */
    public BotIdentity(String botToken) {
        this.botToken = botToken;
    }

    /**
     * Calls {@code auth.test} until it answers {@code ok}, waiting between tries as {@link #BACKOFF} says.
     *
     * @param client the Web API client with the bot token
     * @return a daemon thread doing it, already started; interrupting it stops the tries
     */
    public Thread resolveInBackground(MethodsClient client) {
        Thread t = new Thread(() -> BACKOFF.retry(() -> {
            try {
                AuthTestResponse r = client.authTest(req -> req);
                if (r.isOk()) {
                    auth.set(r);
                    log.info("connected to Slack as bot user {} (bot {}) in team {}", r.getUserId(), r.getBotId(), r.getTeamId());
                    return true;
                }
                // Logged once by ops/SlackStatus (a refused token, an outage), not once per try.
                log.debug("auth.test failed: {}", r.getError());
            } catch (Exception e) {
                log.debug("auth.test failed: {}", e.toString());
            }
            return false;
        }, d -> Thread.sleep(d.toMillis())), "auth-test");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * One {@code auth.test}, after the first one succeeded, when {@code needed} (the token was refused
     * since, or the last {@code auth.test} failed) or when the last check is older than {@link #RECHECK}:
     * how a revoked token is noticed while the bot is idle, and how the bot becomes ready again once the
     * token works. Call it every few seconds (the scheduler does); it returns at once when nothing is due.
     *
     * @param client the Web API client with the bot token
     * @param needed true when readiness waits for a successful {@code auth.test}
     */
    public void recheck(MethodsClient client, boolean needed) {
        long now = System.nanoTime();
        if (auth.get() == null || !needed && now - lastCheckNanos < RECHECK.toNanos()) {
            return;
        }
        lastCheckNanos = now;
        try {
            AuthTestResponse r = client.authTest(req -> req);
            if (r.isOk()) {
                auth.set(r);
            }
        } catch (Exception e) {
            log.debug("auth.test recheck failed: {}", e.toString());
        }
    }

    /** @return the bot's user ID ({@code U...}), or null until {@code auth.test} answered */
    public String botUserId() {
        AuthTestResponse r = auth.get();
        return r == null ? null : r.getUserId();
    }

    /** @return the bot ID ({@code B...}), or null until {@code auth.test} answered */
    public String botId() {
        AuthTestResponse r = auth.get();
        return r == null ? null : r.getBotId();
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        var ctx = req.getContext();
        ctx.setBotToken(botToken);
        AuthTestResponse r = auth.get();
        if (r != null) {
            ctx.setBotUserId(r.getUserId());
            ctx.setBotId(r.getBotId());
            if (ctx.getTeamId() == null) {
                ctx.setTeamId(r.getTeamId());
            }
        }
        return chain.next(req);
    }
}
