package io.incidentbot.hooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the webhook payloads under {@code src/test/resources/hooks/} (their sources are in each folder's README). */
public final class HookFixtures {
    private HookFixtures() {
    }

    /**
     * @param path e.g. {@code alertmanager/firing-critical.json}
     * @return the file's bytes, as a sender would POST them
     */
    public static byte[] bytes(String path) {
        try (InputStream in = HookFixtures.class.getResourceAsStream("/hooks/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture hooks/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
