package io.incidentbot.process;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.serialization.NodeReader;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import io.incidentbot.config.ConfigException;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@code INCIDENT_PROCESS_FILE}: YAML checked against the JSON Schema {@code process.schema.json} shipped at
 * the root of the jar (draft 2020-12, networknt json-schema-validator; the YAML is read with token locations so a
 * problem names its line and column), then the checks a schema cannot express: a {@code default} type exists, type
 * names and field names are unique, a checklist condition names a field of its type and one of a select's options,
 * reminder intervals are at least 10 s. Every problem is one {@link ConfigException} line:
 * {@code INCIDENT_PROCESS_FILE <file> line <n> column <c>: <where>: <problem>}. The format is in docs/process.md.
 */
public final class ProcessFile {
    /** The schema's resource name in the jar (and its path under {@code src/main/resources}). */
    public static final String SCHEMA_RESOURCE = "/process.schema.json";
    private static final NodeReader READER = NodeReader.builder().locationAware().build();
    private static final Schema SCHEMA = schema();

    private ProcessFile() {
    }

    /**
     * @param file the process file
     * @return the process
     * @throws ConfigException one line naming the file, the line and column, and the problem
     */
    public static Process read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("INCIDENT_PROCESS_FILE " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        return parse(file.toString(), text);
    }

