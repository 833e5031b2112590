package io.incidentbot.hooks;

/**
 * A webhook body that cannot be read: not JSON, nested too deep, or a field missing or of the wrong
 * type. The message is one line naming the field and what was expected (for example
 * {@code alerts[0].startsAt: expected an RFC 3339 time, got "yesterday"}), fit to be the body of a
 * 400 answer; it never carries a parser stack trace or the payload itself beyond the bad value.
 */
public class MalformedPayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line: the field and what was expected */
    public MalformedPayloadException(String message) {
        super(message, null, false, false);
    }
}
