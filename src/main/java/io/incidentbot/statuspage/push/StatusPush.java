package io.incidentbot.statuspage.push;

import io.incidentbot.statuspage.Component;
import io.incidentbot.statuspage.ComponentState;
import io.incidentbot.statuspage.PublicUpdate;
import io.incidentbot.statuspage.PublishedIncident;
import io.incidentbot.store.Storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings one hosted page up to date with one published incident: the body of one outbox job of the status-page
 * subscriber. It reads the incident's current public state and the public updates the page has not been sent yet
 * (by time, remembered per provider in the database), and sends them in one request: {@code create} the first time,
 * {@code update} after. So several updates queued while the page was rate-limited or down are coalesced into one
 * request whose body holds them all, oldest first (none is lost), and a job that finds nothing new sends nothing.
 * Paced by a {@link RateGate}: when the key's slot is taken the result is a retry after the wait (no sleeping).
 */
public final class StatusPush {
    private final Storage storage;
    private final RateGate gate;

    /**
     * @param storage the database
     * @param gate    paces requests per key (1 per second for Statuspage)
     */
    public StatusPush(Storage storage, RateGate gate) {
        this.storage = storage;
        this.gate = gate;
    }

    private record Pending(PublishedIncident incident, List<PublicUpdate> updates, String remoteId, Map<String, ComponentState> components) {
    }

    /**
     * @param page     the hosted page
     * @param publicId the published incident's public ID
     * @return done (also when there was nothing new), retry (rate-limited here or there, network, 5xx) or fail
     */
    public PushResult sync(HostedPage page, String publicId) {
        Optional<Pending> read = storage.read(r -> r.statusPage().incident(publicId).map(i -> {
            Instant upTo = r.statusPage().pushedUpTo(publicId, page.provider()).orElse(null);
            List<PublicUpdate> newer = new ArrayList<>();
            for (PublicUpdate u : r.statusPage().updates(List.of(publicId)).get(publicId)) {
                if (upTo == null || u.at().isAfter(upTo)) {
                    newer.add(0, u);
                }
            }
            Map<String, ComponentState> components = new LinkedHashMap<>();
            for (Component c : r.statusPage().components()) {
                ComponentState s = i.affected().get(c.id());
                if (s != null) {
                    components.put(c.name(), i.unresolved() ? s : ComponentState.OPERATIONAL);
                }
            }
            return new Pending(i, newer, r.statusPage().remoteId(publicId, page.provider()).orElse(null), components);
        }));
        if (read.isEmpty()) {
            return PushResult.fail("no published incident " + publicId);
        }
        Pending p = read.get();
        if (p.remoteId() != null && p.updates().isEmpty()) {
            return PushResult.done(p.remoteId());
        }
        Duration wait = gate.acquire(page.rateKey());
        if (!wait.isZero()) {
            return PushResult.retry("paced: at most one request per second per key", wait);
        }
        StringBuilder body = new StringBuilder();
        for (PublicUpdate u : p.updates()) {
            if (body.length() > 0) {
                body.append("\n\n");
            }
            body.append(u.body());
        }
        PushState state = new PushState(p.incident().title(), p.incident().status(), body.toString(), p.components());
        PushResult result = p.remoteId() == null ? page.create(state) : page.update(p.remoteId(), state);
        if (result.type() == PushResult.Type.DONE) {
            Instant newest = p.updates().isEmpty() ? p.incident().createdAt() : p.updates().get(p.updates().size() - 1).at();
            storage.run(r -> r.statusPage().markPushed(publicId, page.provider(), result.remoteId(), newest));
        }
        return result;
    }
}
