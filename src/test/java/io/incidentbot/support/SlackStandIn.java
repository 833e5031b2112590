package io.incidentbot.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A stand-in for Slack's Web API on loopback (okhttp MockWebServer), reached through
 * {@code SLACK_API_URL}. Dispatches by path, keeps channels it created (so {@code name_taken} is
 * real), records every call with its arguments, and can be told to answer a method differently.
 */
public final class SlackStandIn implements AutoCloseable {
    /** The token the tests configure. */
    public static final String BOT_TOKEN = "xoxb-test-0000-token";
    public static final String BOT_USER = "UBOT00001";
    public static final String BOT_ID = "BBOT00001";
    public static final String TEAM = "T0TEST001";

    /**
     * One recorded Web API call.
     *
     * @param method e.g. {@code chat.postMessage}
     * @param args   form or JSON arguments as strings
     * @param token  the token sent (header or form)
     */
    public record Call(String method, Map<String, String> args, String token) {
        public String arg(String name) {
            return args.get(name);
        }

        /** @return a boolean argument as the SDK sends it ({@code 1}/{@code true}) */
        public boolean flag(String name) {
            return "1".equals(args.get(name)) || "true".equals(args.get(name));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> channelsByName = new ConcurrentHashMap<>();
    private final Map<String, Function<Call, MockResponse>> overrides = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(100);
    private final AtomicInteger tsCounter = new AtomicInteger(1);

    public SlackStandIn() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start();
    }

    /** @return the base URL to give as {@code SLACK_API_URL}, ending in {@code /api/} */
    public String apiUrl() {
        return server.url("/api/").toString();
    }

    /** @return a URL on this server for things like {@code response_url} */
    public String url(String path) {
        return server.url(path).toString();
    }

    /** Pretends a channel with this name exists already. */
    public void existingChannel(String name) {
        channelsByName.put(name, "CEXIST" + ids.incrementAndGet());
    }

    /** Answers {@code method} with {@code answer} instead of the default. */
    public void override(String method, Function<Call, MockResponse> answer) {
        overrides.put(method, answer);
    }

    /** @return a JSON answer with status 200 */
    public static MockResponse json(Object body) {
        try {
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json; charset=utf-8")
                    .setBody(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return every call so far, {@code auth.test} included */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** @return the calls of one method, in order */
    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** @return the calls except {@code auth.test}, in order, as "method" strings */
    public List<String> methods() {
        return calls.stream().map(Call::method).filter(m -> !m.equals("auth.test") && !m.startsWith("response_url")).toList();
    }

    /**
     * Waits until {@code condition} holds, checking every 20 ms.
     *
     * @throws AssertionError after {@code seconds}
     */
    public static void await(String what, int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath().replaceAll("\\?.*", "");
        String body = request.getBody().readUtf8();
        Map<String, String> args = parse(request.getHeader("Content-Type"), body);
        String auth = request.getHeader("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : args.get("token");
        if (path.startsWith("/response/")) {
            calls.add(new Call("response_url" + path.substring("/response".length()), args, null));
            return new MockResponse().setResponseCode(200).setBody("ok");
        }
        String method = path.startsWith("/api/") ? path.substring(5) : path;
        Call call = new Call(method, args, token);
        calls.add(call);
        Function<Call, MockResponse> override = overrides.get(method);
        if (override != null) {
            MockResponse r = override.apply(call);
            if (r != null) {
                return r;
            }
        }
        if (!BOT_TOKEN.equals(token)) {
            return json(Map.of("ok", false, "error", "invalid_auth"));
        }
        return json(defaultAnswer(call));
    }

    private Map<String, Object> defaultAnswer(Call call) {
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("ok", true);
        switch (call.method()) {
            case "auth.test" -> {
                ok.put("user_id", BOT_USER);
                ok.put("bot_id", BOT_ID);
                ok.put("team_id", TEAM);
                ok.put("user", "incident-bot");
            }
            case "conversations.create" -> {
                String name = call.arg("name");
                if (name == null || name.isEmpty() || name.length() > 80 || !name.matches("[a-z0-9_-]+")) {
                    return Map.of("ok", false, "error", "invalid_name_specials");
                }
                if (channelsByName.containsKey(name)) {
                    return Map.of("ok", false, "error", "name_taken");
                }
                boolean isPrivate = call.flag("is_private");
                String id = (isPrivate ? "G" : "C") + "INC" + ids.incrementAndGet();
                channelsByName.put(name, id);
                ok.put("channel", Map.of("id", id, "name", name, "is_private", isPrivate));
            }
            case "chat.postMessage" -> {
                ok.put("channel", call.arg("channel"));
                ok.put("ts", nextTs());
            }
            case "chat.update" -> {
                ok.put("channel", call.arg("channel"));
                ok.put("ts", call.arg("ts"));
            }
            case "conversations.setTopic" -> ok.put("channel", Map.of("id", String.valueOf(call.arg("channel"))));
            case "conversations.invite" -> ok.put("channel", Map.of("id", String.valueOf(call.arg("channel"))));
            case "views.open" -> ok.put("view", Map.of("id", "VVIEW0001"));
            default -> { }
        }
        return ok;
    }

    /** @return a fresh message ts */
    public String nextTs() {
        return String.format("1700000000.%06d", tsCounter.getAndIncrement());
    }

    private static Map<String, String> parse(String contentType, String body) {
        Map<String, String> args = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return args;
        }
        if (contentType != null && contentType.contains("json")) {
            try {
                JSON.readTree(body).fields().forEachRemaining(e -> args.put(e.getKey(),
                        e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
            } catch (IOException e) {
                args.put("_raw", body);
            }
            return args;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            args.put(k, v);
        }
        return args;
    }

    /** @return the names of channels that exist */
    public Set<String> channelNames() {
        return Set.copyOf(channelsByName.keySet());
    }

    /** @return channels created so far (name to ID), in no order */
    public Map<String, String> channels() {
        return Map.copyOf(channelsByName);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }

    /** @return a copy of a list, for assertions */
    public static <T> List<T> copy(List<T> l) {
        return new ArrayList<>(l);
    }
}
