package io.incidentbot.slack.commands;

/**
 * The answer when a person was expected but the text is not a Slack user mention ({@code <@U123>} or
 * {@code <@U123|name>}, what Slack sends when the person is picked from the {@code @} menu): typed
 * {@code @bob} arrives as plain text and names nobody.
 */
final class NotAMention {
    private NotAMention() {
    }

    /**
     * @param typed  what was typed instead of a mention
     * @param syntax the subcommand's syntax, e.g. {@code lead @user}
     * @return the sentence saying so (Slack mrkdwn)
     */
    static String say(String typed, String syntax) {
        String shown = typed.strip();
        shown = shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
        shown = shown.replaceAll("[`<>&*_~]", "");
        return "`" + shown + "` is not a Slack user mention. Type `@` and pick the person from the list, "
                + "so that Slack sends a mention: `/incident " + syntax + "`.";
    }
}
