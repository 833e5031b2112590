package io.incidentbot.bench;

import io.incidentbot.postmortem.PostmortemService;
import io.incidentbot.postmortem.UserDirectory;
import io.incidentbot.store.Storage;

import java.io.Writer;
import java.time.Clock;
import java.time.ZoneOffset;

/** The one place the benchmark touches the postmortem renderer: the product's own service, as the CLI uses it. */
final class PostmortemHook {
    /** Renders the postmortem draft of one incident. */
    interface Renderer {
        void render(long number, Writer out) throws Exception;
    }

    private PostmortemHook() {
    }

    /** @return a renderer reading {@code storage} (times in UTC, display names from the database only) */
    static Renderer find(Storage storage) {
        PostmortemService service = new PostmortemService(storage, UserDirectory.NONE, Clock.systemUTC(), ZoneOffset.UTC);
        return service::render;
    }
}
