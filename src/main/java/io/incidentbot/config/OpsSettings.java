package io.incidentbot.config;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Operations settings: where metrics are served and how the log is written. Logback reads
 * {@code LOG_LEVEL} and {@code LOG_FORMAT} itself ({@code logback.xml}); they are checked here, at
 * start, because Logback would quietly take an unknown level as DEBUG and an unknown format as no log.
 *
 * @param metricsPort {@code METRICS_PORT}: serve {@code GET /metrics} on this port only; null to serve it
 *                    on {@code PORT}
 * @param logLevel    {@code LOG_LEVEL}: {@code TRACE}, {@code DEBUG}, {@code INFO} (default), {@code WARN},
 *                    {@code ERROR} or {@code OFF}
 * @param logFormat   {@code LOG_FORMAT}: {@code text} (default, one line per event) or {@code json} (one JSON
 *                    object per line, Logback's {@code JsonEncoder}, MDC fields under {@code mdc})
 */
public record OpsSettings(Integer metricsPort, String logLevel, String logFormat) {
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");
    private static final Set<String> FORMATS = Set.of("text", "json");

    /**
     * @param env environment variables
     * @return the settings
     * @throws ConfigException naming {@code METRICS_PORT}, {@code LOG_LEVEL} or {@code LOG_FORMAT} when malformed
     */
    public static OpsSettings fromEnv(Map<String, String> env) {
        String level = value(env, "LOG_LEVEL", "INFO").toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new ConfigException("LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got '"
                    + value(env, "LOG_LEVEL", "") + "'");
        }
        String format = value(env, "LOG_FORMAT", "text");
        if (!FORMATS.contains(format)) {
            throw new ConfigException("LOG_FORMAT must be text or json, got '" + value(env, "LOG_FORMAT", "") + "'");
        }
        String port = value(env, "METRICS_PORT", null);
        Integer metricsPort = null;
        if (port != null) {
            try {
                metricsPort = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                metricsPort = -1;
            }
            if (metricsPort < 0 || metricsPort > 65535) {
                throw new ConfigException("METRICS_PORT must be a number from 0 to 65535, got '" + port + "'");
            }
        }
        return new OpsSettings(metricsPort, level, format);
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
