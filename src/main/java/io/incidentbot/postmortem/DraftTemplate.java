package io.incidentbot.postmortem;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Iteration;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The postmortem draft's template: a Mustache file (mustache.java) given a {@link DraftModel}. The shipped
 * default, {@code postmortem/default.mustache} in the jar, is the draft's layout; {@code INCIDENT_POSTMORTEM_TEMPLATE}
 * names a team's own file.
 *
 * <p>Mustache rather than JTE (which the status page uses, precompiled at build time): a team's file is compiled
 * when the bot starts, and JTE would need a Java compiler in the image and would run the file as Java code; a
 * Mustache file is logic-less data access. Values are written as they are (no HTML escaping: the draft is
 * Markdown and the model's text is already Markdown-safe). {@link Streamed} lists (key events, channel log) are
 * iterated by this class's object handler straight from storage, so the draft keeps its bounded memory.
 *
 * <p>{@link #load} checks a file fully: it compiles it, then renders it once against {@link DraftSample} with a
 * handler that refuses any name the model does not have, so a misspelt field fails at start, not at 3 a.m.
 */
public final class DraftTemplate {
    /** The shipped default's resource name. */
    public static final String DEFAULT_RESOURCE = "postmortem/default.mustache";

    private static final DraftTemplate DEFAULT = builtIn();

    private final Mustache mustache;
    private final String name;

    private DraftTemplate(Mustache mustache, String name) {
        this.mustache = mustache;
        this.name = name;
    }

    /** @return the shipped default layout */
    public static DraftTemplate defaultLayout() {
        return DEFAULT;
    }

    /** @return where this template came from: the file path, or the default's resource name */
    public String name() {
        return name;
    }

    /**
     * Reads, compiles and checks a team's template.
     *
     * @param file a UTF-8 Mustache file
     * @return the template
     * @throws TemplateException naming the file, the line and the problem (unreadable, bad syntax, unknown field)
     */
    public static DraftTemplate load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new TemplateException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return check(text, file.toString());
    }

    /**
     * Compiles and checks a template given as text.
     *
     * @param name the name errors give, e.g. the file path
     * @throws TemplateException naming {@code name}, the line and the problem
     */
    public static DraftTemplate check(String text, String name) {
        try {
            compile(new StrictHandler(), text, name).execute(Writer.nullWriter(), DraftSample.model());
            return new DraftTemplate(compile(new StreamingHandler(), text, name), name);
        } catch (MustacheException e) {
            throw new TemplateException(describe(e, name));
        }
    }

    /**
     * Writes the draft of {@code model}.
     *
     * @throws IOException whatever {@code out} throws
     */
    public void render(DraftModel model, Writer out) throws IOException {
        try {
            mustache.execute(out, model);
        } catch (MustacheException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private static DraftTemplate builtIn() {
        try (InputStream in = DraftTemplate.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the jar");
            }
            return check(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Mustache compile(ReflectionObjectHandler handler, String text, String name) {
        DefaultMustacheFactory factory = new DefaultMustacheFactory() {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new MustacheException("failed to write", e);
                }
            }

            @Override
            public Reader getReader(String resource) {
                throw new MustacheException("partials ({{> " + resource + "}}) are not supported: keep the template in one file");
            }
        };
        factory.setObjectHandler(handler);
        return factory.compile(new StringReader(text), name);
    }

    private static String describe(MustacheException e, String name) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UnknownField u) {
                e = u;
            }
        }
        TemplateContext at = e.getContext();
        String message = e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s*@\\[.*?]\\s*$", "");
        message = message.replaceAll("\\s+", " ").strip();
        String where = at != null ? name + " line " + at.line() : lineFrom(message, name);
        return where + ": " + message;
    }

    /** mustache.java puts {@code name:line} in some of its messages rather than in the context. */
    private static String lineFrom(String message, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(name) + ":(\\d+)")
                .matcher(message);
        return m.find() ? name + " line " + m.group(1) : name;
    }

    /** Iterates {@link Streamed} lists as they are read. */
    static class StreamingHandler extends ReflectionObjectHandler {
        @Override
        public Writer iterate(Iteration iteration, Writer writer, Object object, List<Object> scopes) {
            if (object instanceof Streamed<?> streamed) {
                Writer[] w = {writer};
                streamed.forEach(item -> w[0] = iteration.next(w[0], item, scopes));
                return w[0];
            }
            return super.iterate(iteration, writer, object, scopes);
        }

        @Override
        public Writer falsey(Iteration iteration, Writer writer, Object object, List<Object> scopes) {
            if (object instanceof Streamed<?> streamed) {
                return streamed.isEmpty() ? iteration.next(writer, object, scopes) : writer;
            }
            return super.falsey(iteration, writer, object, scopes);
        }
    }

    /** As {@link StreamingHandler}, refusing names the model does not have (used once, when checking). */
    static final class StrictHandler extends StreamingHandler {
        @Override
        public Binding createBinding(String name, TemplateContext tc, Code code) {
            Binding binding = super.createBinding(name, tc, code);
            return scopes -> {
                if (!name.equals(".") && find(name, scopes) instanceof MissingWrapper) {
                    throw new UnknownField("unknown field '" + name + "' (see docs/postmortem-template.md)", tc);
                }
                return binding.get(scopes);
            };
        }
    }

    /** A name the model does not have; mustache.java wraps it, {@link #describe} unwraps it. */
    private static final class UnknownField extends MustacheException {
        UnknownField(String message, TemplateContext tc) {
            super(message, tc);
        }
    }

    /** A template that cannot be used; its message is one line naming the file and the line. */
    public static final class TemplateException extends RuntimeException {
        public TemplateException(String message) {
            super(message);
        }
    }
}
