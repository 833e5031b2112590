package io.incidentbot.slack.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Events API callbacks answered from the one JSON parse {@link SlackEndpoint} makes of the body, instead of
 * handing the request to Bolt. Bolt's {@code EventRequest} builds a new Gson instance and parses every
 * body again before any listener runs: a fifth of the CPU an event costs (JFR, bench scenario 1), for
 * events that the bot reads from raw JSON anyway. Requests the callbacks leave (empty answer) go through
 * Bolt as every other request does, so Bolt still answers {@code url_verification} and runs the listeners
 * of the events the callbacks do not take (e.g. {@code app_home_opened}).
 */
@FunctionalInterface
public interface EventCallbacks {
    /**
     * Handles one signed {@code event_callback} (Events API "Callback type: event_callback").
     *
     * @param envelope the parsed body: {@code type}, {@code event_id}, {@code event_time}, {@code event}, ...
     * @param headers  the request's headers by lower-case name ({@code x-slack-retry-num},
     *                 {@code x-slack-retry-reason}, ...)
     * @return the HTTP status to answer with an empty body (200; 500 makes Slack redeliver the event), or
     *         empty to leave the request to Bolt
     * @throws Exception an unexpected failure; the endpoint answers 500 (Slack redelivers)
     */
    OptionalInt answer(JsonNode envelope, Map<String, List<String>> headers) throws Exception;

    /**
     * @param headers a request's headers by lower-case name, as {@link #answer} gets them
     * @param name    a header name in any case, e.g. {@code X-Slack-Retry-Num}
     * @return the header's first value, or null when the request has none
     */
    static String header(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
