package io.incidentbot.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A standard Slack workspace export, as a folder or a {@code .zip} of it: {@code channels.json}
 * (and {@code groups.json} for private channels), {@code users.json}, and per channel a folder of day
 * files {@code <channel>/<YYYY-MM-DD>.json}, each a JSON list of messages. Every problem is reported as
 * a {@link CliException} naming the file and the problem, never quoting the file's content.
 *
 * <p>A hostile export is refused: reading stops past {@link ExportLimits} (uncompressed bytes read in
 * total, entries of a zip); a channel name must be a plain folder name; and every file read must lie
 * under the export's folder, also after following symbolic links.
 */
final class SlackExport implements Closeable {
    private final Path root;
    private final Path realRoot;
    private final FileSystem zip;
    private final ExportLimits limits;
    private final ExportJson.Budget budget;

    private SlackExport(Path root, FileSystem zip, ExportLimits limits) throws CliException {
        this.root = root.toAbsolutePath().normalize();
        this.zip = zip;
        this.limits = limits;
        this.budget = new ExportJson.Budget(limits);
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new CliException("cannot read the export's folder: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Opens an export within {@link ExportLimits#DEFAULT}.
     *
     * @param path an export folder, or a {@code .zip} file holding one (at its root or in one folder)
     * @throws CliException when the path is missing, not a folder or a readable zip, has no {@code channels.json},
     *                      or is a zip with more entries than the limit
     */
    static SlackExport open(Path path) throws CliException {
        return open(path, ExportLimits.DEFAULT);
    }

    /** As {@link #open(Path)}, within {@code limits}. */
    static SlackExport open(Path path, ExportLimits limits) throws CliException {
        if (!Files.exists(path)) {
            throw new CliException("no such file or folder: " + path);
        }
        if (Files.isDirectory(path)) {
            return new SlackExport(exportRoot(path, path), null, limits);
        }
        FileSystem fs;
        try {
            fs = FileSystems.newFileSystem(path, (ClassLoader) null);
        } catch (IOException | RuntimeException e) {
            throw new CliException(path + " is neither a folder nor a readable .zip file");
        }
        try {
            countEntries(fs, path, limits);
            return new SlackExport(exportRoot(fs.getPath("/"), path), fs, limits);
        } catch (CliException e) {
            close(fs);
            throw e;
        }
    }

    /**
     * Refuses a zip holding more than {@link ExportLimits#maxEntries} files and folders, or whose entries
     * declare more than {@link ExportLimits#maxBytes} uncompressed bytes together (refused at once, before
     * anything is inflated; a zip that declares less than it holds is stopped by counting while reading).
     */
    private static void countEntries(FileSystem fs, Path given, ExportLimits limits) throws CliException {
        try (Stream<Path> all = Files.walk(fs.getPath("/"))) {
            List<Path> entries = all.skip(1).limit(limits.maxEntries() + 1L).toList();
            if (entries.size() > limits.maxEntries()) {
                throw new CliException(given + " holds more than " + limits.maxEntries()
                        + " entries, the import's limit; nothing imported");
            }
            long declared = 0;
            for (Path e : entries) {
                declared += Files.isRegularFile(e) ? Math.max(0, Files.size(e)) : 0;
                if (declared > limits.maxBytes()) {
                    throw new CliException(ExportJson.Budget.tooLarge(limits));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CliException(given + " is neither a folder nor a readable .zip file");
        }
    }

    /** @return {@code dir}, or its only subfolder when the export was zipped inside a folder */
    private static Path exportRoot(Path dir, Path given) throws CliException {
        if (Files.isRegularFile(dir.resolve("channels.json"))) {
            return dir;
        }
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> folders = children.filter(Files::isDirectory)
                    .filter(p -> Files.isRegularFile(p.resolve("channels.json"))).toList();
            if (folders.size() == 1) {
                return folders.get(0);
            }
        } catch (IOException e) {
            throw new CliException("cannot read " + given + ": " + e.getMessage());
        }
        throw new CliException(given + " is not a Slack export: channels.json is missing");
    }

    /** @return the channels of {@code channels.json} and {@code groups.json}, in file order */
    List<ExportChannel> channels() throws CliException {
        List<ExportChannel> channels = new ArrayList<>();
        for (String file : List.of("channels.json", "groups.json")) {
            if (file.equals("channels.json") || Files.isRegularFile(inside(file))) {
                List<JsonNode> listed = list(file);
                for (int i = 0; i < listed.size(); i++) {
                    ExportChannel c = channel(listed.get(i), file.equals("groups.json"));
                    if (!plainName(c.name())) {
                        throw new CliException(file + ": channel " + (i + 1) + " in the list has a name that is not a"
                                + " plain folder name (empty, \".\", \"..\", or holding /, \\ or NUL)");
                    }
                    channels.add(c);
                }
            }
        }
        return channels;
    }

    /** @return true when {@code name} can only mean a folder directly under the export's folder */
    static boolean plainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
    }

    private static ExportChannel channel(JsonNode c, boolean group) {
        Set<String> pins = new HashSet<>();
        c.path("pins").forEach(p -> pins.add(p.path("id").asText()));
        return new ExportChannel(c.path("id").asText(), c.path("name").asText(), text(c, "creator"),
                c.path("topic").path("value").asText(""), c.path("purpose").path("value").asText(""), pins,
                group || c.path("is_private").asBoolean(false));
    }

    /** @return the users of {@code users.json} by ID */
    Map<String, ExportUser> users() throws CliException {
        Map<String, ExportUser> users = new LinkedHashMap<>();
        for (JsonNode u : list("users.json")) {
            String id = u.path("id").asText();
            JsonNode profile = u.path("profile");
            String name = firstNonBlank(text(profile, "display_name"), text(profile, "real_name"), text(u, "real_name"),
                    text(u, "name")).orElse(id);
            users.put(id, new ExportUser(id, name, u.path("is_bot").asBoolean(false) || id.equals("USLACKBOT")));
        }
        return users;
    }

    /**
     * @return the channel's day files ({@code YYYY-MM-DD.json}) in date order
     * @throws CliException when the export has no folder for the channel
     */
    List<String> dayFiles(ExportChannel channel) throws CliException {
        if (!plainName(channel.name())) {
            throw new CliException("a channel name that is not a plain folder name cannot be imported");
        }
        Path folder = inside(channel.name());
        if (!Files.isDirectory(folder)) {
            throw new CliException("the export has no folder " + channel.name() + "/ with the messages of #"
                    + channel.name());
        }
        List<String> names;
        try (Stream<Path> files = Files.list(folder)) {
            names = files.limit(limits.maxEntries() + 1L).map(p -> p.getFileName().toString()).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new CliException("cannot read " + channel.name() + "/: " + e.getClass().getSimpleName());
        }
        if (names.size() > limits.maxEntries()) {
            throw new CliException(channel.name() + "/ holds more than " + limits.maxEntries()
                    + " files, the import's limit; nothing imported");
        }
        return names.stream().filter(n -> n.matches("\\d{4}-\\d{2}-\\d{2}\\.json")).sorted()
                .map(n -> channel.name() + "/" + n).toList();
    }

    /**
     * @param file path inside the export, e.g. {@code channels.json}
     * @return the elements of the JSON list in that file (for the small files: channels and users)
     * @throws CliException as {@link #forEach}
     */
    List<JsonNode> list(String file) throws CliException {
        List<JsonNode> items = new ArrayList<>();
        forEach(file, items::add);
        return items;
    }

    /**
     * Reads the JSON list in a file one element at a time ({@link ExportJson#forEach}), so a day file of any
     * size needs memory for one message only.
     *
     * @param file path inside the export, e.g. {@code inc-42/2026-03-14.json}
     * @param sink receives each element of the list, in file order
     * @throws CliException when the file is missing, lies outside the export (by {@code ..} or a symbolic link),
     *                      is not one JSON list within the parser's limits, the export's total passes
     *                      {@link ExportLimits#maxBytes}, or {@code sink} refuses an element
     */
    void forEach(String file, ExportJson.Sink sink) throws CliException {
        Path p = inside(file);
        if (!Files.isRegularFile(p)) {
            throw new CliException("the export has no " + file);
        }
        try {
            Path real = p.toRealPath();
            if (!real.startsWith(realRoot)) {
                throw new CliException(file + " is a link to a file outside the export; refused");
            }
            ExportJson.forEach(budget.count(Files.newInputStream(real)), file, sink);
        } catch (ExportJson.TooLarge e) {
            throw new CliException(e.getMessage());
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }

    /**
     * @param file path relative to the export's folder
     * @return that path, refused when it leads out of the export's folder
     */
    private Path inside(String file) throws CliException {
        Path p = root.resolve(file).normalize();
        if (!p.startsWith(root)) {
            throw new CliException("a path that leads outside the export cannot be read");
        }
        return p;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Optional<String> firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return Optional.of(v.strip());
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        if (zip != null) {
            close(zip);
        }
    }

    private static void close(FileSystem fs) {
        try {
            fs.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }
}
