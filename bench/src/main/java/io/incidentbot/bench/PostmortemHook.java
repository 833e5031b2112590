package io.incidentbot.bench;

import io.incidentbot.storage.Storage;

import java.io.Writer;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one place the benchmark touches the postmortem renderer. The renderer is being written on
 * another branch, so this finds it at run time: while {@code io.incidentbot.postmortem.PostmortemService}
 * is not in the jar, scenario 3 reports "pending".
 *
 * <p>Once the renderer is on main, this class can become a direct call:
 * <pre>{@code
 * return (number, out) -> new PostmortemService(storage, UserDirectory.NONE, Clock.systemUTC(), ZoneOffset.UTC)
 *         .render(number, out);
 * }</pre>
 */
final class PostmortemHook {
    /** Renders the postmortem draft of one incident. */
    interface Renderer {
        void render(long number, Writer out) throws Exception;
    }

    /** Why there is no renderer. */
    static final class Missing extends Exception {
        final boolean pending;

        Missing(String message, boolean pending) {
            super(message);
            this.pending = pending;
        }
    }

    private PostmortemHook() {
    }

    /**
     * @return a renderer reading {@code storage} (times in UTC, names from the cache only)
     * @throws Missing with {@code pending} when the renderer is not in the jar yet, without it when its
     *                 API differs from the one this hook calls
     */
    static Renderer find(Storage storage) throws Missing {
        Class<?> service;
        Class<?> directory;
        try {
            service = Class.forName("io.incidentbot.postmortem.PostmortemService");
            directory = Class.forName("io.incidentbot.postmortem.UserDirectory");
        } catch (ClassNotFoundException e) {
            throw new Missing("renderer not on this branch yet (" + e.getMessage() + ")", true);
        }
        try {
            Object none = directory.getField("NONE").get(null);
            Constructor<?> c = service.getConstructor(Storage.class, directory, Clock.class, ZoneId.class);
            Object s = c.newInstance(storage, none, Clock.systemUTC(), ZoneOffset.UTC);
            Method render = service.getMethod("render", long.class, Writer.class);
            return (number, out) -> {
                try {
                    render.invoke(s, number, out);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new Missing("renderer API differs from PostmortemService(Storage, UserDirectory, Clock, ZoneId)"
                    + ".render(long, Writer): " + e + "; update bench/.../PostmortemHook.java", false);
        }
    }
}
