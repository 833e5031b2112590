package io.incidentbot.pager.oncall;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.serialization.NodeReader;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import io.incidentbot.config.ConfigException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code INCIDENT_ONCALL_FILE}: YAML of rotations and one escalation policy, checked against the JSON Schema
 * {@code io/incidentbot/pager/oncall.schema.json} (draft 2020-12, networknt json-schema-validator, the YAML read
 * with token locations so a problem names its line). Checks the schema cannot express afterwards (time zones exist,
 * escalation steps name rotations that exist, rotation names are unique). Every problem is one
 * {@link ConfigException} line: {@code INCIDENT_ONCALL_FILE <file> line <n>: <problem>}.
 *
 * <pre>
 * rotations:
 *   - name: primary
 *     users: [U0123ABCD, U0456EFGH]
 *     handoff: "09:00"
 *     timezone: Europe/Berlin
 *     period: weekly          # or daily
 *     start: 2026-01-05       # the first user's first shift (optional, default 2026-01-05)
 * escalation:
 *   - rotation: primary
 *     minutes: 10
 *   - users: [U0789IJKL]
 *     minutes: 15
 * </pre>
 */
public final class OncallFile {
    /** The first shift's date when a rotation names none (a Monday). */
    public static final LocalDate DEFAULT_START = LocalDate.of(2026, 1, 5);
    private static final NodeReader READER = NodeReader.builder().locationAware().build();
    private static final Schema SCHEMA = schema();

    private OncallFile() {
    }

    /**
     * @param file the on-call file
     * @return the rotations and the policy
     * @throws ConfigException one line naming the file, the line and the problem
     */
    public static OncallPolicy read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("INCIDENT_ONCALL_FILE " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        return parse(file.toString(), text);
    }

    /**
     * @param name the file's name for messages
     * @param text its YAML
     * @throws ConfigException as {@link #read}
     */
    public static OncallPolicy parse(String name, String text) {
        JsonNode root;
        try {
            root = READER.readTree(text, InputFormat.YAML);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw problem(name, at == null ? 0 : at.getLineNr(), "not YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (RuntimeException e) {
            throw problem(name, 0, "not YAML");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw problem(name, 1, "the file is empty; it needs rotations and escalation");
        }
        List<Error> errors = SCHEMA.validate(root);
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            JsonNode at = first.getInstanceNode();
            String where = first.getInstanceLocation() == null ? "" : first.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
            throw problem(name, line(at, root), (where.isEmpty() ? "" : where + ": ") + first.getMessage().replaceFirst("^\\$[^:]*: ", ""));
        }
        List<Rotation> rotations = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode r : root.get("rotations")) {
            String rotation = r.get("name").asString();
            if (!names.add(rotation)) {
                throw problem(name, line(r.get("name"), root), "rotation name '" + rotation + "' is used twice");
            }
            ZoneId zone;
            try {
                zone = ZoneId.of(r.get("timezone").asString());
            } catch (DateTimeException e) {
                throw problem(name, line(r.get("timezone"), root), "timezone '" + r.get("timezone").asString()
                        + "' is not a time zone ID such as Europe/Berlin");
            }
            LocalDate start;
            try {
                start = r.has("start") ? LocalDate.parse(r.get("start").asString()) : DEFAULT_START;
            } catch (DateTimeException e) {
                throw problem(name, line(r.get("start"), root), "start '" + r.get("start").asString() + "' is not a date");
            }
            List<String> users = new ArrayList<>();
            r.get("users").forEach(u -> users.add(u.asString()));
            rotations.add(new Rotation(rotation, users, LocalTime.parse(r.get("handoff").asString()), zone,
                    "daily".equals(r.get("period").asString()) ? Rotation.Period.DAILY : Rotation.Period.WEEKLY, start));
        }
        List<OncallPolicy.Step> steps = new ArrayList<>();
        for (JsonNode s : root.get("escalation")) {
            String rotation = s.has("rotation") ? s.get("rotation").asString() : null;
            if (rotation != null && !names.contains(rotation)) {
                throw problem(name, line(s.get("rotation"), root), "escalation names rotation '" + rotation
                        + "', which the file does not define");
            }
            List<String> users = new ArrayList<>();
            if (s.has("users")) {
                s.get("users").forEach(u -> users.add(u.asString()));
            }
            steps.add(new OncallPolicy.Step(rotation, users, s.get("minutes").asInt()));
        }
        return new OncallPolicy(rotations, steps);
    }

    private static int line(JsonNode node, JsonNode root) {
        JsonNode n = node == null ? root : node;
        if (n instanceof TokenStreamLocationAware located && located.tokenStreamLocation() != null) {
            return located.tokenStreamLocation().getLineNr();
        }
        return 1;
    }

    private static ConfigException problem(String file, int line, String problem) {
        return new ConfigException("INCIDENT_ONCALL_FILE " + file + (line > 0 ? " line " + line : "") + ": "
                + problem.replaceAll("\\s+", " ").strip());
    }

    private static Schema schema() {
        try (InputStream in = OncallFile.class.getResourceAsStream("/io/incidentbot/pager/oncall.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("oncall.schema.json is missing from the jar");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
