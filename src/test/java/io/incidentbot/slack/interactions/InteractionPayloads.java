package io.incidentbot.slack.interactions;

import io.incidentbot.testkit.SlackStandIn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interactivity payloads and the {@code app_home_opened} event, shaped like Slack's own. Sources:
 * Slack's reference pages "block_actions payload", "view_submission payload" and "Shortcuts
 * payloads" (global {@code shortcut}, {@code message_action}), and the Java SDK's fixtures
 * (slackapi/java-slack-sdk {@code json-logs/samples/app-backend/interactive-components/BlockActionPayload.json},
 * {@code MessageShortcutPayload.json}, {@code views/ViewSubmissionPayload.json},
 * {@code json-logs/samples/events/AppHomeOpenedPayload.json}); values here are realistic where those
 * fixtures carry empty strings. Not built with the bot's own classes.
 */
public final class InteractionPayloads {
    static final String TRIGGER = "13345224609.738474920.8088930838d88f008e0";
    static final String TEAM = SlackStandIn.TEAM;

    private InteractionPayloads() {
    }

    private static Map<String, Object> user(String userId) {
        return Map.of("id", userId, "username", userId.toLowerCase(), "name", userId.toLowerCase(), "team_id", TEAM);
    }

    private static Map<String, Object> team() {
        return Map.of("id", TEAM, "domain", "acme");
    }

