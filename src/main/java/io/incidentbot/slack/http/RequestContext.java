package io.incidentbot.slack.http;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import io.incidentbot.ops.Metrics;
import io.incidentbot.ops.RequestTraces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * Bolt middleware, first after the error middleware: tells the HTTP front end's timing what kind of
 * request this is ({@code command}, {@code event}, {@code interaction}) and puts its request ID in the
 * {@code request_id} MDC field while Bolt handles it (the body may be read, and Bolt run, on another
 * thread than the one that received the request). Requests that arrive over Socket Mode have no HTTP
 * timing: this middleware counts and times them itself. At DEBUG it logs one line per request handled
 * (kind, status, time), with the MDC fields of the request.
 */
public final class RequestContext implements Middleware {
    private static final Logger log = LoggerFactory.getLogger(RequestContext.class);
    private final Metrics metrics;
    private final RequestTraces traces;

    /**
     * @param metrics where Socket Mode requests are counted
     * @param traces  the HTTP front end's timings in progress
     */
    public RequestContext(Metrics metrics, RequestTraces traces) {
        this.metrics = metrics;
        this.traces = traces;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        String kind = kind(req.getRequestType());
        String id = req.getHeaders() == null ? null : req.getHeaders().getFirstValue(RequestTraces.HEADER.toLowerCase(java.util.Locale.ROOT));
        boolean timedByHttp = traces.kind(id, kind);
        String previous = MDC.get("request_id");
        if (id != null) {
            MDC.put("request_id", id);
        }
        long start = System.nanoTime();
        int status = 500;
        try {
            Response r = chain.next(req);
            status = r == null || r.getStatusCode() == null ? 200 : r.getStatusCode();
            return r;
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (!timedByHttp) {
                metrics.request(kind, status, took);
            }
            log.debug("{} request answered {} in {} ms", kind, status, took.toMillis());
            if (previous == null) {
                MDC.remove("request_id");
            } else {
                MDC.put("request_id", previous);
            }
        }
    }

    /**
     * The same bookkeeping for Events API requests answered without Bolt: kind {@code event} for the HTTP
     * timing, {@code request_id} in the MDC, the DEBUG line.
     *
     * @param inner answers the events it takes
     * @return {@code inner} with this bookkeeping around each request it answers
     */
    public EventCallbacks around(EventCallbacks inner) {
        return (envelope, headers) -> {
            String id = EventCallbacks.header(headers, RequestTraces.HEADER);
            long start = System.nanoTime();
            if (id != null) {
                MDC.put("request_id", id);
            }
            try {
                OptionalInt status = inner.answer(envelope, headers);
                if (status.isPresent()) {
                    traces.kind(id, "event");
                    log.debug("event request answered {} in {} ms", status.getAsInt(),
                            Duration.ofNanos(System.nanoTime() - start).toMillis());
                }
                return status;
            } finally {
                MDC.remove("request_id");
            }
        };
    }

    static String kind(RequestType type) {
        if (type == null) {
            return Metrics.UNKNOWN;
        }
        return switch (type) {
            case Command -> "command";
            case Event, UrlVerification, SSLCheck -> "event";
            default -> "interaction";
        };
    }
}
