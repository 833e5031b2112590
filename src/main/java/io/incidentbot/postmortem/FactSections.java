package io.incidentbot.postmortem;

import io.incidentbot.insights.IncidentTimes;

import io.incidentbot.incident.FollowUp;
import io.incidentbot.incident.Incident;
import io.incidentbot.postmortem.ChartInput.AlertSpan;
import io.incidentbot.postmortem.ResponseFacts.SeverityChange;
import io.incidentbot.markup.Mentions;
import io.incidentbot.timeline.TimelineEntry;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;

/**
 * The sections the draft pre-fills from what was recorded, each marked as a draft to edit:
 * Summary (the declare summary, the last status update, the resolution summary), Impact (severity,
 * duration, alert durations when known, then the prompts for what only people know) and Response
 * metrics (times to first response, identified, mitigated and resolved; responders; status updates
 * and the longest gap between two; follow-ups with and without an owner).
 *
 * <p>Durations are whole minutes between the minutes shown ({@link Times#duration}).
 */
final class FactSections {
    /** Alerts listed by name in Impact; more are counted. */
    static final int MAX_ALERTS = 10;

    private final Appendable out;
    private final PostmortemInput in;
    private final Incident incident;
    private final ResponseFacts facts;
    private final EntryText text;
    private final DisplayNames names;
    private final Times times;
    private final boolean multiDay;

    FactSections(Appendable out, PostmortemInput in, ResponseFacts facts, EntryText text, DisplayNames names,
                 Times times, boolean multiDay) {
        this.out = out;
        this.in = in;
        this.incident = in.incident();
        this.facts = facts;
        this.text = text;
        this.names = names;
        this.times = times;
        this.multiDay = multiDay;
    }

    /** Writes {@code ## Summary}: what the channel recorded, or the prompt when it recorded nothing. */
    void summary() throws IOException {
        out.append("## Summary\n\n");
        String declared = Md.block(text.markdown(incident.summary()));
        TimelineEntry update = facts.lastStatusUpdate();
        String last = update == null ? "" : Md.block(text.markdown(Mentions.inEntry(update)));
        String resolution = Md.block(text.markdown(incident.resolutionSummary()));
        if (declared.isEmpty() && last.isEmpty() && resolution.isEmpty()) {
            out.append(Prompts.SUMMARY).append("\n\n");
            return;
        }
        out.append(Prompts.SUMMARY_DRAFTED).append("\n\n");
        if (!declared.isEmpty()) {
            out.append("**At declaration:** ").append(declared).append("\n\n");
        }
        if (!last.isEmpty()) {
            out.append("**Last status update** (").append(at(update.at())).append("): ").append(last).append("\n\n");
        }
        if (!resolution.isEmpty()) {
            out.append("**Resolution:** ").append(resolution).append("\n\n");
        } else if (!incident.isOpen()) {
            out.append(Prompts.RESOLUTION).append("\n\n");
        }
    }

    /** Writes {@code ## Impact}: severity, duration, alerts, then the prompts. */
    void impact() throws IOException {
        out.append("## Impact\n\n").append(Prompts.IMPACT_DRAFTED).append('\n');
        out.append("- **Severity:** ").append(severity()).append('\n');
        out.append("- **Duration:** ").append(duration()).append('\n');
        if (!in.alerts().isEmpty()) {
            out.append("- **Alerts:** ").append(alerts()).append('\n');
        }
        out.append(Prompts.IMPACT_QUESTIONS).append("\n\n");
    }

    private String severity() {
        StringBuilder s = new StringBuilder(Md.inline(in.severityName(incident.severity())));
        if (facts.severityChangeCount() == 0) {
            return s.append(", unchanged since declared").toString();
        }
        StringJoiner changes = new StringJoiner("; ", " (", ")");
        if (facts.declaredSeverity() != null) {
            changes.add("declared " + Md.inline(in.severityName(facts.declaredSeverity())));
        }
        for (SeverityChange c : facts.severityChanges()) {
            changes.add(Md.inline(in.severityName(c.from())) + " → " + Md.inline(in.severityName(c.to())) + " at " + at(c.at()));
        }
        int more = facts.severityChangeCount() - facts.severityChanges().size();
        if (more > 0) {
            changes.add(more + " more " + (more == 1 ? "change" : "changes"));
        }
        return s.append(changes).toString();
    }

