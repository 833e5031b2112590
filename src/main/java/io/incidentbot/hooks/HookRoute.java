package io.incidentbot.hooks;

import java.util.function.Function;

/**
 * An extra {@code POST /hooks/<name>} endpoint an integration adds to the front door ({@link HookHandler}): the
 * front door answers 404 when it is off, 405, 413 and (for {@link Auth#BEARER}) 401 itself, reads the body, maps a
 * {@link MalformedPayloadException} to 400 and any other exception to 503; the route authenticates
 * {@link Auth#SIGNED} bodies itself (answering status 401, which the front door turns into "missing or wrong
 * signature or token" with a rate-limited WARN) and must commit what it accepts before answering 2xx. A route named
 * {@code github:<event>} gets the {@code /hooks/github} deliveries whose {@code X-GitHub-Event} is that event, after
 * the front door checked their signature.
 */
public interface HookRoute {
    /** How the front door authenticates the route's requests. */
    enum Auth {
        /** {@code Authorization: Bearer $INCIDENT_WEBHOOK_TOKEN}, checked before the body is read. */
        BEARER,
        /** The route checks a signature over the body (answering 401 itself). */
        SIGNED
    }

    /** @return how requests are authenticated */
    Auth auth();

    /** @return false to answer 404 (the route's settings are unset) */
    boolean enabled();

    /**
     * @param header a request header by name (case-insensitive), null when absent
     * @param body   the raw body, at most {@link HookHandler#MAX_BODY} bytes
     * @return the status and JSON body to answer
     * @throws MalformedPayloadException for a body the route cannot read (400)
     */
    Answer handle(Function<String, String> header, byte[] body);

    /**
     * @param auth    how requests are authenticated
     * @param enabled false to answer 404
     * @param handle  what {@link #handle} does
     * @return a route of these parts
     */
    static HookRoute of(Auth auth, boolean enabled, java.util.function.BiFunction<Function<String, String>, byte[], Answer> handle) {
        return new HookRoute() {
            @Override
            public Auth auth() {
                return auth;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Answer handle(Function<String, String> header, byte[] body) {
                return handle.apply(header, body);
            }
        };
    }

    /**
     * @param status HTTP status
     * @param json   a small JSON object
     */
    record Answer(int status, String json) {
    }
}
