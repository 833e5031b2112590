package io.incidentbot.cli;

import java.util.Set;

/**
 * A channel listed in a Slack export's {@code channels.json} (or {@code groups.json}).
 *
 * @param id      Slack channel ID, e.g. {@code C07INC0042}
 * @param name    channel name without {@code #}; also the export folder of its day files
 * @param creator Slack user ID of who created the channel, may be null
 * @param topic   the channel topic as exported, "" when unset
 * @param purpose the channel purpose as exported, "" when unset
 * @param pins    Slack {@code ts} of the messages pinned in the channel
 * @param privateChannel true for a private channel ({@code groups.json}, or {@code is_private})
 */
record ExportChannel(String id, String name, String creator, String topic, String purpose, Set<String> pins,
                     boolean privateChannel) {
}
