package io.incidentbot.cli;

/**
 * Bad input on the command line: one sentence for standard error (after the command's name), exit
 * status 2, nothing changed.
 */
final class CliException extends Exception {
    CliException(String message) {
        super(message);
    }
}
