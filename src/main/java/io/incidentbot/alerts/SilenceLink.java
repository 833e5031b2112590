package io.incidentbot.alerts;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The link to Alertmanager's "New silence" form pre-filled with matchers, as Alertmanager's own UI builds it
 * (prometheus/alertmanager {@code ui/app/src/Views/SilenceForm/Parsing.elm}, {@code encodeMatchers}, and
 * {@code ui/app/src/Utils/Filter.elm}, {@code stringifyFilter}): {@code <externalURL>/#/silences/new?filter=}
 * followed by the percent-encoded filter {@code {name="value", name2="value2"}} (values as JSON strings,
 * matchers joined by {@code ", "}, names sorted as Elm's {@code Dict} lists them).
 */
public final class SilenceLink {
    /** Longest link built; a longer one (very many or very long labels) is left out. */
    public static final int MAX_LENGTH = 1500;

    private SilenceLink() {
    }

    /**
     * @param externalUrl the notification's {@code externalURL} (Alertmanager's address), may be null
     * @param matchers    the labels every alert to silence has, name to value (equality matchers)
     * @return the form's link; empty when {@code externalUrl} is not an http(s) URL, there is no matcher,
     *         or the link would exceed {@link #MAX_LENGTH}
     */
    public static Optional<String> alertmanager(String externalUrl, Map<String, String> matchers) {
        if (externalUrl == null || !externalUrl.matches("https?://[^\\s|<>]+") || matchers.isEmpty()) {
            return Optional.empty();
        }
        String filter = new TreeMap<>(matchers).entrySet().stream()
                .map(e -> e.getKey() + "=\"" + new String(JsonStringEncoder.getInstance().quoteAsString(e.getValue())) + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
        String base = externalUrl.endsWith("/") ? externalUrl.substring(0, externalUrl.length() - 1) : externalUrl;
        String link = base + "/#/silences/new?filter=" + percentEncode(filter);
        return link.length() > MAX_LENGTH ? Optional.empty() : Optional.of(link);
    }

    /** @return {@code s} as JavaScript's {@code encodeURIComponent} (Elm's {@code Url.percentEncode}) writes it */
    static String percentEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%21", "!")
                .replace("%27", "'").replace("%28", "(").replace("%29", ")").replace("%7E", "~");
    }
}
