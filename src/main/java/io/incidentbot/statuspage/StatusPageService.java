package io.incidentbot.statuspage;

import io.incidentbot.incident.Incident;
import io.incidentbot.store.Repositories;
import io.incidentbot.store.StatusPageRepository;
import io.incidentbot.store.Storage;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status page's use cases: components, publishing an incident, public updates, resolving it on the page, and
 * maintenance windows. Each runs in one transaction; every public change of an incident is also a timeline entry
 * ("Published to the status page: ...") so it shows in the postmortem. Refusals throw {@link StatusPageException}
 * with the sentence to show, before anything is written.
 */
public final class StatusPageService {
    /** Longest public title, in characters. */
    public static final int MAX_TITLE = 200;
    /** Longest public message, in characters. */
    public static final int MAX_MESSAGE = 5000;

    private final Storage storage;
    private final Clock clock;
    private final List<String> hostedPages;
    private final Runnable wakeup;

    /**
     * Without pushes to hosted pages.
     *
     * @param storage the database
     * @param clock   time of every change
     */
    public StatusPageService(Storage storage, Clock clock) {
        this(storage, clock, List.of(), () -> { });
    }

    /**
     * @param storage     the database
     * @param clock       time of every change
     * @param hostedPages providers to push each public change to ({@code statuspage}, {@code cachet}): one outbox job
     *                    each ({@link io.incidentbot.statuspage.push.StatusPageJobs}), enqueued in the change's transaction
     * @param wakeup      tells the outbox worker there is work (after commit)
     */
    public StatusPageService(Storage storage, Clock clock, List<String> hostedPages, Runnable wakeup) {
        this.storage = storage;
        this.clock = clock;
        this.hostedPages = List.copyOf(hostedPages);
        this.wakeup = wakeup;
    }

    private void push(Repositories r, long incident, String publicId, Instant now) {
        for (String provider : hostedPages) {
            r.outbox().enqueue(incident, io.incidentbot.statuspage.push.StatusPageJobs.SUBSCRIBER, provider,
                    io.incidentbot.outbox.Payloads.write(new io.incidentbot.statuspage.push.StatusPageJobs.Push(publicId)), now);
        }
    }

    /**
     * What to publish.
     *
     * @param title      public title (required)
     * @param status     public status
     * @param components component ID to the state this incident puts it in (may be empty)
     * @param message    first public message (required)
     */
    public record Publication(String title, PublicStatus status, Map<String, ComponentState> components, String message) {
    }

    /** Adds the components of {@code specs} whose names are not on the page yet (at start, from settings). */
    public void ensureComponents(List<ComponentSpec> specs) {
        storage.run(r -> {
            List<Component> have = r.statusPage().components();
            int position = have.stream().mapToInt(Component::position).max().orElse(0);
            for (ComponentSpec s : specs) {
                if (have.stream().noneMatch(c -> c.name().equalsIgnoreCase(s.name()))) {
                    Instant now = clock.instant();
                    r.statusPage().addComponent(new Component(PublicIds.next(), s.group(), s.name(), ++position,
                            ComponentState.OPERATIONAL, now, now));
                }
            }
        });
    }

    /**
     * Adds one component at the end of the page.
     *
     * @param spec {@code Name} or {@code Group/Name}
     * @throws StatusPageException when the spec is malformed or the name is taken
     */
    public Component addComponent(String spec) {
        ComponentSpec s;
        try {
            s = ComponentSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new StatusPageException(e.getMessage());
        }
        return storage.transaction(r -> {
            List<Component> have = r.statusPage().components();
            if (have.stream().anyMatch(c -> c.name().equalsIgnoreCase(s.name()))) {
                throw new StatusPageException("There is already a component named " + s.name() + ".");
            }
            Instant now = clock.instant();
            Component c = new Component(PublicIds.next(), s.group(), s.name(), have.stream().mapToInt(Component::position)
                    .max().orElse(0) + 1, ComponentState.OPERATIONAL, now, now);
            r.statusPage().addComponent(c);
            return c;
        });
    }

    /**
     * Removes a component from the page by name (case-insensitive; {@code Group/Name} accepted).
     *
     * @throws StatusPageException when there is no such component
     */
    public Component removeComponent(String name) {
        return storage.transaction(r -> {
            Component c = find(r.statusPage(), name);
            r.statusPage().removeComponent(c.id(), clock.instant());
            return c;
        });
    }

    /** @return the clock every change is timed by (the modals' defaults and checks use it too) */
    public Clock clock() {
        return clock;
    }

    /** @return the components, in page order */
    public List<Component> components() {
        return storage.read(r -> r.statusPage().components());
    }

