package io.incidentbot.slack.render;

import com.slack.api.model.block.LayoutBlock;
import io.incidentbot.alerts.AlertStatus;
import io.incidentbot.changes.Change;
import io.incidentbot.changes.ChangeReport;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.store.AlertRepository.DigestEntry;
import io.incidentbot.store.AlertRepository.StoredAlert;
import io.incidentbot.store.AlertRepository.StoredTransition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * What the bot posts about alerts and changes (issue 12): the alert group message in
 * {@code INCIDENT_ALERTS_CHANNEL} (Block Kit, updated in place), the digest of new alerts in an incident
 * channel, the "every alert resolved" suggestion, and the changes lists. Pure functions; times are
 * Slack date tokens ({@code <!date^...>}), which every reader sees in their own time zone.
 */
public final class AlertPosts {
    /** {@code action_id} of the alert group message's Declare incident button; its value is the group ID. */
    public static final String DECLARE_ACTION = "declare_from_alert";
    /** Most alerts listed in a group message or digest; the rest are counted. */
    public static final int LISTED = 10;
    /** Most groups named in a storm digest; the rest are counted. */
    public static final int LISTED_IN_STORM = 20;
    /** Characters of the group message's section text spent on alert lines (Slack's limit is 3,000). */
    private static final int SECTION_BUDGET = 2900;

    private AlertPosts() {
    }

    /** @return the suggestion posted once when every alert of the declaring group has resolved */
    public static String allResolved(IncidentEvent.AlertsResolved e) {
        String n = e.alerts() == 1 ? "The alert" : "All " + e.alerts() + " alerts";
        return ":large_green_circle: " + n + " of the group that opened this incident resolved. If the fix holds, "
                + "consider `/incident status monitoring`. The incident stays open until someone resolves it.";
    }

    /**
     * @param fresh      transitions not posted yet, oldest first
     * @param total      how many transitions are not posted yet (may exceed {@code fresh})
     * @param more       true when the channel was told about this group's alerts before
     * @return the digest text, e.g. {@code :rotating_light: 12 more alerts firing: A, B, ...}
     */
    public static String digest(List<StoredTransition> fresh, long total, boolean more) {
        List<StoredTransition> firing = fresh.stream().filter(t -> t.status() == AlertStatus.FIRING).toList();
        List<StoredTransition> resolved = fresh.stream().filter(t -> t.status() == AlertStatus.RESOLVED).toList();
        List<String> lines = new ArrayList<>();
        if (!firing.isEmpty()) {
            lines.add(":rotating_light: " + firing.size() + (more ? " more" : "") + (firing.size() == 1 ? " alert" : " alerts")
                    + " firing: " + names(firing));
        }
        if (!resolved.isEmpty()) {
            lines.add(":large_green_circle: " + resolved.size() + (resolved.size() == 1 ? " alert" : " alerts")
                    + " resolved: " + names(resolved));
        }
        if (total > fresh.size()) {
            lines.add("…and " + (total - fresh.size()) + " more alert changes; they follow in the next digest.");
        }
        return String.join("\n", lines);
    }

    private static String names(List<StoredTransition> ts) {
        String shown = ts.stream().limit(LISTED).map(t -> link(t.name(), t.url()) + " " + Slack.date(t.at()))
                .collect(Collectors.joining(", "));
        return ts.size() > LISTED ? shown + " and " + (ts.size() - LISTED) + " more" : shown;
    }

    /** @return the plain-text fallback of the alert group message */
    public static String groupText(String title, List<StoredAlert> alerts) {
        long firing = alerts.stream().filter(a -> a.status() == AlertStatus.FIRING).count();
        return (firing > 0 ? "Firing (" + firing + " of " + alerts.size() + "): " : "Resolved: ") + Messages.escape(title);
    }

    /**
     * @param groupId the group's ID (the button's value)
     * @param title   the group's title
     * @param alerts  its alerts, latest state
     * @return the alert group message without a silence link, see {@link #groupBlocks(long, String, String, List)}
     */
    public static List<LayoutBlock> groupBlocks(long groupId, String title, List<StoredAlert> alerts) {
        return groupBlocks(groupId, title, null, alerts);
    }

    /**
     * The alert group message: a state line with the title; a line with what every alert shares (the
     * <b>Runbook</b> link, Alertmanager's <b>Silence</b> link for the labels all alerts have, the
     * description's first line); one line per alert with its name linked to its generator (or dashboard)
     * URL, the labels that tell it apart from the group's other alerts (e.g. {@code instance=db-2}), since
     * when it fires, its own description and Runbook link when they differ between alerts and its own
     * <b>Silence</b> link when Grafana sent one ({@code silenceURL}, Grafana-managed alerts); the Declare
     * incident button. Label values and annotations are escaped (no mention, no link of theirs is live);
     * the section stays under Slack's 3,000 characters (alerts past it, or past {@link #LISTED}, are counted).
     *
     * @param groupId      the group's ID (the button's value)
     * @param title        the group's title
     * @param alertmanager the {@code externalURL} of an Alertmanager group (the silence link), else null
     * @param alerts       its alerts, latest state
     * @return two blocks: the section and the actions
     */
    public static List<LayoutBlock> groupBlocks(long groupId, String title, String alertmanager, List<StoredAlert> alerts) {
        long firing = alerts.stream().filter(a -> a.status() == AlertStatus.FIRING).count();
        String state = firing > 0 ? ":rotating_light: *Firing* (" + firing + " of " + alerts.size() + ")"
                : ":large_green_circle: *Resolved*";
        StringBuilder s = new StringBuilder(state).append(" — *").append(Messages.escape(Messages.truncate(title, 300)))
                .append("*\n");
        AlertDetails details = AlertDetails.of(alerts);
        String shared = details.sharedLine(alertmanager);
        if (!shared.isEmpty()) {
            s.append(shared).append('\n');
        }
        int listed = 0;
        for (StoredAlert a : alerts) {
            String line = (a.status() == AlertStatus.FIRING ? "• :red_circle: " : "• :white_circle: ")
                    + link(Messages.truncate(a.name(), 100), a.url()) + details.distinct(a)
                    + (a.firstFiredAt() == null ? "" : " since " + Slack.date(a.firstFiredAt()))
                    + (a.resolvedAt() == null ? "" : ", resolved " + Slack.date(a.resolvedAt()))
                    + details.own(a) + "\n";
            if (listed == LISTED || s.length() + line.length() > SECTION_BUDGET) {
                break;
            }
            s.append(line);
            listed++;
        }
        if (alerts.size() > listed) {
            s.append("…and ").append(alerts.size() - listed).append(" more\n");
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(x -> x.text(markdownText(s.toString().strip()))));
        blocks.add(actions(a -> a.blockId("alert_group").elements(List.of(button(b -> b.actionId(DECLARE_ACTION)
                .text(plainText("Declare incident")).value(Long.toString(groupId)).style("danger"))))));
        return blocks;
    }

