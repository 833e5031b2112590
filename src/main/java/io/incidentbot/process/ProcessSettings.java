package io.incidentbot.process;

import io.incidentbot.config.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads {@code INCIDENT_PROCESS_FILE}.
 *
 * @param file    the process file, or null when the variable is unset (the bot then behaves as without a process)
 * @param process that file as read and checked at start, or null
 */
public record ProcessSettings(Path file, Process process) {
    /** No process file. */
    public static final ProcessSettings NONE = new ProcessSettings(null, null);

    /**
     * @param env environment variables
     * @return the settings; the file is read and checked now
     * @throws ConfigException one line naming the variable (and the file's line and column) when the file is missing or wrong
     */
    public static ProcessSettings fromEnv(Map<String, String> env) {
        String v = env.get("INCIDENT_PROCESS_FILE");
        if (v == null || v.isBlank()) {
            return NONE;
        }
        Path file = Path.of(v.strip());
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("INCIDENT_PROCESS_FILE " + file + ": no such file");
        }
        return new ProcessSettings(file, ProcessFile.read(file));
    }

    /** @return true when a process file is configured */
    public boolean configured() {
        return process != null;
    }
}
