package io.incidentbot.cli;

import java.io.PrintStream;
import java.util.Map;

/** Command-line tools. Placeholder until the postmortem branch lands. */
public final class Cli {
    private Cli() {
    }

    /** @return exit status */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        err.println("usage: incident-bot [postmortem <number> | import <export-dir-or-zip> --channel <name>]");
        return 2;
    }
}
