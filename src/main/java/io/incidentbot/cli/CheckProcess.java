package io.incidentbot.cli;

import io.incidentbot.config.ConfigException;
import io.incidentbot.process.IncidentType;
import io.incidentbot.process.Process;
import io.incidentbot.process.ProcessFile;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code incident-bot check-process FILE}: checks a process file ({@code INCIDENT_PROCESS_FILE}, see
 * docs/process.md) the way the bot does at start, without starting it.
 */
final class CheckProcess {
    private CheckProcess() {
    }

    /**
     * @param args exactly one file name
     * @param out  receives one line summing the file up when it is good
     * @throws CliException the usage, or the file's one-line problem (file, line, column, problem)
     */
    static void run(List<String> args, PrintStream out) throws CliException {
        if (args.size() != 1 || args.get(0).isBlank()) {
            throw new CliException("usage: incident-bot check-process FILE");
        }
        Process process;
        try {
            process = ProcessFile.read(Path.of(args.get(0)));
        } catch (ConfigException e) {
            throw new CliException(e.getMessage());
        }
        List<IncidentType> types = process.types();
        out.println(args.get(0) + ": OK, " + types.size() + (types.size() == 1 ? " type (" : " types (")
                + types.stream().map(IncidentType::name).collect(Collectors.joining(", ")) + "), "
                + types.stream().mapToInt(t -> t.fields().size()).sum() + " custom fields, "
                + types.stream().mapToInt(t -> t.checklist().size()).sum() + " checklist items");
    }
}
