package io.incidentbot.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads the JSON files of a Slack export with Jackson, refusing content after the first JSON value
 * and anything past Jackson's {@link StreamReadConstraints}
 * (nesting depth, number and string length), and turns every parse error into one line that names the
 * file and the problem but never quotes the file's content.
 *
 * <p>A file that is a list is read one element at a time ({@link #forEach}): a day file of a busy
 * incident holds tens of thousands of messages (20,000 messages are about 20 MB of JSON, several times
 * that as one tree), and only the element being read is ever in memory as a tree.
 */
final class ExportJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportJson() {
    }

    /** Receives the elements of a JSON list one by one. */
    @FunctionalInterface
    interface Sink {
        /**
         * @param item one element of the list
         * @throws CliException to stop reading: the element is refused
         */
        void accept(JsonNode item) throws CliException;
    }

    /**
     * Streams the elements of a file that must hold one JSON list, each read as a tree on its own and
     * given to {@code sink} before the next is read. The whole file is still checked: an element that
     * is broken, or content after the list, is refused once reading reaches it, so elements before it
     * have been given to {@code sink} already (the import stores nothing until every file has been read).
     *
     * @param in   the file's bytes; closed
     * @param file the file's path inside the export, for the error message
     * @throws CliException when the file is empty or not a list ("expected a JSON list"), is not one JSON value
     *                      within Jackson's limits, or {@code sink} refuses an element
     * @throws IOException  when reading fails (including {@link TooLarge})
     */
    static void forEach(InputStream in, String file, Sink sink) throws CliException, IOException {
        try (in; JsonParser p = JSON.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new CliException(file + ": expected a JSON list");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw new CliException(file + ": broken JSON: the file ends too early");
                }
                JsonNode item = p.readValueAsTree();
                sink.accept(item == null ? NullNode.getInstance() : item);
            }
            if (p.nextToken() != null) {
                throw new CliException(file + ": content after the first JSON value" + where(p.getTokenLocation()));
            }
        } catch (TooLarge e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new CliException(file + ": " + problem(e));
        }
    }

    /** @return what is wrong, with no byte of the file in it */
    static String problem(JsonProcessingException e) {
        StreamReadConstraints limits = StreamReadConstraints.defaults();
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
            String what;
            if (m.contains("nesting depth")) {
                what = "JSON nested deeper than " + limits.getMaxNestingDepth() + " levels";
            } else if (m.contains("number")) {
                what = "a JSON number longer than " + limits.getMaxNumberLength() + " characters";
            } else if (m.contains("name")) {
                what = "a JSON field name longer than " + limits.getMaxNameLength() + " characters";
            } else if (m.contains("string")) {
                what = "a JSON string longer than " + limits.getMaxStringLength() + " characters";
            } else {
                what = "JSON larger than the parser allows";
            }
            return what + where(e.getLocation()) + " (the JSON parser's limit)";
        }
        if (e instanceof MismatchedInputException && String.valueOf(e.getOriginalMessage()).startsWith("Trailing")) {
            return "content after the first JSON value" + where(e.getLocation());
        }
        return "broken JSON" + where(e.getLocation()) + (e instanceof JsonEOFException ? ": the file ends too early" : "");
    }

    /** @return {@code " at line L, column C"}, or "" when Jackson gave no location */
    private static String where(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** Reading went past {@link ExportLimits#maxBytes}. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** Counts the bytes read from every file of one export against one budget. */
    static final class Budget {
        private final ExportLimits limits;
        private long read;

        Budget(ExportLimits limits) {
            this.limits = limits;
        }

        /** @return {@code in}, throwing {@link TooLarge} once the export's total passes the limit */
        InputStream count(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        add(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) {
                        add(n);
                    }
                    return n;
                }

                @Override
                public long skip(long n) throws IOException {
                    long skipped = super.skip(n);
                    add(skipped);
                    return skipped;
                }
            };
        }

        private void add(long n) throws TooLarge {
            read += n;
            if (read > limits.maxBytes()) {
                throw new TooLarge(tooLarge(limits));
            }
        }

        /** @return the one line that refuses an export past {@code limits}' bytes */
        static String tooLarge(ExportLimits limits) {
            return "the export holds more than " + limits.bytesText()
                    + " of uncompressed data, the import's limit; nothing imported";
        }
    }
}
