package io.incidentbot.config;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Operations settings: where metrics are served, which address the ports listen on, and how the log is
 * written. Logback reads
 * {@code LOG_LEVEL} and {@code LOG_FORMAT} itself ({@code logback.xml}); they are checked here, at
 * start, because Logback would quietly take an unknown level as DEBUG and an unknown format as no log.
 *
 * @param metricsPort {@code METRICS_PORT} (default {@value #DEFAULT_METRICS_PORT}, 0 for a free one): the port of
 *                    {@code GET /metrics} and of {@code /readyz} with its details; never the public {@code PORT}
 * @param metricsBind {@code METRICS_BIND}: the address the metrics port listens on, default {@code 127.0.0.1}
 *                    (loopback: set {@code 0.0.0.0} in a container, where Prometheus scrapes from outside)
 * @param bindAddress {@code BIND_ADDRESS}: the address the public {@code PORT} listens on, default
 *                    {@code 0.0.0.0} (every interface); {@code 127.0.0.1} behind a reverse proxy on the same host
 * @param logLevel    {@code LOG_LEVEL}: {@code TRACE}, {@code DEBUG}, {@code INFO} (default), {@code WARN},
 *                    {@code ERROR} or {@code OFF}
 * @param logFormat   {@code LOG_FORMAT}: {@code text} (default, one line per event) or {@code json} (one JSON
 *                    object per line, logstash-logback-encoder: {@code @timestamp}, {@code message}, {@code level},
 *                    {@code logger_name}, MDC fields at the top level)
 */
public record OpsSettings(Integer metricsPort, String logLevel, String logFormat, String metricsBind,
                          String bindAddress) {
    /** The metrics port when {@code METRICS_PORT} is not set. */
    public static final int DEFAULT_METRICS_PORT = 9090;
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile(
            "[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*|localhost");
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
        String port = value(env, "METRICS_PORT", String.valueOf(DEFAULT_METRICS_PORT));
        Integer metricsPort;
        {
            try {
                metricsPort = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                metricsPort = -1;
            }
            if (metricsPort < 0 || metricsPort > 65535) {
                throw new ConfigException("METRICS_PORT must be a number from 0 to 65535, got '" + port + "'");
            }
        }
        return new OpsSettings(metricsPort, level, format, address(env, "METRICS_BIND", "127.0.0.1"),
                address(env, "BIND_ADDRESS", "0.0.0.0"));
    }

    private static String address(Map<String, String> env, String name, String fallback) {
        String v = value(env, name, fallback);
        if (!ADDRESS.matcher(v).matches()) {
            throw new ConfigException(name + " must be an IP address such as 127.0.0.1 or 0.0.0.0, got '" + v + "'");
        }
        return v;
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
