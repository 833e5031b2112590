package io.incidentbot.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instructions of a Dockerfile, read line by line the way BuildKit does for the parts the
 * tests need: {@code #} comment lines are skipped, a trailing backslash continues the instruction
 * on the next line, and the first word is the instruction keyword.
 *
 * @param instructions every instruction in file order
 */
record DockerfileInstructions(List<Instruction> instructions) {

    /**
     * One instruction.
     *
     * @param keyword upper-case keyword, e.g. {@code FROM}
     * @param args    the rest of the instruction with continuation lines joined by one space
     * @param line    1-based line number where the instruction starts
     */
    record Instruction(String keyword, String args, int line) {
    }

    /**
     * Reads a Dockerfile.
     *
     * @param file path of the Dockerfile
     * @return its instructions
     * @throws IOException if the file cannot be read
     */
    static DockerfileInstructions read(Path file) throws IOException {
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("#") || (line.isEmpty() && current == null)) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            String part = continues ? line.substring(0, line.length() - 1).strip() : line;
            if (current == null) {
                current = new StringBuilder(part);
                start = i + 1;
            } else if (!part.isEmpty()) {
                current.append(' ').append(part);
            }
            if (!continues) {
                String text = current.toString();
                int space = text.indexOf(' ');
                out.add(new Instruction(
                        (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT),
                        space < 0 ? "" : text.substring(space + 1).strip(), start));
                current = null;
            }
        }
        return new DockerfileInstructions(out);
    }

    /** @return the instructions with this keyword (upper case), in file order */
    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** @return the instructions of the last build stage (from its {@code FROM} on) */
    DockerfileInstructions finalStage() {
        int last = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                last = i;
            }
        }
        return new DockerfileInstructions(instructions.subList(last, instructions.size()));
    }
}
