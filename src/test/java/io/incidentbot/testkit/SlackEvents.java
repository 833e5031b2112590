package io.incidentbot.testkit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events API payloads shaped like Slack's: the {@code event_callback} envelope and the {@code event}
 * bodies of the events the manifest subscribes to. A {@code ts} is a string of epoch seconds with six
 * digits of microseconds. Bodies are plain maps, so a test can change or drop any field.
 */
public final class SlackEvents {
    public static final String APP = "A0TEST001";
    private static final AtomicLong EVENT_IDS = new AtomicLong(1);
    /**
     * Epoch seconds that {@link #ts} counts from: an hour after the tests started, so messages come
     * after the incidents a test declares, as in Slack.
     */
    public static final long BASE = System.currentTimeMillis() / 1000 + 3600;

    private SlackEvents() {
    }

    /** @return a fresh event ID like Slack's, {@code Ev08ABCDEF12} */
    public static String eventId() {
        return String.format("Ev%010X", EVENT_IDS.getAndIncrement());
    }

    /** @return the {@code event_callback} envelope around {@code event}, with a fresh event ID */
    public static Map<String, Object> envelope(Map<String, Object> event) {
        return envelope(eventId(), event);
    }

    /** @return the {@code event_callback} envelope around {@code event} */
    public static Map<String, Object> envelope(String eventId, Map<String, Object> event) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("token", "legacy-verification-token");
        e.put("team_id", SlackStandIn.TEAM);
        e.put("context_team_id", SlackStandIn.TEAM);
        e.put("context_enterprise_id", null);
        e.put("api_app_id", APP);
        e.put("event", event);
        e.put("type", "event_callback");
        e.put("event_id", eventId);
        e.put("event_time", eventTime(event));
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("enterprise_id", null);
        auth.put("team_id", SlackStandIn.TEAM);
        auth.put("user_id", SlackStandIn.BOT_USER);
        auth.put("is_bot", true);
        auth.put("is_enterprise_install", false);
        e.put("authorizations", List.of(auth));
        e.put("is_ext_shared_channel", false);
        e.put("event_context", "4-eyJldCI6Im1lc3NhZ2UiLCJ0aWQiOiJUMFRFU1QwMDEiLCJhaWQiOiJBMFRFU1QwMDEiLCJjaWQiOiJDMSJ9");
        return e;
    }

    private static long eventTime(Map<String, Object> event) {
        Object when = event.getOrDefault("event_ts", event.get("ts"));
        try {
            return new BigDecimal(String.valueOf(when)).longValue();
        } catch (NumberFormatException e) {
            return SignedClient.now();
        }
    }

    /** @return a plain message a person posted ({@code client_msg_id}, rich-text {@code blocks}) */
    public static Map<String, Object> message(String channel, String user, String ts, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_msg_id", UUID.nameUUIDFromBytes((channel + ts).getBytes()).toString());
        m.put("type", "message");
        m.put("text", text);
        m.put("user", user);
        m.put("ts", ts);
        m.put("blocks", blocks(text));
        m.put("team", SlackStandIn.TEAM);
        m.put("channel", channel);
        m.put("event_ts", ts);
        m.put("channel_type", "channel");
        return m;
    }

    /** @return a thread reply to the message {@code threadTs} */
    public static Map<String, Object> reply(String channel, String user, String ts, String threadTs, String text) {
        Map<String, Object> m = message(channel, user, ts, text);
        m.put("thread_ts", threadTs);
        m.put("parent_user_id", "UPARENT01");
        return m;
    }

    /** @return a thread reply also sent to the channel ({@code thread_broadcast}) */
    public static Map<String, Object> broadcast(String channel, String user, String ts, String threadTs, String text) {
        Map<String, Object> m = reply(channel, user, ts, threadTs, text);
        m.put("subtype", "thread_broadcast");
        m.put("root", Map.of("type", "message", "ts", threadTs, "user", "UPARENT01", "text", "parent"));
        return m;
    }

    /** @return a message sharing one file ({@code file_share}) */
    public static Map<String, Object> fileShare(String channel, String user, String ts, String text, String fileName) {
        Map<String, Object> m = message(channel, user, ts, text);
        m.put("subtype", "file_share");
        m.remove("client_msg_id");
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("id", "F0TEST" + ts.substring(ts.length() - 4));
        file.put("created", Long.parseLong(ts.substring(0, ts.indexOf('.'))));
        file.put("name", fileName);
        file.put("title", fileName);
        file.put("mimetype", "image/png");
        file.put("filetype", "png");
        file.put("user", user);
        file.put("permalink", "https://acme.slack.com/files/" + user + "/F0TEST/" + fileName);
        file.put("url_private", "https://files.slack.com/files-pri/T0TEST001-F0TEST/" + fileName);
        m.put("files", List.of(file));
        m.put("upload", false);
        m.put("display_as_bot", false);
        return m;
    }

    /** @return a {@code /me} message */
    public static Map<String, Object> me(String channel, String user, String ts, String text) {
        Map<String, Object> m = message(channel, user, ts, text);
        m.put("subtype", "me_message");
        m.remove("client_msg_id");
        m.remove("blocks");
        return m;
    }

    /** @return a message posted by an integration ({@code bot_message}) */
    public static Map<String, Object> botMessage(String channel, String ts, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "message");
        m.put("subtype", "bot_message");
        m.put("text", text);
        m.put("ts", ts);
        m.put("username", "Grafana");
        m.put("bot_id", "BGRAFANA1");
        m.put("channel", channel);
        m.put("event_ts", ts);
        m.put("channel_type", "channel");
        return m;
    }

    /** @return a message this bot posted with {@code chat.postMessage} (no subtype, but {@code bot_id}) */
    public static Map<String, Object> ownMessage(String channel, String ts, String text) {
        Map<String, Object> m = message(channel, SlackStandIn.BOT_USER, ts, text);
        m.remove("client_msg_id");
        m.put("bot_id", SlackStandIn.BOT_ID);
        m.put("app_id", APP);
        m.put("bot_profile", Map.of("id", SlackStandIn.BOT_ID, "app_id", APP, "name", "incident-bot",
                "team_id", SlackStandIn.TEAM, "deleted", false));
        return m;
    }

    /** @return a {@code message_changed} after {@code user} edited {@code ts} at {@code editTs} */
    public static Map<String, Object> edit(String channel, String user, String ts, String oldText, String newText,
                                           String editTs) {
        Map<String, Object> message = stored(user, ts, newText);
        message.put("edited", Map.of("user", user, "ts", editTs));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "message");
        e.put("subtype", "message_changed");
        e.put("message", message);
        e.put("previous_message", stored(user, ts, oldText));
        e.put("channel", channel);
        e.put("hidden", true);
        e.put("ts", editTs);
        e.put("event_ts", editTs);
        e.put("channel_type", "channel");
        return e;
    }

    /** @return a {@code message_deleted} of {@code ts} by {@code user} at {@code eventTs} */
    public static Map<String, Object> delete(String channel, String user, String ts, String oldText, String eventTs) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "message");
        e.put("subtype", "message_deleted");
        e.put("previous_message", stored(user, ts, oldText));
        e.put("channel", channel);
        e.put("hidden", true);
        e.put("deleted_ts", ts);
        e.put("event_ts", eventTs);
        e.put("ts", eventTs);
        e.put("channel_type", "channel");
        return e;
    }

    /** @return {@code reaction_added} (or {@code reaction_removed}) by {@code user} on message {@code ts} */
    public static Map<String, Object> reaction(boolean added, String channel, String user, String ts, String emoji,
                                               String eventTs) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", added ? "reaction_added" : "reaction_removed");
        e.put("user", user);
        e.put("reaction", emoji);
        e.put("item", new LinkedHashMap<>(Map.of("type", "message", "channel", channel, "ts", ts)));
        e.put("item_user", "UAUTHOR01");
        e.put("event_ts", eventTs);
        return e;
    }

    /** @return {@code pin_added} (or {@code pin_removed}) by {@code user} of message {@code ts} */
    public static Map<String, Object> pin(boolean added, String channel, String user, String ts, String text,
                                          String eventTs) {
        Map<String, Object> message = stored("UAUTHOR01", ts, text);
        message.put("permalink", "https://acme.slack.com/archives/" + channel + "/p" + ts.replace(".", ""));
        message.put("pinned_to", added ? List.of(channel) : List.of());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "message");
        item.put("created", new BigDecimal(eventTs).longValue());
        item.put("created_by", user);
        item.put("channel", channel);
        item.put("message", message);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", added ? "pin_added" : "pin_removed");
        e.put("user", user);
        e.put("channel_id", channel);
        e.put("item", item);
        e.put("item_user", "UAUTHOR01");
        e.put("pin_count", added ? 1 : 0);
        e.put("pinned_info", Map.of("channel", channel, "pinned_by", user, "pinned_ts", new BigDecimal(eventTs).longValue()));
        if (!added) {
            e.put("has_pins", false);
        }
        e.put("event_ts", eventTs);
        return e;
    }

    /** @return {@code member_joined_channel} for {@code user}; without {@code event_ts} when it is null, like Slack's documented example */
    public static Map<String, Object> memberJoined(String channel, String user, String eventTs) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "member_joined_channel");
        e.put("user", user);
        e.put("channel", channel);
        e.put("channel_type", "C");
        e.put("team", SlackStandIn.TEAM);
        e.put("inviter", "UALICE001");
        if (eventTs != null) {
            e.put("event_ts", eventTs);
        }
        return e;
    }

    /**
     * @return {@code member_left_channel} for {@code user}, shaped like the example in Slack's
     *         documentation of the event (no {@code event_ts} when {@code eventTs} is null: the envelope's
     *         {@code event_time} then dates it)
     */
    public static Map<String, Object> memberLeft(String channel, String user, String eventTs) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "member_left_channel");
        e.put("user", user);
        e.put("channel", channel);
        e.put("channel_type", "C");
        e.put("team", SlackStandIn.TEAM);
        if (eventTs != null) {
            e.put("event_ts", eventTs);
        }
        return e;
    }

    /** @return a message of another subtype, e.g. {@code channel_join}, {@code channel_topic}, {@code pinned_item} */
    public static Map<String, Object> subtype(String channel, String subtype, String user, String ts, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "message");
        m.put("subtype", subtype);
        m.put("user", user);
        m.put("text", text);
        m.put("ts", ts);
        m.put("channel", channel);
        m.put("event_ts", ts);
        m.put("channel_type", "channel");
        return m;
    }

    /** @return a {@code ts} {@code micros} microseconds after {@link #BASE} */
    public static String ts(long micros) {
        long total = BASE * 1_000_000L + micros;
        return String.format("%d.%06d", total / 1_000_000, total % 1_000_000);
    }

    private static Map<String, Object> stored(String user, String ts, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_msg_id", UUID.nameUUIDFromBytes(ts.getBytes()).toString());
        m.put("type", "message");
        m.put("text", text);
        m.put("user", user);
        m.put("ts", ts);
        m.put("blocks", blocks(text));
        m.put("team", SlackStandIn.TEAM);
        return m;
    }

    private static List<Object> blocks(String text) {
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "rich_text", "block_id", "b" + Math.abs(text.hashCode() % 10000),
                "elements", List.of(Map.of("type", "rich_text_section",
                        "elements", List.of(Map.of("type", "text", "text", text))))));
        return blocks;
    }
}