    /**
     * Publishes an incident: a new random public ID, the first public update, its components set to the states
     * given, and a timeline entry.
     *
     * @param incident internal incident number
     * @param actor    Slack user ID
     * @throws StatusPageException for a private, unknown or already published incident, or an empty title or message
     */
    public PublishedIncident publish(long incident, Publication p, String actor) {
        String title = text(p.title(), "a public title", MAX_TITLE);
        String message = text(p.message(), "a first public message", MAX_MESSAGE);
        PublishedIncident result = storage.transaction(r -> {
            Incident inc = r.incidents().find(incident)
                    .orElseThrow(() -> new StatusPageException("There is no incident " + incident + "."));
            if (inc.privateIncident()) {
                throw new StatusPageException("A private incident cannot be published to the status page.");
            }
            if (r.statusPage().incidentOf(incident).isPresent()) {
                throw new StatusPageException("This incident is already on the status page: post a public update instead.");
            }
            Instant now = clock.instant();
            Map<String, ComponentState> affected = affected(r.statusPage(), p.components());
            PublishedIncident published = new PublishedIncident(PublicIds.next(), incident, title, p.status(),
                    StatusRules.impact(affected.values()), affected, now, now,
                    p.status() == PublicStatus.MONITORING ? now : null, p.status() == PublicStatus.RESOLVED ? now : null);
            r.statusPage().addIncident(published);
            r.statusPage().addUpdate(new PublicUpdate(PublicIds.next(), published.publicId(), p.status(), message, now));
            affected.forEach((id, state) -> r.statusPage().setComponentState(id, state, now));
            entry(r, incident, actor, title + " (" + p.status().word() + "): " + message, now);
            push(r, incident, published.publicId(), now);
            return published;
        });
        wakeup.run();
        return result;
    }

    /**
     * Posts a public update to a published incident.
     *
     * @param status     the new public status, or null to keep it
     * @param components component ID to new state for the components to change (others keep theirs), may be empty
     * @throws StatusPageException when the incident is not published or the message is empty
     */
    public PublishedIncident update(long incident, PublicStatus status, String message, Map<String, ComponentState> components,
                                    String actor) {
        String text = text(message, "a public message", MAX_MESSAGE);
        PublishedIncident result = storage.transaction(r -> update(r, incident, status, text, components, actor, clock.instant()));
        wakeup.run();
        return result;
    }

    private PublishedIncident update(Repositories r, long incident, PublicStatus status, String text,
                                     Map<String, ComponentState> components, String actor, Instant now) {
        PublishedIncident was = published(r, incident);
        PublicStatus s = status == null ? was.status() : status;
        Map<String, ComponentState> affected = new LinkedHashMap<>(was.affected());
        affected.putAll(affected(r.statusPage(), components));
        PublishedIncident next = new PublishedIncident(was.publicId(), incident, was.title(), s,
                was.impact().worse(StatusRules.impact(affected.values())), affected, was.createdAt(), now,
                was.monitoringAt() == null && s == PublicStatus.MONITORING ? now : was.monitoringAt(),
                s == PublicStatus.RESOLVED ? now : null);
        r.statusPage().updateIncident(next);
        r.statusPage().addUpdate(new PublicUpdate(PublicIds.next(), was.publicId(), s, text, now));
        affected(r.statusPage(), components).forEach((id, state) -> r.statusPage().setComponentState(id, state, now));
        if (s == PublicStatus.RESOLVED) {
            backToOperational(r, next, now);
        }
        entry(r, incident, actor, "(" + s.word() + "): " + text, now);
        push(r, incident, was.publicId(), now);
        return next;
    }

    /** What the page says when an incident is resolved without a public resolution message. */
    public static final String RESOLVED_MESSAGE = "This incident has been resolved.";