    /** @return the plain-text fallback of a storm digest: {@code Alert storm: 37 groups} */
    public static String stormText(long groups) {
        return "Alert storm: " + groups + (groups == 1 ? " group" : " groups");
    }

    /**
     * The storm digest (issue 24): one message for the alert groups past the storm caps, updated in place.
     *
     * @param entries the first groups it lists, in the order they joined
     * @param total   how many groups it lists
     * @param since   when its first group joined
     * @return the section text (mrkdwn, under 3,000 characters): a heading line, one line per group with its
     *         firing count and the incident it was attached to, then how many more
     */
    public static String stormDigest(List<DigestEntry> entries, long total, Instant since) {
        StringBuilder s = new StringBuilder(":rotating_light: *Alert storm*: ").append(stormText(total).substring(13))
                .append(" since ").append(Slack.date(since))
                .append(", past the caps on new incidents and messages; listed here instead of one post each.\n");
        int listed = 0;
        for (DigestEntry e : entries) {
            String line = (e.firing() > 0 ? "• :red_circle: " : "• :white_circle: ")
                    + Messages.escape(Messages.truncate(e.title(), 100))
                    + (e.firing() > 0 ? " (" + e.firing() + " of " + e.alerts() + " firing)" : " (resolved)")
                    + (e.incident() == null ? "" : " → incident " + e.incident()) + "\n";
            if (listed == LISTED_IN_STORM || s.length() + line.length() > SECTION_BUDGET) {
                break;
            }
            s.append(line);
            listed++;
        }
        if (total > listed) {
            s.append("…and ").append(total - listed).append(" more\n");
        }
        return s.toString().strip();
    }

    /** @return the post of a new incident: "Changes in the 24 h before this incident: ..." */
    public static String changesOnDeclare(Duration window, List<Change> changes, long total, Instant declaredAt) {
        return "*Changes in the " + window(window) + " before this incident*\n"
                + changeLines(changes, total, declaredAt);
    }

    /** @return the answer of {@code /incident changes}: the window before, and the changes since declared */
    public static String report(ChangeReport r) {
        String window = window(r.window());
        String before = r.beforeTotal() == 0 ? "_No changes recorded._" : changeLines(r.before(), r.beforeTotal(), r.declaredAt());
        String during = r.duringTotal() == 0 ? "_No changes recorded._" : changeLines(r.during(), r.duringTotal(), r.declaredAt());
        return "*Changes in the " + window + " before incident " + r.incident() + "*\n" + before
                + "\n*Changes during the incident*\n" + during;
    }

    private static String changeLines(List<Change> changes, long total, Instant declaredAt) {
        StringBuilder s = new StringBuilder();
        for (Change c : changes) {
            Duration d = Duration.between(c.at(), declaredAt);
            String rel = d.isNegative() ? Messages.duration(d.negated()) + " after" : Messages.duration(d) + " before";
            s.append("• ").append(Slack.date(c.at())).append(" (").append(rel).append(") *").append(c.kind().label()).append('*');
            if (c.service() != null) {
                s.append(' ').append(Messages.escape(c.service()));
            }
            if (c.environment() != null) {
                s.append(" (").append(Messages.escape(c.environment())).append(')');
            }
            if (c.author() != null) {
                s.append(" by ").append(Messages.escape(c.author()));
            }
            s.append(": ").append(link(Messages.truncate(c.title(), 200), c.url())).append('\n');
        }
        if (total > changes.size()) {
            s.append("…and ").append(total - changes.size()).append(" earlier\n");
        }
        return s.toString();
    }

    /** @return a change window as people say it: {@code 24 h}, {@code 7 d}, {@code 90 min} */
    static String window(Duration d) {
        if (d.toMinutes() % 60 != 0) {
            return Messages.duration(d);
        }
        long hours = d.toHours();
        return hours <= 48 || hours % 24 != 0 ? hours + " h" : hours / 24 + " d";
    }

    /** @return {@code <url|label>} with the label escaped, or the escaped label alone for a missing or odd URL */
    static String link(String label, String url) {
        if (url == null || url.length() > 1500 || !url.matches("https?://[^\\s|<>]+")) {
            return Messages.escape(label);
        }
        return "<" + url + "|" + Messages.escape(label) + ">";
    }
}
