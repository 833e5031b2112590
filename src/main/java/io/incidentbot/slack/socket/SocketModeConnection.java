package io.incidentbot.slack.socket;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import io.incidentbot.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The Socket Mode connection (Slack's "Using Socket Mode": {@code apps.connections.open} with the
 * app-level token, then a WebSocket): opened in the background and retried with {@link Backoff} (0.5 s
 * doubling to 60 s, jittered) while Slack cannot be reached, so the bot starts, and {@code /healthz}
 * answers, whether or not Slack is up. Once connected, the SDK's client reconnects by itself.
 */
public final class SocketModeConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SocketModeConnection.class);
    /** Retries of {@code apps.connections.open}: 0.5 s doubling to a minute. */
    static final Backoff BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofMinutes(1));

    private final String appToken;
    private final App app;
    private SocketModeApp socket;
    private Thread connecting;
    private boolean closed;

    /**
     * @param appToken the app-level token, {@code xapp-...} ({@code SLACK_APP_TOKEN})
     * @param app      the Bolt app that serves the requests arriving over the socket
     */
    public SocketModeConnection(String appToken, App app) {
        this.appToken = appToken;
        this.app = app;
    }

    /** Starts connecting on a daemon thread and returns at once; see {@link #close()} to stop. */
    public synchronized void start() {
        if (closed || connecting != null) {
            return;
        }
        connecting = new Thread(() -> BACKOFF.retry(this::attempt, d -> Thread.sleep(d.toMillis())),
                "socket-mode-connect");
        connecting.setDaemon(true);
        connecting.start();
    }

    private boolean attempt() {
        if (isClosed()) {
            return true;
        }
        try {
            SocketModeApp sm = new SocketModeApp(appToken, app);
            sm.startAsync();
            synchronized (this) {
                if (closed) {
                    sm.close();
                    return true;
                }
                socket = sm;
            }
            log.info("Socket Mode connected");
            return true;
        } catch (Exception e) {
            log.warn("Socket Mode connection failed: {}; retrying", cause(e));
            return false;
        }
    }

    /**
     * The real reason a connection attempt failed. The SDK hides network failures of
     * {@code apps.connections.open} (a {@code NullPointerException}, or "The token is invalid" naming the
     * host), so unless the exception's own causes carry an {@link java.io.IOException}, the method is called
     * once more here and what it says (a network exception, or Slack's error code) is reported.
     */
    private String cause(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return t.toString();
            }
        }
        try {
            var r = app.slack().methods().appsConnectionsOpen(req -> req.token(appToken));
            return r.isOk() ? e.toString() + " (apps.connections.open answers ok; the WebSocket failed)"
                    : "apps.connections.open answered " + r.getError();
        } catch (java.io.IOException io) {
            return "cannot reach Slack: " + io;
        } catch (Exception other) {
            return e + " / apps.connections.open: " + other;
        }
    }

    /**
     * @return true once the socket was opened and while it is not closed (the SDK's client reconnects by
     *         itself after a drop; its session state is checked when it exposes one)
     */
    public synchronized boolean connected() {
        if (closed || socket == null) {
            return false;
        }
        try {
            return socket.getClient() == null || socket.getClient().verifyConnection();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Stops retrying and closes the socket when it is open; requests in flight over it are cut. */
    @Override
    public void close() {
        SocketModeApp sm;
        Thread t;
        synchronized (this) {
            closed = true;
            sm = socket;
            t = connecting;
        }
        if (t != null) {
            t.interrupt();
        }
        if (sm != null) {
            try {
                sm.close();
            } catch (Exception e) {
                log.warn("socket mode close failed", e);
            }
        }
    }
}