    /**
     * Closes a published incident on the page when the incident is resolved, inside the resolve's own transaction
     * (the status-page subscriber calls it on {@code IncidentEvent.Resolved}). The public message is the one kept by
     * {@link #keepResolutionMessage} (the Resolve modal's field), else {@link #RESOLVED_MESSAGE}: the internal resolve
     * summary is never shown to customers. Nothing happens for an incident that was never published or is already
     * resolved on the page.
     *
     * @param r     the resolve's repositories
     * @param actor Slack user ID
     * @param now   the resolve's time
     */
    public void closeOnResolve(Repositories r, long incident, String actor, Instant now) {
        Optional<PublishedIncident> p = r.statusPage().incidentOf(incident);
        if (p.isEmpty() || p.get().status() == PublicStatus.RESOLVED) {
            return;
        }
        String s = r.statusPage().resolutionMessage(p.get().publicId()).filter(m -> !m.isBlank()).orElse(RESOLVED_MESSAGE);
        update(r, incident, PublicStatus.RESOLVED, s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) : s, Map.of(), actor, now);
    }

    /**
     * Keeps the public resolution message for the incident's coming resolve (the Resolve modal calls it just before
     * resolving); {@link #closeOnResolve} posts it. A later one replaces it.
     *
     * @param message the text for customers (required, at most {@link #MAX_MESSAGE} characters)
     * @return false when the incident is not open on the page (nothing kept)
     * @throws StatusPageException when the message is empty
     */
    public boolean keepResolutionMessage(long incident, String message) {
        String text = text(message, "a public resolution message", MAX_MESSAGE);
        return storage.transaction(r -> {
            Optional<PublishedIncident> p = r.statusPage().incidentOf(incident).filter(i -> i.status() != PublicStatus.RESOLVED);
            p.ifPresent(i -> r.statusPage().setResolutionMessage(i.publicId(), text));
            return p.isPresent();
        });
    }

    /** @return whether {@code incident} is published and not resolved on the page (the Resolve modal then asks) */
    public boolean openOnPage(long incident) {
        return publishedOf(incident).filter(p -> p.status() != PublicStatus.RESOLVED).isPresent();
    }

    /**
     * Resolves a published incident on the page with its public resolution message; the components it affected go
     * back to operational unless another unresolved published incident still affects them.
     */
    public PublishedIncident resolve(long incident, String message, String actor) {
        return update(incident, PublicStatus.RESOLVED, message, Map.of(), actor);
    }

    /** @return the published incident of {@code incident}, if it was published */
    public Optional<PublishedIncident> publishedOf(long incident) {
        return storage.read(r -> r.statusPage().incidentOf(incident));
    }

    /**
     * Schedules a maintenance window.
     *
     * @param components component names (as {@link #removeComponent} finds them) or public IDs
     * @throws StatusPageException for an empty name or message, an unknown component, or an end not after the start
     */
    public Maintenance scheduleMaintenance(String name, String message, Instant start, Instant end, List<String> components,
                                           String actor) {
        String n = text(name, "a name", MAX_TITLE);
        String m = text(message, "a message", MAX_MESSAGE);
        if (!end.isAfter(start)) {
            throw new StatusPageException("A maintenance window must end after it starts.");
        }
        return storage.transaction(r -> {
            List<String> ids = components.stream().map(c -> find(r.statusPage(), c).id()).distinct().toList();
            Maintenance w = new Maintenance(PublicIds.next(), n, m, start, end, ids, clock.instant(), actor);
            r.statusPage().addMaintenance(w);
            return w;
        });
    }

    private void backToOperational(Repositories r, PublishedIncident resolved, Instant now) {
        for (String id : resolved.affected().keySet()) {
            boolean stillAffected = r.statusPage().unresolvedIncidents().stream()
                    .anyMatch(o -> !o.publicId().equals(resolved.publicId()) && o.affected().containsKey(id));
            if (!stillAffected) {
                r.statusPage().setComponentState(id, ComponentState.OPERATIONAL, now);
            }
        }
    }

    private static PublishedIncident published(Repositories r, long incident) {
        return r.statusPage().incidentOf(incident).orElseThrow(() -> new StatusPageException(
                "This incident is not on the status page yet: publish it first."));
    }

    private static Map<String, ComponentState> affected(StatusPageRepository repo, Map<String, ComponentState> given) {
        List<Component> have = repo.components();
        Map<String, ComponentState> out = new LinkedHashMap<>();
        for (Component c : have) {
            ComponentState s = given.get(c.id());
            if (s != null) {
                out.put(c.id(), s);
            }
        }
        for (String id : given.keySet()) {
            if (!out.containsKey(id)) {
                throw new StatusPageException("That component is no longer on the status page; pick another.");
            }
        }
        return out;
    }

    private static Component find(StatusPageRepository repo, String name) {
        String n = name == null ? "" : name.strip();
        String bare = n.contains("/") ? n.substring(n.lastIndexOf('/') + 1).strip() : n;
        return repo.components().stream().filter(c -> c.id().equals(n) || c.name().equalsIgnoreCase(bare) || c.fullName().equalsIgnoreCase(n))
                .findFirst().orElseThrow(() -> new StatusPageException("There is no component named " + n + "."));
    }

    private static String text(String value, String what, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new StatusPageException("Please write " + what + ".");
        }
        if (v.length() > max) {
            throw new StatusPageException("That is too long: " + what + " is at most " + max + " characters.");
        }
        return v;
    }

    private static void entry(Repositories r, long incident, String actor, String text, Instant now) {
        r.timeline().add(new TimelineEntry(0, incident, EntryKind.NOTE, now, null, null, actor,
                "Published to the status page: " + text, null, false, false, List.of()));
    }
}
