package io.incidentbot.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads the JSON files of a Slack export with Jackson, refusing content after the first JSON value
 * ({@link DeserializationFeature#FAIL_ON_TRAILING_TOKENS}) and Jackson's {@link StreamReadConstraints}
 * (nesting depth, number and string length), and turns every parse error into one line that names the
 * file and the problem but never quotes the file's content.
 */
final class ExportJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ExportJson() {
    }

    /**
     * @param in   the file's bytes; closed
     * @param file the file's path inside the export, for the error message
     * @return the file's one JSON value, null when the file is empty
     * @throws CliException when the file is not one JSON value within Jackson's limits
     * @throws IOException  when reading fails (including {@link TooLarge})
     */
    static JsonNode read(InputStream in, String file) throws CliException, IOException {
        try (in) {
            JsonNode node = JSON.readTree(in);
            return node == null || node.isMissingNode() ? null : node;
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
                throw new TooLarge("the export holds more than " + limits.bytesText()
                        + " of uncompressed data, the import's limit; nothing imported");
            }
        }
    }
}
