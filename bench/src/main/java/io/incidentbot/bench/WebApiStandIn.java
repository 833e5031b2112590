package io.incidentbot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Web API stand-in for the benchmark: a JDK {@link HttpServer} on loopback answering the methods the
 * bot calls with canned JSON (dispatch by path). It can stall a share of calls for 4 seconds, like a
 * slow Slack. {@code auth.test} is never stalled (the bot resolves it once, in the background).
 */
final class WebApiStandIn implements AutoCloseable {
    static final String TEAM = "T0BENCH01";
    static final String BOT_USER = "UBENCHBOT";
    static final String BOT_ID = "BBENCHBOT";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, String> channelsByName = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(100);
    private final AtomicLong tsCounter = new AtomicLong();
    private final AtomicInteger stalls = new AtomicInteger();
    private volatile double stallShare;
    private volatile long stallMillis = 4000;
    private Random stallRandom = new Random(1);

    WebApiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        // Stalled answers sleep on their own thread; the rest are answered at once.
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "standin");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return the base URL to give the bot as {@code SLACK_API_URL} */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** @return a URL for {@code response_url}s */
    String responseUrl(String user) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + user;
    }

    /**
     * Stalls a share of the calls (all but {@code auth.test}) for {@code millis} before answering.
     *
     * @param share 0 for none .. 1 for all
     * @param seed  seeds the choice, for repeatable runs
     */
    synchronized void stall(double share, long millis, long seed) {
        stallRandom = new Random(seed);
        stallMillis = millis;
        stallShare = share;
    }

    /** @return calls answered so far, method to count ({@code auth.test} included), sorted by method */
    Map<String, Integer> calls() {
        Map<String, Integer> out = new TreeMap<>();
        calls.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** @return calls of all methods so far */
    int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** @return how many calls were stalled so far */
    int stalls() {
        return stalls.get();
    }

    /** @return channels created, name to ID */
    Map<String, String> channels() {
        return Map.copyOf(channelsByName);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.startsWith("/response/")) {
                count("response_url");
                reply(ex, "text/plain", "ok");
                return;
            }
            String method = path.startsWith("/api/") ? path.substring(5) : path;
            count(method);
            Map<String, String> args = parse(ex.getRequestHeaders().getFirst("Content-Type"), body);
            Object answer = answer(method, args);
            if (!method.equals("auth.test") && pickStall()) {
                stalls.incrementAndGet();
                try {
                    TimeUnit.MILLISECONDS.sleep(stallMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            reply(ex, "application/json; charset=utf-8", JSON.writeValueAsString(answer));
        }
    }

    private void count(String method) {
        calls.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
    }

    private synchronized boolean pickStall() {
        return stallShare > 0 && stallRandom.nextDouble() < stallShare;
    }

    private Map<String, Object> answer(String method, Map<String, String> args) {
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("ok", true);
        String channel = args.get("channel");
        switch (method) {
            case "auth.test" -> {
                ok.put("url", "https://acme-bench.slack.com/");
                ok.put("team", "Acme Bench");
                ok.put("user", "incident-bot");
                ok.put("team_id", TEAM);
                ok.put("user_id", BOT_USER);
                ok.put("bot_id", BOT_ID);
                ok.put("is_enterprise_install", false);
            }
            case "conversations.create" -> {
                String name = args.getOrDefault("name", "");
                boolean isPrivate = "true".equals(args.get("is_private")) || "1".equals(args.get("is_private"));
                String fresh = (isPrivate ? "G" : "C") + "BENCH" + ids.incrementAndGet();
                String existing = channelsByName.putIfAbsent(name, fresh);
                if (existing != null) {
                    return Map.of("ok", false, "error", "name_taken");
                }
                ok.put("channel", channel(fresh, name, isPrivate));
            }
            case "conversations.invite", "conversations.setTopic" ->
                    ok.put("channel", channel(channel, "inc", false));
            case "chat.postMessage" -> {
                String ts = nextTs();
                ok.put("channel", channel);
                ok.put("ts", ts);
                ok.put("message", Map.of("type", "message", "ts", ts, "user", BOT_USER, "bot_id", BOT_ID,
                        "text", args.getOrDefault("text", "")));
            }
            case "chat.update" -> {
                ok.put("channel", channel);
                ok.put("ts", args.get("ts"));
                ok.put("text", args.getOrDefault("text", ""));
            }
            case "conversations.history", "conversations.replies" -> {
                ok.put("messages", List.of());
                ok.put("has_more", false);
                ok.put("response_metadata", Map.of("next_cursor", ""));
            }
            case "conversations.list" -> {
                List<Map<String, Object>> list = new ArrayList<>();
                channelsByName.forEach((name, id) -> list.add(channel(id, name, id.startsWith("G"))));
                ok.put("channels", list);
                ok.put("response_metadata", Map.of("next_cursor", ""));
            }
            case "users.info" -> {
                String user = args.getOrDefault("user", "U0UNKNOWN");
                ok.put("user", Map.of("id", user, "name", user.toLowerCase(), "real_name", "Bench " + user,
                        "profile", Map.of("display_name", "bench-" + user.toLowerCase(), "real_name", "Bench " + user)));
            }
            default -> { }
        }
        return ok;
    }

    private static Map<String, Object> channel(String id, String name, boolean isPrivate) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("name", name);
        c.put("is_channel", !isPrivate);
        c.put("is_group", isPrivate);
        c.put("is_private", isPrivate);
        c.put("created", System.currentTimeMillis() / 1000);
        c.put("creator", BOT_USER);
        c.put("is_member", true);
        return c;
    }

    private String nextTs() {
        long n = tsCounter.incrementAndGet();
        return String.format("%d.%06d", System.currentTimeMillis() / 1000, n % 1_000_000);
    }

    private static void reply(HttpExchange ex, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> parse(String contentType, String body) {
        Map<String, String> args = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return args;
        }
        if (contentType != null && contentType.contains("json")) {
            try {
                JSON.readTree(body).properties().forEach(e -> args.put(e.getKey(),
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

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
