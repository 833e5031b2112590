package io.incidentbot;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this build, from the pom ({@code <version>}), written into
 * {@code io/incidentbot/version.properties} by Maven's resource filtering. Shown by
 * {@code incident-bot --version}, in {@code /healthz} and {@code /readyz}, and in the start-up log line.
 */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    /** @return e.g. {@code 0.2.0} or {@code 0.3.0-SNAPSHOT}; {@code unknown} when the file is missing or unfiltered */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/io/incidentbot/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").strip();
            return v.isEmpty() || v.contains("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