    private String duration() {
        String declared = "declared " + times.dateTime(incident.declaredAt());
        Instant mitigatedAt = IncidentTimes.mitigatedSeparately(incident.mitigatedAt(), incident.resolvedAt());
        String mitigated = mitigatedAt == null ? "" : "; mitigated after " + Times.duration(incident.declaredAt(), mitigatedAt);
        if (incident.resolvedAt() == null) {
            return "not resolved yet (" + declared + ")" + mitigated;
        }
        return Times.duration(incident.declaredAt(), incident.resolvedAt()) + ", " + declared + " to resolved "
                + times.dateTime(incident.resolvedAt()) + mitigated;
    }

    private String alerts() {
        StringJoiner s = new StringJoiner("; ");
        List<AlertSpan> alerts = in.alerts();
        for (AlertSpan a : alerts.subList(0, Math.min(MAX_ALERTS, alerts.size()))) {
            String name = "`" + Md.oneLine(a.name()).replace("`", "'") + "`";
            s.add(a.end() == null ? name + " firing since " + at(a.start()) + ", not resolved"
                    : name + " firing " + Times.duration(a.start(), a.end()) + " (" + at(a.start()) + " → "
                    + at(a.end()) + ")");
        }
        if (alerts.size() > MAX_ALERTS) {
            s.add((alerts.size() - MAX_ALERTS) + " more");
        }
        return s.toString();
    }

    /** @return the rows of {@code ## Response metrics}, a two-column table in the default layout */
    List<DraftModel.Row> metrics() {
        List<DraftModel.Row> rows = new java.util.ArrayList<>();
        java.util.function.BiConsumer<String, String> row = (name, value) -> rows.add(DraftModels.row(name, value));
        String detect = DraftModels.timeToDetect(in);
        if (detect != null) {
            row.accept("Time to detect", detect + " (impact started " + at(in.impactStartedAt()) + ")");
        }
        TimelineEntry first = facts.firstResponse();
        row.accept("Time to first response", first == null ? "no message after the declaration"
                : Times.duration(incident.declaredAt(), first.at()) + " (first message " + at(first.at()) + " by "
                + names.of(first.userId()) + ")");
        if (!in.pages().isEmpty()) {
            row.accept("Time to acknowledge", PagedFacts.timeToAcknowledge(in.pages()));
            row.accept("Paged", PagedFacts.paged(in.pages(), names, this::at));
        }
        row.accept("Time to identified", since(incident.identifiedAt()));
        Instant mitigated = IncidentTimes.mitigatedSeparately(incident.mitigatedAt(), incident.resolvedAt());
        row.accept("Time to mitigated", mitigated == null && incident.resolvedAt() != null && incident.mitigatedAt() != null
                ? "— (not mitigated separately)" : since(mitigated));
        row.accept("Time to resolved", since(incident.resolvedAt()));
        row.accept("Responders", facts.responders() + (facts.responders() == 1 ? " person" : " people")
                + " wrote in the channel or ran an incident command");
        row.accept("Status updates", statusUpdates());
        row.accept("Follow-ups", followUps());
        return rows;
    }

    private String since(Instant at) {
        if (at == null) {
            return incident.isOpen() ? "not yet" : "— (the status was never set)";
        }
        return Times.duration(incident.declaredAt(), at);
    }

    private String statusUpdates() {
        int n = facts.statusUpdates();
        if (n == 0) {
            return "none";
        }
        String first = n + "; the first " + Times.duration(incident.declaredAt(), facts.firstStatusUpdate())
                + " after declared";
        if (facts.longestGap() == null) {
            return first;
        }
        return first + "; longest gap between two: " + Times.duration(facts.gapFrom(), facts.gapTo()) + " ("
                + at(facts.gapFrom()) + " → " + at(facts.gapTo()) + ")";
    }

    private String followUps() {
        List<FollowUp> all = in.followUps();
        if (all.isEmpty()) {
            return "none";
        }
        long owned = all.stream().filter(f -> f.ownerId() != null).count();
        long done = in.followUpStates().values().stream().filter(s -> "done".equals(s.state())).count();
        long wontDo = in.followUpStates().values().stream().filter(s -> "wont_do".equals(s.state())).count();
        return all.size() + ": " + owned + " with an owner, " + (all.size() - owned) + " without"
                + (done + wontDo == 0 ? "" : "; " + done + " done, " + wontDo + " won't do");
    }

    private String at(Instant at) {
        return multiDay ? times.dateTime(at) : times.time(at);
    }
}
