package io.incidentbot.cli;

/**
 * How much of a Slack export the import reads before it refuses it, so that a small hostile zip (a
 * "zip bomb") or folder cannot exhaust memory or disk.
 *
 * @param maxBytes   uncompressed bytes the import may read in total, counted as they are read (a zip
 *                   entry's declared size is never trusted)
 * @param maxEntries entries a zip may hold, and files a channel's folder may hold
 */
record ExportLimits(long maxBytes, int maxEntries) {
    /** 512 MiB read and 100,000 entries: far above a real incident channel's export. */
    static final ExportLimits DEFAULT = new ExportLimits(512L * 1024 * 1024, 100_000);

    ExportLimits {
        if (maxBytes <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("export limits must be positive");
        }
    }

    /** @return {@link #maxBytes} for a person, e.g. {@code "512 MiB"} or {@code "1000 bytes"} */
    String bytesText() {
        long mib = 1024L * 1024;
        return maxBytes % mib == 0 ? maxBytes / mib + " MiB" : maxBytes + " bytes";
    }
}
