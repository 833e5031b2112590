package io.incidentbot.storage.jdbi;

import io.incidentbot.store.PostmortemDeliveryRepository;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

import static io.incidentbot.storage.jdbi.Rows.micros;

/** {@link PostmortemDeliveryRepository} on table {@code postmortem_delivery}, bound to one transaction's handle. */
public final class JdbiPostmortemDeliveries implements PostmortemDeliveryRepository {
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiPostmortemDeliveries(Handle h) {
        this.h = h;
    }

    @Override
    public Optional<Delivery> find(long incident) {
        return h.createQuery("""
                SELECT incident, draft_file_id, chart_file_id, canvas_id FROM postmortem_delivery WHERE incident = :i""")
                .bind("i", incident)
                .map((rs, ctx) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .findFirst();
    }

    @Override
    public void saveFiles(long incident, String draftFileId, String chartFileId, Instant at) {
        h.createUpdate("""
                INSERT INTO postmortem_delivery (incident, draft_file_id, chart_file_id, updated_at) VALUES (:i, :d, :c, :at)
                ON CONFLICT (incident) DO UPDATE SET draft_file_id = excluded.draft_file_id,
                    chart_file_id = excluded.chart_file_id, updated_at = excluded.updated_at""")
                .bind("i", incident).bind("d", draftFileId).bind("c", chartFileId).bind("at", micros(at)).execute();
    }

    @Override
    public void saveCanvas(long incident, String canvasId, Instant at) {
        h.createUpdate("""
                INSERT INTO postmortem_delivery (incident, canvas_id, updated_at) VALUES (:i, :v, :at)
                ON CONFLICT (incident) DO UPDATE SET canvas_id = excluded.canvas_id, updated_at = excluded.updated_at""")
                .bind("i", incident).bind("v", canvasId).bind("at", micros(at)).execute();
    }
}