    /**
     * A click on a button of a message (the header or a reminder) in {@code channel}.
     *
     * @param responseUrl the action's {@code response_url}
     */
    public static Map<String, Object> buttonClick(String userId, String channel, String messageTs, String actionId,
                                           String value, String responseUrl) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "block_actions");
        p.put("user", user(userId));
        p.put("api_app_id", "A0TEST001");
        p.put("token", "legacy-verification-token");
        p.put("container", Map.of("type", "message", "message_ts", messageTs, "channel_id", channel,
                "is_ephemeral", false));
        p.put("trigger_id", TRIGGER);
        p.put("team", team());
        p.put("enterprise", null);
        p.put("is_enterprise_install", false);
        p.put("channel", Map.of("id", channel, "name", "inc-1"));
        p.put("message", Map.of("type", "message", "subtype", "bot_message", "text", "Incident", "ts", messageTs,
                "bot_id", SlackStandIn.BOT_ID, "blocks", List.of()));
        p.put("state", Map.of("values", Map.of()));
        p.put("response_url", responseUrl);
        p.put("actions", List.of(Map.of("action_id", actionId, "block_id", "incident_actions",
                "text", Map.of("type", "plain_text", "text", "Button", "emoji", true), "value", value,
                "type", "button", "action_ts", "1712345678.123456")));
        return p;
    }

    /** A click on a button of the user's Home tab (container {@code view}, no channel, no response_url). */
    static Map<String, Object> homeClick(String userId, String actionId, String value) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "block_actions");
        p.put("user", user(userId));
        p.put("api_app_id", "A0TEST001");
        p.put("token", "legacy-verification-token");
        p.put("container", Map.of("type", "view", "view_id", "VHOME0001"));
        p.put("trigger_id", TRIGGER);
        p.put("team", team());
        p.put("view", Map.of("id", "VHOME0001", "team_id", TEAM, "type", "home", "blocks", List.of(),
                "private_metadata", "", "callback_id", "", "state", Map.of("values", Map.of()), "hash", "1.2"));
        p.put("actions", List.of(Map.of("action_id", actionId, "block_id", "home", "value", value,
                "type", "button", "action_ts", "1712345678.123456",
                "text", Map.of("type", "plain_text", "text", "Declare incident"))));
        return p;
    }

    /**
     * A modal submitted.
     *
     * @param values block ID to action ID to value, as in {@code view.state.values}
     */
    public static Map<String, Object> submission(String userId, String callbackId, String privateMetadata,
                                          Map<String, Object> values) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "view_submission");
        p.put("team", team());
        p.put("user", user(userId));
        p.put("api_app_id", "A0TEST001");
        p.put("token", "legacy-verification-token");
        p.put("trigger_id", io.incidentbot.testkit.SignedClient.triggerId()); // one per submission, as Slack's
        p.put("view", modal(callbackId, privateMetadata, values));
        p.put("response_urls", List.of());
        p.put("is_enterprise_install", false);
        return p;
    }

    /** {@code view.state.values} entry (block ID to action ID to value; both the same here) of a text input. */
    public static Map<String, Object> text(String id, String value) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", "plain_text_input");
        v.put("value", value);
        return Map.of(id, Map.of(id, v));
    }

    /** {@code view.state.values} entry (block ID to action ID to value; both the same here) of a static select. */
    static Map<String, Object> select(String id, String value) {
        return Map.of(id, Map.of(id, Map.of("type", "static_select", "selected_option",
                Map.of("text", Map.of("type", "plain_text", "text", value, "emoji", true), "value", value))));
    }

    /** {@code view.state.values} entry (block ID to action ID to value; both the same here) of a users select. */
    static Map<String, Object> userSelect(String id, String userId) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", "users_select");
        v.put("selected_user", userId);
        return Map.of(id, Map.of(id, v));
    }

    /** A global shortcut. */
    static Map<String, Object> globalShortcut(String userId, String callbackId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "shortcut");
        p.put("token", "legacy-verification-token");
        p.put("action_ts", "1712345678.123456");
        p.put("team", team());
        p.put("user", user(userId));
        p.put("is_enterprise_install", false);
        p.put("enterprise", null);
        p.put("callback_id", callbackId);
        p.put("trigger_id", TRIGGER);
        return p;
    }

    /** A message shortcut on message {@code ts} by {@code author} in {@code channel}. */
    public static Map<String, Object> messageShortcut(String userId, String callbackId, String channel, String ts,
                                               String author, String text, String threadTs) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put("user", author);
        message.put("ts", ts);
        message.put("text", text);
        message.put("team", TEAM);
        if (threadTs != null) {
            message.put("thread_ts", threadTs);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "message_action");
        p.put("token", "legacy-verification-token");
        p.put("action_ts", "1712345678.123456");
        p.put("team", team());
        p.put("user", user(userId));
        p.put("channel", Map.of("id", channel, "name", "general"));
        p.put("is_enterprise_install", false);
        p.put("enterprise", null);
        p.put("callback_id", callbackId);
        p.put("trigger_id", TRIGGER);
        p.put("message_ts", ts);
        p.put("message", message);
        p.put("response_url", "https://hooks.slack.com/app/T0TEST001/1/abc");
        return p;
    }

    /**
     * A {@code block_suggestion}: the user typed {@code value} in an external select of an open modal. Shape from
     * Slack's reference "block_suggestion payloads" (docs.slack.dev/reference/interaction-payloads/block_suggestion-payload:
     * user, team, api_app_id, token, container, action_id, block_id, value, view, enterprise, is_enterprise_install)
     * and the Java SDK's {@code slack-app-backend/.../payload/BlockSuggestionPayload.java} (slackapi/java-slack-sdk).
     *
     * @param actionId   the select's action ID (its block ID here too)
     * @param callbackId the modal's {@code callback_id}
     */
    public static Map<String, Object> blockSuggestion(String userId, String actionId, String value, String callbackId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "block_suggestion");
        p.put("user", user(userId));
        p.put("container", Map.of("type", "view", "view_id", "VMODAL001"));
        p.put("api_app_id", "A0TEST001");
        p.put("token", "legacy-verification-token");
        p.put("action_id", actionId);
        p.put("block_id", actionId);
        p.put("value", value);
        p.put("team", team());
        p.put("enterprise", null);
        p.put("is_enterprise_install", false);
        p.put("view", modal(callbackId, "", Map.of()));
        return p;
    }

    /** The payload's {@code view}: an open modal with its state. */
    private static Map<String, Object> modal(String callbackId, String privateMetadata, Map<String, Object> values) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", "VMODAL001");
        view.put("team_id", TEAM);
        view.put("type", "modal");
        view.put("callback_id", callbackId);
        view.put("private_metadata", privateMetadata);
        view.put("state", Map.of("values", values));
        view.put("hash", "156772938.1827394");
        view.put("title", Map.of("type", "plain_text", "text", "Modal"));
        view.put("root_view_id", "VMODAL001");
        view.put("app_id", "A0TEST001");
        view.put("bot_id", SlackStandIn.BOT_ID);
        return view;
    }

    /** The Events API envelope of {@code app_home_opened} for the Home tab. */
    static Map<String, Object> homeOpened(String userId, String eventId) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "app_home_opened");
        e.put("user", userId);
        e.put("channel", "D0HOME001");
        e.put("tab", "home");
        e.put("event_ts", "1712345678.123456");
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("token", "legacy-verification-token");
        env.put("team_id", TEAM);
        env.put("api_app_id", "A0TEST001");
        env.put("event", e);
        env.put("type", "event_callback");
        env.put("event_id", eventId);
        env.put("event_time", 1712345678);
        env.put("authorizations", List.of(Map.of("team_id", TEAM, "user_id", SlackStandIn.BOT_USER, "is_bot", true,
                "is_enterprise_install", false)));
        env.put("is_ext_shared_channel", false);
        return env;
    }
}
