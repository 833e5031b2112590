package io.incidentbot.postmortem;

import io.incidentbot.markup.Mentions;
import io.incidentbot.incident.FollowUp;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Participant;
import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;
import io.incidentbot.timeline.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Drafts an incident's postmortem from the database: loads its state, resolves display names
 * (cached names first, then the {@link UserDirectory}, whose answers are cached), and renders it with
 * {@link PostmortemRenderer}.
 *
 * <p>The draft is rendered inside one read-only transaction ({@link Storage#read}: no write lock, so acks
 * do not wait for a long draft), so it is consistent, into a temporary file, then
 * copied to the caller's writer after the commit: a slow reader (a pager, an upload) never holds the
 * database lock. The timeline is streamed, never loaded whole.
 */
public final class PostmortemService {
    private static final Logger log = LoggerFactory.getLogger(PostmortemService.class);

    private final java.time.Duration changeWindow;
    private final Storage storage;
    private final UserDirectory directory;
    private final Clock clock;
    private final ZoneId zone;
    private final AlertHistory alerts;
    private final PostmortemSettings drafts;
    private final RelatedIncidents related;

    /**
     * @param storage   the database
     * @param directory looks up names missing from the cache; {@link UserDirectory#NONE} for none
     * @param clock     time stamps cached names
     * @param zone      time zone of every time in the draft (configured by {@code INCIDENT_TIMEZONE})
     */
    public PostmortemService(Storage storage, UserDirectory directory, Clock clock, ZoneId zone) {
        this(storage, directory, clock, zone, AlertHistory.NONE);
    }

    /**
     * @param storage   the database
     * @param directory looks up names missing from the cache; {@link UserDirectory#NONE} for none
     * @param clock     time stamps cached names
     * @param zone      time zone of every time in the draft (configured by {@code INCIDENT_TIMEZONE})
     * @param alerts    the alerts that fired per incident, for Impact and the picture
     */
    public PostmortemService(Storage storage, UserDirectory directory, Clock clock, ZoneId zone, AlertHistory alerts) {
        this(storage, directory, clock, zone, alerts, java.time.Duration.ofHours(24));
    }

    /**
     * As above, with the window of changes the draft lists before the incident.
     *
     * @param changeWindow {@code INCIDENT_CHANGE_WINDOW}
     */
    public PostmortemService(Storage storage, UserDirectory directory, Clock clock, ZoneId zone, AlertHistory alerts,
                             java.time.Duration changeWindow) {
        this.changeWindow = changeWindow;
        this.storage = storage;
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
        this.alerts = alerts;
        this.drafts = new PostmortemSettings(null, DraftTemplate.defaultLayout());
        this.related = RelatedIncidents.NONE;
    }

    private PostmortemService(PostmortemService s, PostmortemSettings drafts, RelatedIncidents related) {
        this.changeWindow = s.changeWindow;
        this.storage = s.storage;
        this.directory = s.directory;
        this.clock = s.clock;
        this.zone = s.zone;
        this.alerts = s.alerts;
        this.drafts = drafts;
        this.related = related;
    }

    /**
     * @param template the template drafts are written through ({@code INCIDENT_POSTMORTEM_TEMPLATE}, checked at start)
     * @return this service, drafting through {@code template}
     */
    public PostmortemService using(DraftTemplate template) {
        return new PostmortemService(this, new PostmortemSettings(null, template), related);
    }

    /**
     * @param settings the template and the process file's per-type templates and field labels (checked at start)
     * @return this service, drafting each incident through its type's template and showing its custom fields
     */
    public PostmortemService using(PostmortemSettings settings) {
        return new PostmortemService(this, settings, related);
    }

    /**
     * @param related finds the incidents the draft's Related incidents section lists (issue 22)
     * @return this service, drafting with them
     */
    public PostmortemService relatedBy(RelatedIncidents related) {
        return new PostmortemService(this, drafts, related);
    }

    /**
     * Draws incident {@code number}'s timeline picture ({@link TimelineChart}), numbered as its draft's
     * timeline of key events. The timeline is read once, in a read transaction; the picture is drawn
     * after it ends.
     *
     * @return PNG bytes, {@value TimelineChart#WIDTH}x{@value TimelineChart#HEIGHT} px
     * @throws UnknownIncidentException when there is no such incident
     * @throws IOException              when PNG encoding fails
     */
    public byte[] chart(long number) throws IOException {
        ChartInput chart = storage.read(r -> ChartInputBuilder.of(input(r, number, Map.of(), List.of())));
        return TimelineChart.png(chart);
    }

    /**
     * Writes the postmortem draft of incident {@code number} to {@code out} as Markdown ({@code \n}
     * line ends). Does not close {@code out}.
     *
     * @throws UnknownIncidentException when there is no such incident
     * @throws IOException              when writing to {@code out} or to the temporary file fails
     */
    public void render(long number, Writer out) throws IOException {
        render(number, out, TimelineChart.fileName(number));
    }

    /**
     * As {@link #render(long, Writer)}, the draft linking its timeline picture at {@code chartTarget}.
     *
     * @param chartTarget the picture's file name or path as the draft links it, e.g. the {@code --chart FILE}
     *                    of the command line; null to leave the picture out of the draft
     * @throws UnknownIncidentException when there is no such incident
     * @throws IOException              when writing to {@code out} or to the temporary file fails
     */
    public void render(long number, Writer out, String chartTarget) throws IOException {
        List<RelatedIncidents.Related> rel = storage.read(r -> related.find(r,
                r.incidents().find(number).orElseThrow(() -> new UnknownIncidentException(number))));
        Set<String> owners = new java.util.HashSet<>();
        rel.forEach(x -> x.followUps().forEach(f -> owners.add(f.ownerId())));
        owners.remove(null);
        Map<String, String> names = displayNames(number, owners);
        Path spool = Files.createTempFile("postmortem-" + number + "-", ".md");
        try {
            try (Writer w = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
                storage.read(r -> {
                    renderTo(r, number, names, w, chartTarget, rel);
                    return null;
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            try (Reader r = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
                r.transferTo(out);
            }
            out.flush();
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private PostmortemInput input(Repositories r, long number, Map<String, String> names,
                                  List<RelatedIncidents.Related> rel) {
        String type = r.process().type(number).orElse(null);
        Incident incident = r.incidents().find(number).orElseThrow(() -> new UnknownIncidentException(number));
        TimelineSource entries = new TimelineSource() {
            @Override
            public void forEach(Consumer<? super TimelineEntry> sink) {
                r.timeline().forEach(number, sink::accept);
            }

            @Override
            public void forEachKeyEvent(Consumer<? super TimelineEntry> sink) {
                r.timeline().forEachKeyEvent(number, sink::accept);
            }
        };
        return PostmortemInput.builder(incident, entries, zone).followUps(r.followUps().list(number))
                .participants(r.participants().list(number)).displayNames(names).alerts(alerts.spans(r, incident))
                .alertTable(r.alerts().alertsOfIncident(number))
                .changesBefore(r.changes().between(incident.declaredAt().minus(changeWindow), incident.declaredAt(),
                        Signals.MAX_CHANGES))
                .pages(r.pages().forIncident(number)).impactStarted(r.incidents().impactStarted(number).orElse(null))
                .type(type).fields(drafts.fields(type, type == null ? Map.of() : r.process().fields(number)))
                .checklist(r.checklists().list(number)).related(rel).followUpStates(followUpStates(r, number))
                .names(drafts.names()).build();
    }

    /** @return the incident's follow-ups' state, plan and tracker issue, by follow-up ID (issue 22) */
    private static Map<Long, PostmortemInput.FollowUpStatus> followUpStates(Repositories r, long number) {
        Map<Long, PostmortemInput.FollowUpStatus> states = new HashMap<>();
        r.trackers().list(number).forEach(f -> states.put(f.id(), PostmortemInput.FollowUpStatus.of(f)));
        return states;
    }

    private void renderTo(Repositories r, long number, Map<String, String> names, Writer w, String chartTarget,
                          List<RelatedIncidents.Related> rel) {
        try {
            PostmortemInput input = input(r, number, names, rel);
            PostmortemRenderer.render(input, w, chartTarget, drafts.templateOf(input.type()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return display names of everyone the draft mentions: cached, else looked up (and cached) */
    private Map<String, String> displayNames(long number, Set<String> extra) {
        Map<String, String> names = new HashMap<>();
        Set<String> missing = storage.read(r -> {
            Incident incident = r.incidents().find(number).orElseThrow(() -> new UnknownIncidentException(number));
            Set<String> ids = referencedUsers(r, incident);
            ids.addAll(extra);
            for (String id : ids) {
                r.userNames().find(id).ifPresent(name -> names.put(id, name));
            }
            ids.removeAll(names.keySet());
            return ids;
        });
        Map<String, String> found = lookUp(missing);
        if (!found.isEmpty()) {
            storage.run(r -> found.forEach((id, name) -> r.userNames().put(id, name, clock.instant())));
            names.putAll(found);
        }
        return names;
    }

    private Set<String> referencedUsers(Repositories r, Incident incident) {
        UserReferences refs = new UserReferences();
        refs.user(incident.declaredBy());
        incident.roles().values().forEach(refs::user);
        refs.text(incident.summary());
        refs.text(incident.resolutionSummary());
        for (FollowUp f : r.followUps().list(incident.number())) {
            refs.user(f.ownerId());
            refs.text(f.text());
        }
        r.participants().list(incident.number()).stream().map(Participant::userId).forEach(refs::user);
        String type = r.process().type(incident.number()).orElse(null);
        if (type != null) {
            drafts.fields(type, r.process().fields(incident.number())).stream().filter(PostmortemInput.Field::user)
                    .map(PostmortemInput.Field::value).forEach(refs::user);
        }
        // Two narrow reads rather than the whole timeline: authors, then only the entries that mention someone.
        r.timeline().authors(incident.number()).forEach(refs::user);
        r.timeline().forEachMentioning(incident.number(), e -> refs.text(Mentions.inEntry(e)));
        return refs.ids();
    }

    private Map<String, String> lookUp(Set<String> ids) {
        Map<String, String> found = new HashMap<>();
        for (String id : List.copyOf(ids)) {
            Optional<String> name;
            try {
                name = directory.displayName(id);
            } catch (RuntimeException e) {
                log.warn("user directory failed for {}; drafting with cached names only: {}", id, e.toString());
                break;
            }
            name.filter(n -> !n.isBlank()).ifPresent(n -> found.put(id, n.strip()));
        }
        return found;
    }
}
