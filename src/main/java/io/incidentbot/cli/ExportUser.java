package io.incidentbot.cli;

/**
 * A user from a Slack export's {@code users.json}.
 *
 * @param id          Slack user ID
 * @param displayName the profile's display name, else the real name, else the user name
 * @param bot         true for bots and apps ({@code is_bot}, or Slackbot)
 */
record ExportUser(String id, String displayName, boolean bot) {
}
