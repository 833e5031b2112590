package io.incidentbot.slack.render;

import io.incidentbot.markup.Mentions;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.insights.IncidentStats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * The App Home tab ({@code views.publish}, view type {@code home}) of one user: a Declare incident
 * button, the open incidents they may see (those where they hold a role first) with severity,
 * status, lead, age and channel link, the last resolved ones with their time to resolve, and the
 * incident insights of {@code /incident stats}. Ages use Slack's {@code {ago}} date formatting, so the
 * view only changes when an incident does (and the insights, computed as of the hour, once an hour).
 */
public final class HomeTab {
    /** Action ID of the Declare incident button. */
    public static final String DECLARE = "home_declare";
    /** How many resolved incidents the tab lists. */
    public static final int RESOLVED_SHOWN = 10;
    /** Slack's limit of blocks in a view. */
    public static final int MAX_BLOCKS = 100;
    private static final int OPEN_SHOWN = 40;
    /** Most blocks besides the open incidents and the insights: header, button, two titles, the resolved list, two dividers. */
    private static final int FIXED_BLOCKS = 7;

    private HomeTab() {
    }

    /**
     * @param userId   Slack user ID of the viewer
     * @param open     open incidents the viewer may see, newest first
     * @param resolved resolved incidents the viewer may see, latest resolved first
     * @return the home view, at most 100 blocks
     */
    public static View view(String userId, List<Incident> open, List<Incident> resolved) {
        return view(userId, open, resolved, java.util.Set.of());
    }

    /**
     * As {@link #view(String, List, List)}, marking the open incidents an alert group declared.
     *
     * @param fromAlerts numbers of the incidents an alert group opened (issue 12)
     */
    public static View view(String userId, List<Incident> open, List<Incident> resolved, java.util.Set<Long> fromAlerts) {
        return view(userId, open, resolved, fromAlerts, null);
    }

    /**
     * As {@link #view(String, List, List, java.util.Set)}, with the incident insights at the end
     * ({@link StatsMessage#blocks}, the figures of {@code /incident stats}); the open incidents shown are
     * cut so the view stays within {@link #MAX_BLOCKS}.
     *
     * @param insights the insights to show, null for none
     */
    public static View view(String userId, List<Incident> open, List<Incident> resolved, java.util.Set<Long> fromAlerts,
                            IncidentStats insights) {
        return view(userId, open, resolved, fromAlerts, insights, Names.CODES);
    }

    /**
     * As {@link #view(String, List, List, java.util.Set, IncidentStats)}, severities and roles as the process file
     * names them (issue 25): {@code *SEV2 Major* Checkout is down}, {@code _you are Incident commander_}.
     */
    public static View view(String userId, List<Incident> open, List<Incident> resolved, java.util.Set<Long> fromAlerts,
                            IncidentStats insights, Names names) {
        List<LayoutBlock> stats = new ArrayList<>(insights == null ? List.of() : StatsMessage.blocks(insights));
        if (!stats.isEmpty() && names.legend() != null) {
            stats.add(context(c -> c.elements(List.of(markdownText(names.legend())))));
        }
        List<LayoutBlock> b = new ArrayList<>();
        b.add(header(h -> h.text(plainText("Incidents"))));
        b.add(actions(a -> a.elements(List.of(Header.button(DECLARE, "Declare incident", "declare", "danger")))));
        List<Incident> mine = open.stream().filter(i -> i.roles().containsValue(userId)).toList();
        List<Incident> others = open.stream().filter(i -> !i.roles().containsValue(userId)).toList();
        b.add(section(s -> s.text(markdownText("*Open incidents* (" + open.size() + ")"))));
        if (open.isEmpty()) {
            b.add(context(c -> c.elements(List.of(markdownText("No open incidents. :tada:")))));
        }
        List<Incident> ordered = new ArrayList<>(mine);
        ordered.addAll(others);
        for (Incident i : ordered.stream().limit(Math.min(OPEN_SHOWN, MAX_BLOCKS - FIXED_BLOCKS - stats.size())).toList()) {
            String line = openLine(i, userId, names) + (fromAlerts.contains(i.number()) ? " · :rotating_light: opened by alerts" : "");
            b.add(section(s -> s.text(markdownText(Messages.truncate(line, Messages.MAX_SECTION)))));
        }
        b.add(divider());
        b.add(section(s -> s.text(markdownText("*Recently resolved*"))));
        List<Incident> last = resolved.stream().filter(i -> i.resolvedAt() != null)
                .sorted(Comparator.comparing(Incident::resolvedAt).reversed()).limit(RESOLVED_SHOWN).toList();
        if (last.isEmpty()) {
            b.add(context(c -> c.elements(List.of(markdownText("None yet.")))));
        } else {
            b.add(section(s -> s.text(markdownText(Messages.truncate(last.stream().map(i -> resolvedLine(i, names))
                    .collect(Collectors.joining("\n")), Messages.MAX_SECTION)))));
        }
        if (!stats.isEmpty()) {
            b.add(divider());
            b.addAll(stats);
        }
        return com.slack.api.model.view.Views.view(v -> v.type("home").blocks(b));
    }

    private static String openLine(Incident i, String userId, Names names) {
        String roles = i.roles().entrySet().stream().filter(e -> e.getValue().equals(userId)).map(Map.Entry::getKey)
                .sorted().map(names::role).collect(Collectors.joining(", "));
        return (roles.isEmpty() ? "" : ":star: _you are " + roles + "_\n") + "*" + i.number() + "* "
                + (i.privateIncident() ? ":lock: " : "") + "*" + names.severity(i.severity()) + "* " + Messages.escape(i.title())
                + "\n" + i.status().label() + " · " + names.role(Role.LEAD) + " " + i.lead().map(Mentions::of).orElse("none yet")
                + " · declared " + Slack.ago(i.declaredAt()) + " · "
                + (i.channelId() == null ? "_channel being created_" : "<#" + i.channelId() + ">");
    }

    private static String resolvedLine(Incident i, Names names) {
        return "• *" + i.number() + "* " + names.severity(i.severity()) + " " + Messages.escape(Messages.truncate(i.title(), 120))
                + " — resolved in " + Messages.duration(Duration.between(i.declaredAt(), i.resolvedAt()))
                + (i.channelId() == null ? "" : " · <#" + i.channelId() + ">");
    }
}
