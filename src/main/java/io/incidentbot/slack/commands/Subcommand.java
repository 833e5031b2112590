package io.incidentbot.slack.commands;

import java.util.List;

/**
 * One subcommand of {@code /incident}. To add one, write a class implementing this and add it to
 * {@link Routes#standard}; the help text and the incident-channel check follow from these methods.
 */
public interface Subcommand {
    /** @return the word after {@code /incident}, lowercase, e.g. {@code status} */
    String name();

    /** @return other words that run it, e.g. {@code severity} for {@code sev}; shown in help */
    default List<String> aliases() {
        return List.of();
    }

    /** @return its lines in the help text, in order (most have one) */
    List<Usage> usage();

    /** @return true when it must run in an incident channel (checked before {@link #run}) */
    boolean channelScoped();

    /**
     * The incident the text names, for the {@code incident} log field while the command is handled
     * ({@code retry 12}); a channel-scoped command without one concerns its channel's incident.
     *
     * @param rest the text after the subcommand word, stripped
     * @return the incident number given, null when the text names none (the default)
     */
    default Long namedIncident(String rest) {
        return null;
    }

    /**
     * @return for {@code help}: lines the bot adds wherever it shows help, also after a mistyped subcommand and after a
     *         bare {@code /incident} (the process file's severity and role names), or null for none (the default)
     */
    default String helpNotes() {
        return null;
    }

    /**
     * Runs it; every change is committed before it returns, and it never calls Slack.
     *
     * @param in   the invocation
     * @param rest the text after the subcommand word, stripped (may be empty)
     * @return the ephemeral answer
     * @throws io.incidentbot.incident.IncidentException when the domain refuses (worded by ErrorMiddleware)
     */
    Reply run(Invocation in, String rest);

    /**
     * One line of help.
     *
     * @param syntax what to type after {@code /incident}, e.g. {@code note <text>}
     * @param what   what it does
     */
    record Usage(String syntax, String what) {
    }

    /**
     * One invocation of {@code /incident}.
     *
     * @param text        the text after {@code /incident}
     * @param userId      the invoking user's Slack ID
     * @param channelId   the channel it was run in
     * @param responseUrl the {@code response_url} for later messages, may be null
     */
    record Invocation(String text, String userId, String channelId, String responseUrl) {
    }

    /**
     * What the command asks of the Slack adapter.
     *
     * @param text      the ephemeral answer (Slack mrkdwn)
     * @param openModal     true when the declare modal should be opened with the trigger ID
     * @param modalSeverity the severity the modal starts with, null for the default
     * @param modal         another modal to open with the trigger ID ({@code views.open} after the ack), or null
     */
    record Reply(String text, boolean openModal, io.incidentbot.incident.Severity modalSeverity,
                 com.slack.api.model.view.View modal) {
        /** An answer that opens no modal other than, maybe, the declare modal. */
        public Reply(String text, boolean openModal, io.incidentbot.incident.Severity modalSeverity) {
            this(text, openModal, modalSeverity, null);
        }

        /** An answer without a preselected severity. */
        public Reply(String text, boolean openModal) {
            this(text, openModal, null);
        }

        /** @return an answer that opens {@code modal} */
        public static Reply open(com.slack.api.model.view.View modal) {
            return new Reply("", false, null, modal);
        }

        /** @return an answer that only says {@code text} */
        public static Reply say(String text) {
            return new Reply(text, false);
        }

        /** @return {@code Usage: `/incident <syntax>`} */
        public static Reply usage(String syntax) {
            return say("Usage: `/incident " + syntax + "`");
        }
    }
}
