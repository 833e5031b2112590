package io.incidentbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Slack's Web API reference data (slack-ruby/slack-api-ref, MIT): {@code ../shared/slack-api-ref}
 * when present, else the copy under {@code src/test/resources/slack-api-ref}. Checks recorded calls
 * against it and against {@code manifest.yml}.
 */
public final class SlackApiReference {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path root;
    private final JsonNode manifest;

    public SlackApiReference() {
        Path shared = Path.of("..", "shared", "slack-api-ref");
        root = Files.isDirectory(shared.resolve("methods")) ? shared : Path.of("src", "test", "resources", "slack-api-ref");
        try {
            manifest = new YAMLMapper().readTree(Path.of("manifest.yml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the parsed manifest.yml */
    public JsonNode manifest() {
        return manifest;
    }

    /** @return the bot scopes manifest.yml requests */
    public Set<String> manifestScopes() {
        Set<String> scopes = new LinkedHashSet<>();
        manifest.path("oauth_config").path("scopes").path("bot").forEach(s -> scopes.add(s.asText()));
        return scopes;
    }

    /** @return the method's reference JSON, or null when Slack has no such method */
    public JsonNode method(String name) {
        Path file = root.resolve("methods").resolve(name + ".json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the event type's reference entry, or null */
    public JsonNode event(String name) {
        try {
            for (JsonNode e : JSON.readTree(root.resolve("events").resolve("events.json").toFile())) {
                if (name.equals(e.path("name").asText())) {
                    return e;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return strings from a JSON array node */
    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * @return problems with one recorded call: unknown method, a missing required argument, or no
     *         bot scope of the method in manifest.yml; empty when the call is fine
     */
    public List<String> problems(SlackStandIn.Call call) {
        List<String> problems = new ArrayList<>();
        JsonNode ref = method(call.method());
        if (ref == null) {
            problems.add(call.method() + ": no such Web API method");
            return problems;
        }
        for (String required : strings(ref.path("args").path("required"))) {
            boolean sent = required.equals("token") ? call.token() != null : call.args().containsKey(required);
            if (!sent) {
                problems.add(call.method() + ": required argument '" + required + "' not sent");
            }
        }
        List<String> botScopes = strings(ref.path("scope").path("bot"));
        if (!botScopes.isEmpty() && botScopes.stream().noneMatch(manifestScopes()::contains)) {
            problems.add(call.method() + ": none of its bot scopes " + botScopes + " is in manifest.yml");
        }
        return problems;
    }
}
