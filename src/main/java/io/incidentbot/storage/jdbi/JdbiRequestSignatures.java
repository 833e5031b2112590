package io.incidentbot.storage.jdbi;

import io.incidentbot.store.RequestSignatureRepository;
import org.jdbi.v3.core.Handle;

import java.time.Instant;

import static io.incidentbot.storage.jdbi.Rows.micros;

/** {@link RequestSignatureRepository} on table {@code request_signature}, bound to the handle of one transaction. */
public final class JdbiRequestSignatures implements RequestSignatureRepository {
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiRequestSignatures(Handle h) {
        this.h = h;
    }

    @Override
    public boolean remember(String signature, Instant acceptedAt) {
        return h.createUpdate("INSERT INTO request_signature (signature, accepted_at) VALUES (:s, :at) ON CONFLICT DO NOTHING")
                .bind("s", signature).bind("at", micros(acceptedAt)).execute() == 1;
    }

    @Override
    public void forget(String signature) {
        h.createUpdate("DELETE FROM request_signature WHERE signature = :s").bind("s", signature).execute();
    }

    @Override
    public int pruneBefore(Instant before) {
        return h.createUpdate("DELETE FROM request_signature WHERE accepted_at < :at").bind("at", micros(before)).execute();
    }
}
