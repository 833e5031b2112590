package io.incidentbot.postmortem;

import io.incidentbot.insights.IncidentTimes;

import io.incidentbot.incident.FollowUp;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Participant;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Status;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The postmortem draft: a pure function of stored state to Markdown.
 *
 * <p>Sections, in order: title line, summary table, Alerts and Changes before the incident (each
 * only when the incident has any, so incidents without them draft as before), Summary, Impact, Response metrics, Timeline of
 * key events (numbered as the picture's markers, with a link to the picture), Root cause and
 * contributing factors, What went well, What went wrong, Where we got lucky, Follow-ups,
 * Participants, Appendix: full channel log. Summary and Impact are drafted from the record
 * ({@link FactSections}) and say so; sections people must write themselves hold an italic prompt
 * starting with "To do". Times are {@code HH:MM} in the input's zone, under a date heading
 * per day when the incident spans more than one calendar day there.
 *
 * <p>The timeline is read twice as a stream (see {@link TimelineSource}), and its key events once more
 * ({@link TimelineSource#forEachKeyEvent}, selected by the database); only the thread
 * replies are held in memory between the first pass and the channel log. The response metrics are
 * gathered in the first pass, in bounded memory ({@link ResponseFacts}).
 */
public final class PostmortemRenderer {
    private final PostmortemInput in;
    private final Appendable out;
    private final Incident incident;
    private final DisplayNames names;
    private final Times times;
    private final EntryText text;
    private final String chartTarget;

    private PostmortemRenderer(PostmortemInput in, Appendable out, String chartTarget) {
        this.in = in;
        this.out = out;
        this.chartTarget = chartTarget;
        this.incident = in.incident();
        this.names = new DisplayNames(in.displayNames());
        this.times = new Times(in.zone());
        this.text = new EntryText(names);
    }

    /**
     * Writes the draft of {@code in} to {@code out}, as Markdown with {@code \n} line ends.
     *
     * @throws IOException whatever {@code out} throws
     */
    public static void render(PostmortemInput in, Appendable out) throws IOException {
        render(in, out, TimelineChart.fileName(in.incident().number()));
    }

    /**
     * As {@link #render(PostmortemInput, Appendable)}, linking the timeline picture at {@code chartTarget}.
     *
     * @param chartTarget the picture's file name or URL as the draft links it; null to leave the picture out
     *                    (the command line writes none unless asked to with {@code --chart FILE})
     * @throws IOException whatever {@code out} throws
     */
    public static void render(PostmortemInput in, Appendable out, String chartTarget) throws IOException {
        new PostmortemRenderer(in, out, chartTarget).write();
    }

    private void write() throws IOException {
        TimelineScan scan = TimelineScan.of(incident, in.entries());
        boolean multiDay = !times.day(scan.first()).equals(times.day(scan.last()));
        FactSections facts = new FactSections(out, in, scan.facts(), text, names, times, multiDay);
        header();
        table();
        new Signals(out, times).write(incident, in.alertTable(), in.changesBefore());
        facts.summary();
        facts.impact();
        facts.metrics();
        keyEvents(scan, multiDay);
        section("Root cause and contributing factors", Prompts.ROOT_CAUSE);
        section("What went well", Prompts.WENT_WELL);
        section("What went wrong", Prompts.WENT_WRONG);
        section("Where we got lucky", Prompts.LUCKY);
        followUps();
        participants(scan);
        appendix(scan, multiDay);
    }

    private void header() throws IOException {
        out.append("# Incident ").append(Long.toString(incident.number())).append(": ")
                .append(Md.inline(Md.oneLine(incident.title()))).append("\n\n")
                .append("_Postmortem draft, made from the incident's timeline. Times are in ").append(times.zoneName())
                .append(". Replace the \"To do\" prompts with what you learned; keep it blameless._\n\n");
    }

    private void table() throws IOException {
        out.append("| | |\n|---|---|\n");
        row("Severity", incident.severity().name());
        row("Status", incident.status().label());
        for (Role role : Role.values()) {
            String holder = incident.roles().get(role);
            row(capitalized(role.label()), holder == null ? null : names.of(holder));
        }
        row("Declared", times.dateTime(incident.declaredAt()) + " by " + names.of(incident.declaredBy()));
        row("Identified", milestone(incident.identifiedAt()));
        row("Mitigated", milestone(IncidentTimes.mitigatedSeparately(incident.mitigatedAt(), incident.resolvedAt())));
        row("Resolved", milestone(incident.resolvedAt()));
        row("Time to resolve", incident.resolvedAt() == null ? "not yet"
                : Times.duration(incident.declaredAt(), incident.resolvedAt()));
        String channel = incident.channelName() == null ? null : "#" + incident.channelName();
        row("Channel", channel != null && incident.privateIncident() ? channel + " (private)" : channel);
        out.append('\n');
    }

    private String milestone(Instant at) {
        if (at == null) {
            return incident.status() == Status.RESOLVED ? "—" : "not yet";
        }
        return times.dateTime(at) + " (" + Times.duration(incident.declaredAt(), at) + " after declared)";
    }

    private void row(String name, String value) throws IOException {
        out.append("| ").append(name).append(" | ").append(Md.cell(value)).append(" |\n");
    }

    private void section(String title, String body) throws IOException {
        out.append("## ").append(title).append("\n\n").append(body).append("\n\n");
    }

    private void keyEvents(TimelineScan scan, boolean multiDay) throws IOException {
        out.append("## Timeline of key events\n\n");
        if (chartTarget != null) {
            out.append(chartImage(incident.number(), chartTarget)).append("\n\n");
        }
        if (scan.keyEvents() == 0) {
            out.append(Prompts.NO_KEY_EVENTS).append("\n\n");
            return;
        }
        out.append(Prompts.KEY_EVENTS).append("\n\n");
        new KeyEvents(out, text, new DayHeadings(times, multiDay)).write(in.entries());
        out.append('\n');
    }

    /**
     * The Markdown line that shows the timeline picture. The draft links the picture's file name, as
     * uploaded next to the draft (and as {@code postmortem <n> --chart FILE} writes it); the canvas
     * links the uploaded file instead.
     *
     * @param number incident number
     * @param target the picture's file name or URL
     * @return {@code ![Timeline picture of incident <n>...](target)}
     */
    public static String chartImage(long number, String target) {
        return "![Timeline picture of incident " + number + ": status phases, severity changes, numbered key events "
                + "and messages per interval](" + target + ")";
    }

    private void followUps() throws IOException {
        out.append("## Follow-ups\n\n");
        if (in.followUps().isEmpty()) {
            out.append(Prompts.NO_FOLLOW_UPS).append("\n\n");
            return;
        }
        StringBuilder s = new StringBuilder();
        for (FollowUp f : in.followUps()) {
            String owner = f.ownerId() == null ? "no owner" : names.of(f.ownerId());
            Md.item(s, 0, "[ ] ", text.markdown(f.text()).strip() + " (" + owner + ")");
        }
        out.append(s).append('\n');
    }

    private void participants(TimelineScan scan) throws IOException {
        out.append("## Participants\n\n");
        Set<String> ids = new LinkedHashSet<>();
        in.participants().stream().map(Participant::userId).forEach(ids::add);
        ids.addAll(scan.messageCounts().keySet());
        if (ids.isEmpty()) {
            out.append("_Nobody was recorded in the incident channel._\n\n");
            return;
        }
        record Person(String name, int messages) {
        }
        List<Person> people = new ArrayList<>();
        for (String id : ids) {
            people.add(new Person(names.of(id), scan.messageCounts().getOrDefault(id, 0)));
        }
        people.sort(Comparator.comparingInt(Person::messages).reversed()
                .thenComparing(Person::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Person::name));
        for (Person p : people) {
            out.append("- ").append(p.name()).append(" — ").append(Integer.toString(p.messages()))
                    .append(p.messages() == 1 ? " message\n" : " messages\n");
        }
        out.append('\n');
    }

    private void appendix(TimelineScan scan, boolean multiDay) throws IOException {
        out.append("## Appendix: full channel log\n\n");
        if (scan.messages() == 0) {
            out.append("_No messages were recorded in the incident channel._\n");
            return;
        }
        out.append(Integer.toString(scan.messages())).append(scan.messages() == 1 ? " message" : " messages")
                .append(", thread replies indented under the message they answer.\n\n");
        new ChannelLog(out, text, new DayHeadings(times, multiDay), scan).write(in.entries());
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