    /**
     * @param name the file's name for messages
     * @param text its YAML
     * @return the process
     * @throws ConfigException as {@link #read}
     */
    public static Process parse(String name, String text) {
        JsonNode root;
        try {
            root = READER.readTree(text, InputFormat.YAML);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new ConfigException(prefix(name, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr())
                    + "not YAML: " + oneLine(e.getOriginalMessage().lines().findFirst().orElse("")));
        } catch (RuntimeException e) {
            throw new ConfigException(prefix(name, 0, 0) + "not YAML");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigException(prefix(name, 1, 1) + "the file is empty; it needs types, one of them named default");
        }
        List<Error> errors = SCHEMA.validate(root);
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            String where = first.getInstanceLocation() == null ? "" : dotted(first.getInstanceLocation().toString());
            throw new Problems(name, root).at(first.getInstanceNode(), where,
                    first.getMessage().replaceFirst("^\\$[^:]*: ", ""));
        }
        return new Reader(new Problems(name, root)).process(root);
    }

    /** Where each problem is, and its one line. */
    private record Problems(String file, JsonNode root) {
        ConfigException at(JsonNode node, String where, String problem) {
            JsonNode n = node == null ? root : node;
            int line = 1;
            int column = 0;
            if (n instanceof TokenStreamLocationAware located && located.tokenStreamLocation() != null) {
                line = located.tokenStreamLocation().getLineNr();
                column = located.tokenStreamLocation().getColumnNr();
            }
            return new ConfigException(prefix(file, line, column) + (where.isEmpty() ? "" : where + ": ") + oneLine(problem));
        }
    }

    /** Turns a schema-valid tree into records, with the checks the schema cannot make. */
    private record Reader(Problems problems) {
        Process process(JsonNode root) {
            Map<Severity, Process.Naming> severities = namings(root.get("severities"), Severity::valueOf, Severity.class);
            Map<Role, Process.Naming> roles = namings(root.get("roles"), k -> Role.valueOf(k.toUpperCase(Locale.ROOT)), Role.class);
            List<IncidentType> types = new ArrayList<>();
            Set<String> names = new HashSet<>();
            JsonNode all = root.get("types");
            for (int i = 0; i < all.size(); i++) {
                JsonNode t = all.get(i);
                String typeName = t.get("name").asString();
                if (!names.add(typeName)) {
                    throw problems.at(t.get("name"), "types[" + i + "].name", "type name '" + typeName + "' is used twice");
                }
                types.add(type(t, "types[" + i + "]"));
            }
            if (!names.contains(IncidentType.DEFAULT)) {
                throw problems.at(all, "types", "there is no type named default (it applies when none is picked)");
            }
            return new Process(severities, roles, types);
        }

        <K extends Enum<K>> Map<K, Process.Naming> namings(JsonNode node, Function<String, K> key, Class<K> kind) {
            Map<K, Process.Naming> out = new EnumMap<>(kind);
            if (node != null) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    JsonNode v = e.getValue();
                    out.put(key.apply(e.getKey()), new Process.Naming(
                            v.has("name") ? v.get("name").asString() : e.getKey(), text(v, "description")));
                }
            }
            return out;
        }

        IncidentType type(JsonNode t, String where) {
            JsonNode invite = t.get("invite");
            List<CustomField> fields = new ArrayList<>();
            Set<String> fieldNames = new HashSet<>();
            JsonNode fs = t.get("fields");
            for (int i = 0; fs != null && i < fs.size(); i++) {
                JsonNode f = fs.get(i);
                String fieldName = f.get("name").asString();
                if (!fieldNames.add(fieldName)) {
                    throw problems.at(f.get("name"), where + ".fields[" + i + "].name", "field name '" + fieldName + "' is used twice");
                }
                boolean choice = f.get("type").asString().endsWith("select");
                if (!choice && f.has("options")) {
                    throw problems.at(f.get("options"), where + ".fields[" + i + "].options", "options are only for select and multi_select fields");
                }
                fields.add(new CustomField(fieldName, f.has("label") ? f.get("label").asString() : fieldName,
                        CustomField.Kind.valueOf(f.get("type").asString().toUpperCase(Locale.ROOT)), strings(f.get("options")),
                        f.has("required") && f.get("required").asBoolean(), severities(f.path("when").get("severity"))));
            }
            List<ChecklistItem> items = new ArrayList<>();
            JsonNode cs = t.get("checklists");
            for (int c = 0; cs != null && c < cs.size(); c++) {
                JsonNode list = cs.get(c);
                for (int i = 0; i < list.get("items").size(); i++) {
                    JsonNode item = list.get("items").get(i);
                    items.add(new ChecklistItem(list.get("name").asString(), item.get("title").asString(), text(item, "description"),
                            text(item, "runbook"), item.has("role") ? Role.valueOf(item.get("role").asString().toUpperCase(Locale.ROOT)) : null,
                            item.has("required") && item.get("required").asBoolean(),
                            condition(item.get("when"), fields, where + ".checklists[" + c + "].items[" + i + "].when")));
                }
            }
            return new IncidentType(t.get("name").asString(), text(t, "description"),
                    t.has("severity") ? Severity.valueOf(t.get("severity").asString()) : null,
                    strings(invite == null ? null : invite.get("users")), strings(invite == null ? null : invite.get("usergroups")),
                    text(t, "announce_channel"), reminders(t.get("reminders"), where + ".reminders"), fields, items,
                    text(t, "postmortem_template"));
        }

        ChecklistItem.Condition condition(JsonNode when, List<CustomField> fields, String where) {
            if (when == null) {
                return ChecklistItem.Condition.ALWAYS;
            }
            Status status = when.has("status") ? Status.valueOf(when.get("status").asString().toUpperCase(Locale.ROOT)) : null;
            Map<String, String> field = new LinkedHashMap<>();
            if (when.has("field")) {
                for (Map.Entry<String, JsonNode> e : when.get("field").properties()) {
                    CustomField f = fields.stream().filter(x -> x.name().equals(e.getKey())).findFirst()
                            .orElseThrow(() -> problems.at(when.get("field"), where + ".field",
                                    "names field '" + e.getKey() + "', which this type does not define"));
                    String value = e.getValue().asString();
                    if (!f.options().isEmpty() && !f.options().contains(value)) {
                        throw problems.at(e.getValue(), where + ".field." + e.getKey(),
                                "'" + value + "' is not one of the field's options " + f.options());
                    }
                    field.put(e.getKey(), value);
                }
            }
            return new ChecklistItem.Condition(severities(when.get("severity")), status, field);
        }

        TypeReminders.Intervals reminders(JsonNode node, String where) {
            if (node == null) {
                return null;
            }
            return new TypeReminders.Intervals(interval(node, "update", where), interval(node, "lead", where));
        }

        /** @return the interval, {@link TypeReminders.Intervals#OFF} for {@code off}, null when unset */
        Duration interval(JsonNode node, String key, String where) {
            if (!node.has(key)) {
                return null;
            }
            String v = node.get(key).asString();
            if (v.equals("off")) {
                return TypeReminders.Intervals.OFF;
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            Duration d = switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            if (d.compareTo(Duration.ofSeconds(10)) < 0) {
                throw problems.at(node.get(key), where + "." + key, "must be at least 10s (or off)");
            }
            return d;
        }
    }

    /** @return {@code types[0].fields[1]} for the JSON pointer {@code /types/0/fields/1} */
    private static String dotted(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.replaceFirst("^[$/]+", "").split("/")) {
            if (part.matches("\\d+")) {
                out.append('[').append(part).append(']');
            } else if (!part.isEmpty()) {
                out.append(out.isEmpty() ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return out.toString();
    }

    private static Set<Severity> severities(JsonNode node) {
        Set<Severity> out = new HashSet<>();
        if (node != null) {
            node.forEach(s -> out.add(Severity.valueOf(s.asString())));
        }
        return out;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null) {
            node.forEach(s -> out.add(s.asString()));
        }
        return out;
    }

    private static String text(JsonNode node, String key) {
        return node.has(key) ? node.get(key).asString() : null;
    }

    private static String prefix(String file, int line, int column) {
        return "INCIDENT_PROCESS_FILE " + file + (line > 0 ? " line " + line + (column > 0 ? " column " + column : "") : "") + ": ";
    }

    private static String oneLine(String problem) {
        return problem.replaceAll("\\s+", " ").strip();
    }

    private static Schema schema() {
        try (InputStream in = ProcessFile.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("process.schema.json is missing from the jar");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
