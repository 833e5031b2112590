package io.incidentbot.slack.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who the bot is in Slack, to tell its own messages and joins from people's.
 *
 * @param userId the bot's user ID ({@code U...}), or null when unknown
 * @param botId  the bot ID ({@code B...}), or null when unknown
 */
record BotUser(String userId, String botId) {

    /**
     * @param envelope   an {@code event_callback} body; its {@code authorizations} name the bot user
     * @param knownUser  the bot user ID from {@code auth.test}, or null
     * @param knownBotId the bot ID from {@code auth.test}, or null
     * @return the bot's identity, preferring what {@code auth.test} said
     */
    static BotUser of(JsonNode envelope, String knownUser, String knownBotId) {
        String user = knownUser;
        if (user == null) {
            for (JsonNode a : envelope.path("authorizations")) {
                if (a.path("is_bot").asBoolean(false) && a.hasNonNull("user_id")) {
                    user = a.get("user_id").asText();
                }
            }
        }
        return new BotUser(user, knownBotId);
    }

    /**
     * @param message a message object (an event, or the {@code message} / {@code previous_message} in one)
     * @return true when a bot or app posted it (any {@code bot_id}, subtype {@code bot_message}, or this
     *         bot's user), or it has no author
     */
    boolean posted(JsonNode message) {
        String user = message.path("user").asText(null);
        return message.hasNonNull("bot_id") || "bot_message".equals(message.path("subtype").asText(null))
                || user == null || isBot(user);
    }

    /** @return true when {@code user} is this bot's user ID */
    boolean isBot(String user) {
        return user != null && user.equals(userId);
    }
}
