package io.incidentbot.storage.jdbi;

import io.incidentbot.pager.Page;
import io.incidentbot.pager.PagerKind;
import io.incidentbot.store.PageRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/** {@link PageRepository} on tables {@code page} and {@code pager_hook_event} (portable SQL), bound to one transaction. */
public final class JdbiPages implements PageRepository {
    private static final String COLUMNS = "incident, pager, dedup_key, state, first_paged_at, paged_at, paged_by, external_id, "
            + "first_acknowledged_at, acknowledged_at, acknowledged_by, resolved_at, error";
    private static final RowMapper<Page> PAGE = (rs, ctx) -> new Page(rs.getLong("incident"),
            PagerKind.ofId(rs.getString("pager")).orElseThrow(), rs.getString("dedup_key"),
            Page.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), instant(rs, "first_paged_at"),
            instant(rs, "paged_at"), rs.getString("paged_by"), rs.getString("external_id"),
            instant(rs, "first_acknowledged_at"), instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
            instant(rs, "resolved_at"), rs.getString("error"));

    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiPages(Handle h) {
        this.h = h;
    }

    @Override
    public void triggered(long incident, PagerKind pager, String dedupKey, String pagedBy, Instant at) {
        h.createUpdate("""
                INSERT INTO page (incident, pager, dedup_key, state, first_paged_at, paged_at, paged_by)
                VALUES (:i, :p, :k, 'triggered', :at, :at, :by)
                ON CONFLICT (incident, pager) DO UPDATE SET state = 'triggered', paged_at = excluded.paged_at,
                    paged_by = excluded.paged_by, dedup_key = excluded.dedup_key, resolved_at = NULL, error = NULL""")
                .bind("i", incident).bind("p", pager.id()).bind("k", dedupKey).bind("at", micros(at)).bind("by", pagedBy)
                .execute();
    }

    @Override
    public boolean acknowledged(long incident, PagerKind pager, String by, Instant at) {
        return h.createUpdate("""
                UPDATE page SET state = 'acknowledged', acknowledged_at = :at, acknowledged_by = :by,
                    first_acknowledged_at = COALESCE(first_acknowledged_at, :at)
                WHERE incident = :i AND pager = :p AND state = 'triggered'""")
                .bind("i", incident).bind("p", pager.id()).bind("at", micros(at)).bind("by", by).execute() == 1;
    }

    @Override
    public boolean unacknowledged(long incident, PagerKind pager) {
        return h.createUpdate("UPDATE page SET state = 'triggered' WHERE incident = :i AND pager = :p AND state = 'acknowledged'")
                .bind("i", incident).bind("p", pager.id()).execute() == 1;
    }

    @Override
    public boolean resolved(long incident, PagerKind pager, Instant at) {
        return h.createUpdate("UPDATE page SET state = 'resolved', resolved_at = :at WHERE incident = :i AND pager = :p AND state <> 'resolved'")
                .bind("i", incident).bind("p", pager.id()).bind("at", micros(at)).execute() == 1;
    }

    @Override
    public void externalId(long incident, PagerKind pager, String externalId) {
        h.createUpdate("UPDATE page SET external_id = :e WHERE incident = :i AND pager = :p")
                .bind("i", incident).bind("p", pager.id()).bind("e", externalId).execute();
    }

    @Override
    public void error(long incident, PagerKind pager, String error) {
        h.createUpdate("UPDATE page SET error = :e WHERE incident = :i AND pager = :p")
                .bind("i", incident).bind("p", pager.id()).bind("e", error).execute();
    }

    @Override
    public Optional<Page> find(long incident, PagerKind pager) {
        return h.createQuery("SELECT " + COLUMNS + " FROM page WHERE incident = :i AND pager = :p")
                .bind("i", incident).bind("p", pager.id()).map(PAGE).findFirst();
    }

    @Override
    public List<Page> forIncident(long incident) {
        return h.createQuery("SELECT " + COLUMNS + " FROM page WHERE incident = :i ORDER BY first_paged_at, pager")
                .bind("i", incident).map(PAGE).list();
    }

    @Override
    public Optional<Page> byExternalId(PagerKind pager, String externalId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM page WHERE pager = :p AND external_id = :e ORDER BY incident DESC")
                .bind("p", pager.id()).bind("e", externalId).map(PAGE).findFirst();
    }

    @Override
    public boolean firstDelivery(String source, String eventId, Instant at) {
        return h.createUpdate("""
                INSERT INTO pager_hook_event (source, event_id, received_at) VALUES (:s, :e, :at)
                ON CONFLICT (source, event_id) DO NOTHING""")
                .bind("s", source).bind("e", eventId).bind("at", micros(at)).execute() == 1;
    }
}
