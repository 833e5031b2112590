package io.incidentbot.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's error pages replaced by one short plain-text line ({@code 400 bad request}): no HTML, no
 * message, no cause, no stack trace and no server version, for every error Jetty answers itself
 * (a request line or header it cannot parse, invalid UTF-8 in the URI, an unmapped path, a body over
 * the size limit, an exception escaping a handler).
 */
public final class PlainErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR_500;
        Object s = request.getAttribute(ERROR_STATUS);
        if (s instanceof Integer i && i >= 400) {
            status = i;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, line(status), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        return ByteBuffer.wrap(line(status).getBytes(StandardCharsets.UTF_8));
    }

    /** @return {@code "<status> <reason>\n"} with the standard reason phrase, e.g. {@code 413 payload too large} */
    static String line(int status) {
        String reason = HttpStatus.getMessage(status);
        return status + " " + (reason == null ? "error" : reason.toLowerCase(java.util.Locale.ROOT)) + "\n";
    }
}
