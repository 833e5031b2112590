package io.incidentbot.testkit;

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
    private final Map<String, String> creators = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> history = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> faultCounts = new ConcurrentHashMap<>();
    private volatile double faultShare;
    private volatile java.util.Random faultRandom = new java.util.Random(0);
    private volatile Fault[] faultKinds = Fault.values();
    private volatile java.time.Duration stall = java.time.Duration.ofSeconds(4);
    private volatile String tokenRefusal;
    private final Map<String, AtomicInteger> loseNext = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.Predicate<Call>> loseWhen = new ConcurrentHashMap<>();
    private final Map<String, String> uploads = new ConcurrentHashMap<>();
    private final Map<String, String> fileNames = new ConcurrentHashMap<>();
    private final Map<String, String> displayNames = new ConcurrentHashMap<>();
    private final Map<String, String> emails = new ConcurrentHashMap<>();
    private final Map<String, List<String>> usergroups = new ConcurrentHashMap<>();
    private final Map<String, String[]> usergroupNames = new ConcurrentHashMap<>();
    private volatile String usergroupsListError;
    private final Map<String, String> canvases = new ConcurrentHashMap<>();
    private final Map<String, byte[]> uploadBytes = new ConcurrentHashMap<>();
    private final Set<String> deletedFiles = ConcurrentHashMap.newKeySet();

    /** The kinds of failure {@link #faults} injects. */
    public enum Fault {
        /** HTTP 429 with {@code Retry-After: 1}; nothing applied. */
        RATE_LIMITED,
        /** HTTP 500; nothing applied. */
        SERVER_ERROR,
        /** The call is applied, then answered with HTTP 500: the answer is lost. */
        LOST_ANSWER,
        /** The call is applied and answered late: after 4 seconds, or as {@link #stallFor} says. */
        STALL
    }

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

    /** Pretends a channel with this name exists already, created by someone else. */
    public void existingChannel(String name) {
        String id = "CEXIST" + ids.incrementAndGet();
        channelsByName.put(name, id);
        creators.put(id, "USOMEONE1");
    }

    /**
     * Makes a share of all calls but {@code auth.test} fail, each with one {@link Fault} picked at random.
     *
     * @param share from 0 (none) to 1 (all)
     * @param seed  seeds the choice, for repeatable runs
     * @param kinds the faults to pick from; all when none are given
     */
    public void faults(double share, long seed, Fault... kinds) {
        faultRandom = new java.util.Random(seed);
        faultKinds = kinds.length == 0 ? Fault.values() : kinds.clone();
        faultShare = share;
    }

    /**
     * Makes every Web API call, {@code auth.test} included, answer {@code ok: false} with {@code error}
     * (HTTP 200), as Slack does once a token is revoked; null makes the token work again.
     *
     * @param error e.g. {@code token_revoked}, {@code invalid_auth}, {@code account_inactive}, or null
     */
    public void refuseToken(String error) {
        tokenRefusal = error;
    }

    /** Sets how late a {@link Fault#STALL}ed call is answered (4 s unless set). */
    public void stallFor(java.time.Duration late) {
        stall = late;
    }

    /** Makes {@code users.info} know a user by this display name. */
    public void user(String userId, String displayName) {
        displayNames.put(userId, displayName);
    }

    /** Makes {@code users.lookupByEmail} find this user by this email. */
    public void userEmail(String userId, String email) {
        emails.put(email.toLowerCase(java.util.Locale.ROOT), userId);
    }

    /** A user group ({@code S...}) and its members, as {@code usergroups.users.list} answers; others: {@code no_such_subteam}. */
    public void usergroup(String groupId, String... members) {
        usergroups.put(groupId, List.of(members));
    }

    /**
     * A user group with its handle and name, as {@code usergroups.list} lists it (a group made with
     * {@link #usergroup(String, String...)} is listed with its ID, lower case, as handle and name), and its members.
     */
    public void namedUsergroup(String groupId, String handle, String name, List<String> members) {
        usergroups.put(groupId, List.copyOf(members));
        usergroupNames.put(groupId, new String[] {handle, name});
    }

    /** Makes {@code usergroups.list} answer {@code ok: false} with {@code error} (e.g. {@code plan_upgrade_required}); null: list again. */
    public void refuseUsergroupsList(String error) {
        usergroupsListError = error;
    }

    /** @return the bytes uploaded for each file ID, as text */
    public Map<String, String> uploads() {
        return Map.copyOf(uploads);
    }

    /** Applies the next call of {@code method}, then answers it with HTTP 500 (the answer is lost). */
    public void loseNextAnswer(String method) {
        loseNext.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Applies the next call of {@code method} that {@code which} accepts, then answers it with HTTP 500 (lost). */
    public void loseNextAnswer(String method, java.util.function.Predicate<Call> which) {
        loseWhen.put(method, which);
    }

    /** As {@link #loseNextAnswer(String)}, for the next call of {@code method} into {@code channel} only. */
    public void loseNextAnswer(String method, String channel) {
        loseNextAnswer(method, call -> channel.equals(call.args().get("channel")));
    }

    /** @return how many faults of each kind were injected */
    public Map<Fault, Integer> faultCounts() {
        Map<Fault, Integer> out = new java.util.EnumMap<>(Fault.class);
        faultCounts.forEach((k, v) -> out.put(Fault.valueOf(k), v.get()));
        return out;
    }

    /** @return messages that really landed in a channel (applied posts), oldest first */
    public List<Map<String, Object>> messages(String channel) {
        return List.copyOf(history.getOrDefault(channel, List.of()));
    }

    /** Adds a human message to a channel's history (as if posted while the bot was not listening). */
    public void humanMessage(String channel, String ts, String user, String text, String threadTs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "message");
        m.put("ts", ts);
        m.put("user", user);
        m.put("text", text);
        if (threadTs != null) {
            m.put("thread_ts", threadTs);
        }
        history.computeIfAbsent(channel, k -> new CopyOnWriteArrayList<>()).add(m);
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

    /**
     * @return how many calls of each method were made so far, {@code auth.test} included, sorted by
     *         method; posts to {@code response_url}s count as {@code response_url}
     */
    public Map<String, Integer> callCounts() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        calls.forEach(c -> out.merge(c.method().startsWith("response_url") ? "response_url" : c.method(), 1,
                Integer::sum));
        return out;
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
        if (!within(java.time.Duration.ofSeconds(seconds), condition)) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    /**
     * The one polling wait of the test kit (Awaitility): checks {@code condition} every 20 ms for at most
     * {@code atMost}.
     *
     * @return true once it held, false when the time ran out or the thread was interrupted
     */
    public static boolean within(java.time.Duration atMost, BooleanSupplier condition) {
        try {
            org.awaitility.Awaitility.await().atMost(atMost).pollDelay(java.time.Duration.ZERO)
                    .pollInterval(java.time.Duration.ofMillis(20)).until(condition::getAsBoolean);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath().replaceAll("\\?.*", "");
        if (path.startsWith("/upload/")) {
            byte[] bytes = request.getBody().readByteArray();
            uploadBytes.put(path.substring("/upload/".length()), bytes);
            uploads.put(path.substring("/upload/".length()), new String(bytes, StandardCharsets.UTF_8));
            calls.add(new Call("upload", Map.of("file", path.substring("/upload/".length()), "bytes",
                    String.valueOf(request.getBodySize())), null));
            return new MockResponse().setResponseCode(200).setBody("OK - " + request.getBodySize());
        }
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
        String refusal = tokenRefusal;
        if (refusal != null) {
            return json(Map.of("ok", false, "error", refusal));
        }
        Fault fault = pickFault(method);
        AtomicInteger lose = loseNext.get(method);
        if (lose != null && lose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            fault = Fault.LOST_ANSWER;
        }
        java.util.function.Predicate<Call> loseThis = loseWhen.get(method);
        if (loseThis != null && loseThis.test(call) && loseWhen.remove(method, loseThis)) {
            fault = Fault.LOST_ANSWER;
        }
        if (fault == Fault.RATE_LIMITED) {
            return new MockResponse().setResponseCode(429).setHeader("Retry-After", "1").setBody("");
        }
        if (fault == Fault.SERVER_ERROR) {
            return new MockResponse().setResponseCode(500).setBody("internal error");
        }
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
        MockResponse answer = json(defaultAnswer(call));
        if (fault == Fault.LOST_ANSWER) {
            return new MockResponse().setResponseCode(500).setBody("upstream timeout");
        }
        if (fault == Fault.STALL) {
            answer.setHeadersDelay(stall.toMillis(), TimeUnit.MILLISECONDS);
        }
        return answer;
    }

    private Fault pickFault(String method) {
        if (faultShare <= 0 || method.equals("auth.test")) {
            return null;
        }
        Fault f;
        synchronized (this) {
            if (faultRandom.nextDouble() >= faultShare) {
                return null;
            }
            f = faultKinds[faultRandom.nextInt(faultKinds.length)];
        }
        faultCounts.computeIfAbsent(f.name(), k -> new AtomicInteger()).incrementAndGet();
        return f;
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
                creators.put(id, BOT_USER);
                ok.put("channel", Map.of("id", id, "name", name, "is_private", isPrivate));
            }
            case "chat.postMessage" -> {
                String ts = nextTs();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", "message");
                m.put("ts", ts);
                m.put("bot_id", BOT_ID);
                m.put("user", BOT_USER);
                m.put("text", call.arg("text"));
                if (call.arg("thread_ts") != null) {
                    m.put("thread_ts", call.arg("thread_ts"));
                }
                if (call.arg("metadata") != null) {
                    try {
                        m.put("metadata", JSON.readValue(call.arg("metadata"), Map.class));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                history.computeIfAbsent(call.arg("channel"), k -> new CopyOnWriteArrayList<>()).add(m);
                ok.put("channel", call.arg("channel"));
                ok.put("ts", ts);
            }
            case "conversations.open" -> {
                // Slack's reference example: {"ok": true, "channel": {"id": "D069C7QFK"}}; the same DM on every call
                String users = String.valueOf(call.arg("users"));
                if (users.contains(",")) {
                    return Map.of("ok", false, "error", "not_implemented_in_stand_in");
                }
                ok.put("channel", Map.of("id", "D" + users.substring(1)));
            }
            case "conversations.history" -> {
                String oldest = call.arg("oldest") == null ? "0" : call.arg("oldest");
                List<Map<String, Object>> all = history.getOrDefault(call.arg("channel"), List.of());
                List<Map<String, Object>> msgs = new ArrayList<>();
                for (Map<String, Object> m : all) {
                    boolean topLevel = m.get("thread_ts") == null || m.get("thread_ts").equals(m.get("ts"));
                    if (!topLevel || new java.math.BigDecimal((String) m.get("ts")).compareTo(new java.math.BigDecimal(oldest)) <= 0) {
                        continue;
                    }
                    List<String> replies = all.stream().filter(r -> m.get("ts").equals(r.get("thread_ts"))
                            && !m.get("ts").equals(r.get("ts"))).map(r -> (String) r.get("ts")).sorted().toList();
                    Map<String, Object> copy = new LinkedHashMap<>(m);
                    if (!replies.isEmpty()) {
                        copy.put("thread_ts", m.get("ts"));
                        copy.put("reply_count", replies.size());
                        copy.put("latest_reply", replies.get(replies.size() - 1));
                    }
                    msgs.add(copy);
                }
                java.util.Collections.reverse(msgs);
                ok.put("messages", msgs);
                ok.put("has_more", false);
            }
            case "conversations.replies" -> {
                String parent = call.arg("ts");
                ok.put("messages", history.getOrDefault(call.arg("channel"), List.of()).stream()
                        .filter(m -> parent.equals(m.get("thread_ts")) || parent.equals(m.get("ts"))).toList());
                ok.put("has_more", false);
            }
            case "users.info" -> {
                String name = displayNames.get(call.arg("user"));
                if (name == null) {
                    return Map.of("ok", false, "error", "user_not_found");
                }
                ok.put("user", Map.of("id", call.arg("user"), "name", name.toLowerCase(),
                        "profile", Map.of("display_name", name, "real_name", name + " Real")));
            }
            case "users.lookupByEmail" -> {
                String id = call.arg("email") == null ? null : emails.get(call.arg("email").toLowerCase(java.util.Locale.ROOT));
                if (id == null) {
                    return Map.of("ok", false, "error", "users_not_found");
                }
                ok.put("user", Map.of("id", id, "profile", Map.of("email", call.arg("email"))));
            }
            case "usergroups.users.list" -> {
                // Slack's reference example: {"ok": true, "users": ["U060R4BJ4", "W123A4BC5"]}
                List<String> members = usergroups.get(String.valueOf(call.arg("usergroup")));
                if (members == null) {
                    return Map.of("ok", false, "error", "no_such_subteam");
                }
                ok.put("users", members);
            }
            case "usergroups.list" -> {
                // Slack's reference example (methods/usergroups.list.json): {"ok": true, "usergroups": [{"id": "S0614TZR7",
                // "team_id": "T060RNRCH", "is_usergroup": true, "name": "Team Admins", "handle": "admins", ..., "user_count": "2"}]}
                if (usergroupsListError != null) {
                    return Map.of("ok", false, "error", usergroupsListError);
                }
                List<Map<String, Object>> groups = new ArrayList<>();
                new java.util.TreeMap<>(usergroups).forEach((id, members) -> {
                    String[] names = usergroupNames.getOrDefault(id, new String[] {id.toLowerCase(java.util.Locale.ROOT), id});
                    Map<String, Object> g = new LinkedHashMap<>();
                    g.put("id", id);
                    g.put("team_id", TEAM);
                    g.put("is_usergroup", true);
                    g.put("name", names[1]);
                    g.put("description", "");
                    g.put("handle", names[0]);
                    g.put("is_external", false);
                    g.put("date_create", 1446598059);
                    g.put("date_update", 1446670362);
                    g.put("date_delete", 0);
                    g.put("auto_type", null);
                    g.put("created_by", "U060RNRCZ");
                    g.put("updated_by", "U060RNRCZ");
                    g.put("deleted_by", null);
                    g.put("prefs", Map.of("channels", List.of(), "groups", List.of()));
                    g.put("user_count", String.valueOf(members.size()));
                    groups.add(g);
                });
                ok.put("usergroups", groups);
            }
            case "files.getUploadURLExternal" -> {
                String id = "F" + ids.incrementAndGet();
                fileNames.put(id, call.arg("filename"));
                ok.put("file_id", id);
                ok.put("upload_url", url("/upload/" + id));
            }
            case "files.completeUploadExternal" -> {
                List<Map<String, Object>> files = new ArrayList<>();
                try {
                    for (var f : JSON.readTree(call.arg("files"))) {
                        String id = f.path("id").asText();
                        String name = fileNames.getOrDefault(id, "?");
                        // files.completeUploadExternal answers file objects with their permalink (Slack's reference)
                        files.add(Map.of("id", id, "name", name, "title", f.path("title").asText(""),
                                "permalink", "https://acme.slack.com/files/" + BOT_USER + "/" + id + "/" + name));
                    }
                } catch (IOException e) {
                    return Map.of("ok", false, "error", "invalid_arguments");
                }
                if (call.arg("channel_id") != null) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("type", "message");
                    m.put("ts", nextTs());
                    m.put("user", BOT_USER);
                    m.put("bot_id", BOT_ID);
                    m.put("text", call.arg("initial_comment") == null ? "" : call.arg("initial_comment"));
                    m.put("files", files);
                    history.computeIfAbsent(call.arg("channel_id"), k -> new CopyOnWriteArrayList<>()).add(m);
                }
                ok.put("files", files);
            }
            case "conversations.canvases.create" -> {
                String id = "F0CANVAS" + ids.incrementAndGet();
                if (canvases.putIfAbsent(call.arg("channel_id"), id) != null) {
                    return Map.of("ok", false, "error", "channel_canvas_already_exists");
                }
                ok.put("canvas_id", id);
            }
            case "canvases.edit" -> {
                if (!canvases.containsValue(String.valueOf(call.arg("canvas_id")))) {
                    return Map.of("ok", false, "error", "canvas_not_found");
                }
            }
            case "conversations.info" -> {
                String canvas = canvases.get(String.valueOf(call.arg("channel")));
                ok.put("channel", canvas == null ? Map.of("id", call.arg("channel"))
                        : Map.of("id", call.arg("channel"), "properties", Map.of("canvas", Map.of("file_id", canvas))));
            }
            case "files.delete" -> {
                if (!fileNames.containsKey(String.valueOf(call.arg("file"))) || !deletedFiles.add(call.arg("file"))) {
                    return Map.of("ok", false, "error", "file_not_found");
                }
            }
            case "conversations.list" -> {
                List<Map<String, Object>> list = new ArrayList<>();
                channelsByName.forEach((name, id) -> list.add(Map.of("id", id, "name", name,
                        "creator", creators.getOrDefault(id, "USOMEONE1"), "is_channel", true)));
                ok.put("channels", list);
                ok.put("response_metadata", Map.of("next_cursor", ""));
            }
            case "chat.update" -> {
                // the message shows its new text in the channel's history, as in Slack
                history.getOrDefault(call.arg("channel"), List.of()).stream().filter(m -> call.arg("ts").equals(m.get("ts")))
                        .forEach(m -> m.put("text", call.arg("text")));
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

    /** @return a fresh message ts: now, with a counter as microseconds so that every ts is unique */
    public String nextTs() {
        return String.format("%d.%06d", System.currentTimeMillis() / 1000, tsCounter.getAndIncrement() % 1_000_000);
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


    /** @return channel canvases created so far, channel ID to canvas ID */
    public Map<String, String> canvases() {
        return Map.copyOf(canvases);
    }

    /** @return the bytes uploaded for a file ID, or null */
    public byte[] uploadedBytes(String fileId) {
        byte[] b = uploadBytes.get(fileId);
        return b == null ? null : b.clone();
    }

    /** @return IDs of files deleted with {@code files.delete} */
    public Set<String> deletedFiles() {
        return Set.copyOf(deletedFiles);
    }

    /** @return the name each uploaded file ID was given ({@code files.getUploadURLExternal}) */
    public Map<String, String> fileNames() {
        return Map.copyOf(fileNames);
    }

    /** @return channels created so far (name to ID), in no order */
    public Map<String, String> channels() {
        return Map.copyOf(channelsByName);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }

}
