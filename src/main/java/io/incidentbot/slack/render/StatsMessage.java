package io.incidentbot.slack.render;

import com.slack.api.model.block.LayoutBlock;
import io.incidentbot.insights.IncidentStats;
import io.incidentbot.insights.StatsText;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * Incident insights in Slack: the ephemeral answer to {@code /incident stats} ({@link #of}) and the App
 * Home's insights section ({@link #blocks}). Both show {@link StatsText#tables} in code blocks (aligned
 * columns) and the follow-up owners as {@code <@U123>} mentions, so the figures and their wording are
 * the command line's; private incidents are counted, never named.
 */
public final class StatsMessage {
    /** The heading both show. */
    static final String TITLE = "*Incident insights*";
    /** Longest line of the tables kept whole in a view (a longest-open line carries a title of up to 1,000 characters). */
    static final int MAX_LINE = 500;
    /** A shortened line keeps its end (a longest-open line ends with the severity and how long it is open). */
    static final int KEEP_END = 40;
    private static final String FENCE = "```";

    private StatsMessage() {
    }

    /**
     * @param stats the insights
     * @return Slack mrkdwn: a title, then {@link StatsText#compact} in a {@code ```} block (at most 40
     *         characters a line, for a phone; the full tables are in the App Home), the follow-up owners as
     *         {@code <@U123>} mentions after it, one a line (shown as names; an ephemeral message notifies nobody)
     */
    public static String of(IncidentStats stats) {
        StringBuilder owners = new StringBuilder();
        if (!stats.byOwner().isEmpty()) {
            owners.append("\nFollow-ups by owner:");
            stats.byOwner().forEach((id, n) -> owners.append("\n<@").append(id).append("> ").append(n));
        }
        return TITLE + "\n" + FENCE + "\n" + Messages.escape(StatsText.compact(stats)) + FENCE + owners;
    }

    /**
     * The same insights as Block Kit sections for a view: the title with the time they are as of (Slack's
     * date token), then one code-block section per paragraph of the tables (a paragraph longer than a
     * section's 3,000 characters is split at line ends; a line over {@link #MAX_LINE} characters is
     * shortened in the middle, keeping its end), then the follow-up owners.
     *
     * @param stats the insights
     * @return the sections, each within Slack's section text limit
     */
    public static List<LayoutBlock> blocks(IncidentStats stats) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(TITLE + " (as of " + Slack.date(stats.to()) + ")"))));
        int room = Messages.MAX_SECTION - 2 * FENCE.length() - 2;
        for (String paragraph : StatsText.tables(stats).split("\n\n")) {
            StringBuilder chunk = new StringBuilder();
            for (String line : paragraph.strip().split("\n")) {
                String shown = Messages.escape(shorten(line));
                if (chunk.length() > 0 && chunk.length() + 1 + shown.length() > room) {
                    blocks.add(code(chunk.toString()));
                    chunk.setLength(0);
                }
                chunk.append(chunk.length() > 0 ? "\n" : "").append(shown);
            }
            if (chunk.length() > 0) {
                blocks.add(code(chunk.toString()));
            }
        }
        String owners = StatsText.owners(stats, id -> "<@" + id + ">");
        if (!owners.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(Messages.truncate(owners, Messages.MAX_SECTION)))));
        }
        return blocks;
    }

    /** @return the line, or its start and its last {@link #KEEP_END} characters around "…" when over {@link #MAX_LINE} */
    static String shorten(String line) {
        if (line.length() <= MAX_LINE) {
            return line;
        }
        return line.substring(0, MAX_LINE - KEEP_END - 1) + "…" + line.substring(line.length() - KEEP_END);
    }

    private static LayoutBlock code(String text) {
        return section(s -> s.text(markdownText(FENCE + "\n" + text + "\n" + FENCE)));
    }
}
