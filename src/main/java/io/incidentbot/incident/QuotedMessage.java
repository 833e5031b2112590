package io.incidentbot.incident;

import java.time.Instant;

/**
 * A Slack message from any channel, as a message shortcut delivers it.
 *
 * @param channel Slack channel ID it was posted in
 * @param ts      its Slack {@code ts} (epoch seconds with microseconds, as text)
 * @param at      its time (from the {@code ts})
 * @param author  Slack user ID of its author, may be null (bot messages)
 * @param text    its text as Slack sent it (mrkdwn, escaped)
 */
public record QuotedMessage(String channel, String ts, Instant at, String author, String text) {
}
