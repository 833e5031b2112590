package io.incidentbot.postmortem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares text with a checked-in golden file under {@code src/test/resources}. On a mismatch the
 * actual text is written to {@code target/golden/<name>} and the failure names the first differing
 * line and the {@code diff} command to see all of it. Run with {@code -Dgolden.update=true} to
 * overwrite the golden file instead (then review the change with {@code git diff}).
 */
final class Golden {
    private Golden() {
    }

    /** @param resource path under {@code src/test/resources}, e.g. {@code postmortem/incident-42-utc.md} */
    static void assertMatches(String actual, String resource) throws IOException {
        Path expectedFile = Path.of("src/test/resources", resource);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
        if (expected.equals(actual)) {
            return;
        }
        Path actualFile = Path.of("target/golden", resource);
        Files.createDirectories(actualFile.getParent());
        Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
        fail("draft differs from " + expectedFile + "\n" + firstDifference(expected, actual)
                + "\nwhole draft written to " + actualFile + "; see: diff -u " + expectedFile + " " + actualFile
                + "\n(if the change is intended, rerun with -Dgolden.update=true and review git diff)");
    }

    private static String firstDifference(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String el = i < e.size() ? e.get(i) : "<end of file>";
            String al = i < a.size() ? a.get(i) : "<end of file>";
            if (!el.equals(al)) {
                return "first difference at line " + (i + 1) + ":\n  expected: " + el + "\n  actual:   " + al;
            }
        }
        return "the texts differ only in line endings or a final newline";
    }
}
