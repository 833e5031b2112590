package io.incidentbot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
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
 * a {@link CliException} naming the file.
 */
final class SlackExport implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final FileSystem zip;

    private SlackExport(Path root, FileSystem zip) {
        this.root = root;
        this.zip = zip;
    }

    /**
     * @param path an export folder, or a {@code .zip} file holding one (at its root or in one folder)
     * @throws CliException when the path is missing, not a folder or a readable zip, or has no {@code channels.json}
     */
    static SlackExport open(Path path) throws CliException {
        if (!Files.exists(path)) {
            throw new CliException("no such file or folder: " + path);
        }
        if (Files.isDirectory(path)) {
            return new SlackExport(exportRoot(path, path), null);
        }
        FileSystem fs;
        try {
            fs = FileSystems.newFileSystem(path, (ClassLoader) null);
        } catch (IOException | RuntimeException e) {
            throw new CliException(path + " is neither a folder nor a readable .zip file");
        }
        try {
            return new SlackExport(exportRoot(fs.getPath("/"), path), fs);
        } catch (CliException e) {
            close(fs);
            throw e;
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
            if (file.equals("channels.json") || Files.isRegularFile(root.resolve(file))) {
                for (JsonNode c : list(file)) {
                    channels.add(channel(c, file.equals("groups.json")));
                }
            }
        }
        return channels;
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
        Path folder = root.resolve(channel.name());
        if (!Files.isDirectory(folder)) {
            throw new CliException("the export has no folder " + channel.name() + "/ with the messages of #"
                    + channel.name());
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4}-\\d{2}-\\d{2}\\.json"))
                    .sorted().map(n -> channel.name() + "/" + n).toList();
        } catch (IOException e) {
            throw new CliException("cannot read " + channel.name() + "/: " + e.getMessage());
        }
    }

    /**
     * @param file path inside the export, e.g. {@code channels.json}
     * @return the elements of the JSON list in that file
     * @throws CliException when the file is missing, is not JSON, or is not a list
     */
    List<JsonNode> list(String file) throws CliException {
        Path p = root.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new CliException("the export has no " + file);
        }
        JsonNode node;
        try (InputStream in = Files.newInputStream(p)) {
            node = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new CliException(file + ": broken JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
        if (node == null || !node.isArray()) {
            throw new CliException(file + ": expected a JSON list");
        }
        List<JsonNode> items = new ArrayList<>(node.size());
        node.forEach(items::add);
        return items;
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
