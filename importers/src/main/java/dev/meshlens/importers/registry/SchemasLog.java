package dev.meshlens.importers.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.schema.CompatibilityMode;
import dev.meshlens.engine.schema.SchemaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Replays the records of a Schema Registry's {@code _schemas} topic, in the order they were written, into the
 * registry's state, as the registry's own store reader does. Keys and values are the registry's JSON:
 * <ul>
 *   <li>{@code {"keytype":"SCHEMA","subject":s,"version":v,"magic":1}} with a value
 *       {@code {"subject","version","id","schemaType","schema","references":[{"name","subject","version"}],
 *       "deleted"}}: registers version v; a later record for the same key replaces it; {@code "deleted":true} (a
 *       soft delete) or a tombstone (null value, a hard delete) removes it.</li>
 *   <li>{@code {"keytype":"CONFIG","subject":s}} with {@code {"compatibilityLevel":"FULL"}}: the subject's level;
 *       a null or absent subject is the global level; a tombstone or a value without a level removes it.</li>
 *   <li>{@code {"keytype":"DELETE_SUBJECT","subject":s}} with {@code {"subject":s,"version":v}}: soft-deletes
 *       versions 1 to v.</li>
 *   <li>{@code {"keytype":"CLEAR_SUBJECT","subject":s}} with {@code {"subject":s}}: forgets the soft-deleted
 *       versions of s (every subject when s is null, every subject of a context for {@code :.ctx:}); versions
 *       still registered stay, as in the registry.</li>
 *   <li>{@code NOOP}, {@code MODE}, {@code CONTEXT} and key types of newer registries change no schema and are
 *       skipped; so are tombstones of keys other than SCHEMA and CONFIG.</li>
 * </ul>
 * A record that cannot be understood is a failure of its subject (the subject's versions are then not trusted and
 * not returned), or, when not even its subject can be told, a warning. With all-or-nothing the first such record
 * throws instead. Not thread-safe.
 */
final class SchemasLog {
    private static final Logger LOG = LoggerFactory.getLogger(SchemasLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final boolean allOrNothing;
    /** Registered versions by subject, soft-deleted ones included (so CLEAR_SUBJECT has something to clear). */
    private final Map<String, TreeMap<Integer, Registered>> subjects = new TreeMap<>();
    private final Map<String, String> subjectLevels = new HashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private String globalLevel;
    private long applied;
    private long skipped;

    /**
     * @param topic        the topic's name, for messages
     * @param allOrNothing throw at the first record that cannot be understood
     */
    SchemasLog(String topic, boolean allOrNothing) {
        this.topic = topic;
        this.allOrNothing = allOrNothing;
    }

    /**
     * Applies one record.
     *
     * @param partition the record's partition, for messages
     * @param offset    the record's offset, for messages
     * @param key       the record's key bytes, or null
     * @param value     the record's value bytes, or null for a tombstone
     * @throws InputException at {@code topic-partition@offset} when all-or-nothing and the record cannot be
     *                        understood
     */
    void apply(int partition, long offset, byte[] key, byte[] value) {
        String position = topic + "-" + partition + "@" + offset;
        JsonNode keyJson;
        try {
            keyJson = parse(key);
        } catch (BadRecord bad) {
            problem(null, position, "the key is " + bad.getMessage());
            return;
        }
        if (keyJson == null || !keyJson.isObject() || !keyJson.path("keytype").isTextual()) {
            problem(null, position, key == null ? "the record has no key" : "the key is not the registry's JSON key "
                    + "{\"keytype\":...}");
            return;
        }
        String keyType = keyJson.get("keytype").textValue();
        String subject = text(keyJson.get("subject"));
        try {
            switch (keyType) {
                case "SCHEMA" -> schema(subject, keyJson, value);
                case "CONFIG" -> config(subject, value);
                case "DELETE_SUBJECT" -> deleteSubject(subject, value);
                case "CLEAR_SUBJECT" -> clearSubject(subject, value);
                default -> {
                    // NOOP marks the registry writes to find the log end; MODE and CONTEXT change no schema
                    skipped++;
                    LOG.debug("{}: {} record skipped", position, keyType);
                    return;
                }
            }
            applied++;
        } catch (BadRecord bad) {
            problem(subject, position, bad.getMessage());
        }
    }

    /**
     * The registered (not deleted) versions of every subject read without failure, by subject then version, each
     * with the compatibility level in force: the subject's own, else the global one, else null (not known from
     * the topic: the registry's configured default applies).
     */
    Map<String, List<SchemaVersion>> versions() {
        Map<String, List<SchemaVersion>> versions = new TreeMap<>();
        subjects.forEach((subject, registered) -> {
            if (failures.containsKey(subject)) {
                return;
            }
            String level = subjectLevels.getOrDefault(subject, globalLevel);
            List<SchemaVersion> live = registered.values().stream().filter(r -> !r.deleted())
                    .map(r -> withCompatibility(r.read(), level)).toList();
            if (!live.isEmpty()) {
                versions.put(subject, live);
            }
        });
        return versions;
    }

    /** Why each failed subject failed, in the order the failures were met. */
    Map<String, String> failures() {
        return failures;
    }

    /** Problems that belong to no subject. */
    List<String> warnings() {
        return warnings;
    }

    /** How many records changed (or could have changed) the state. */
    long applied() {
        return applied;
    }

    /** How many records were skipped as not about schemas (NOOP, MODE, ...). */
    long skipped() {
        return skipped;
    }

    private void schema(String subject, JsonNode key, byte[] value) {
        if (subject == null) {
            throw new BadRecord("a SCHEMA key needs a subject");
        }
        JsonNode versionNode = key.get("version");
        if (versionNode == null || !versionNode.isIntegralNumber() || versionNode.intValue() < 1) {
            throw new BadRecord("a SCHEMA key needs a version number");
        }
        int version = versionNode.intValue();
        if (value == null) {
            remove(subject, version); // a hard delete
            return;
        }
        JsonNode json = object(value);
        if (json.path("deleted").asBoolean(false)) {
            Registered earlier = registered(subject).get(version);
            registered(subject).put(version, new Registered(earlier == null ? null : earlier.read(), true));
            return;
        }
        JsonNode schema = json.get("schema");
        JsonNode id = json.get("id");
        if (schema == null || !schema.isTextual()) {
            throw new BadRecord("the value has no 'schema' text");
        }
        if (id == null || !id.isIntegralNumber() || !id.canConvertToInt()) {
            throw new BadRecord("the value has no numeric 'id'");
        }
        String type;
        try {
            type = SchemaType.parse(text(json.get("schemaType"))).name();
        } catch (IllegalArgumentException e) {
            throw new BadRecord(e.getMessage());
        }
        registered(subject).put(version, new Registered(new SchemaVersion(subject, version, id.intValue(), type,
                schema.textValue(), references(json), null), false));
    }

    private void config(String subject, byte[] value) {
        String level = null;
        if (value != null) {
            JsonNode json = object(value);
            String text = text(json.has("compatibilityLevel") ? json.get("compatibilityLevel")
                    : json.get("compatibility"));
            if (text != null) {
                try {
                    level = CompatibilityMode.parse(text).name();
                } catch (IllegalArgumentException e) {
                    throw new BadRecord(e.getMessage());
                }
            }
        }
        if (subject == null) {
            globalLevel = level;
        } else if (level == null) {
            subjectLevels.remove(subject);
        } else {
            subjectLevels.put(subject, level);
        }
    }

    private void deleteSubject(String subject, byte[] value) {
        if (value == null) {
            return; // the registry ignores tombstones of these keys
        }
        JsonNode json = object(value);
        String target = subject != null ? subject : text(json.get("subject"));
        JsonNode upTo = json.get("version");
        if (target == null || upTo == null || !upTo.isIntegralNumber()) {
            throw new BadRecord("a DELETE_SUBJECT record needs a subject and the version deleted up to");
        }
        TreeMap<Integer, Registered> registered = subjects.get(target);
        if (registered != null) {
            registered.headMap(upTo.intValue(), true).replaceAll((v, r) -> new Registered(r.read(), true));
        }
    }

    private void clearSubject(String subject, byte[] value) {
        if (value == null) {
            return; // the registry ignores tombstones of these keys
        }
        JsonNode json = object(value);
        String target = subject != null ? subject : text(json.get("subject"));
        Predicate<String> matches = matcher(target);
        subjects.forEach((name, registered) -> {
            if (matches.test(name)) {
                registered.values().removeIf(Registered::deleted);
            }
        });
        subjects.values().removeIf(Map::isEmpty);
    }

    /** Null matches every subject; a context without a subject ({@code :.ctx:}) every subject in it. */
    private static Predicate<String> matcher(String target) {
        if (target == null) {
            return s -> true;
        }
        if (target.startsWith(":.") && target.endsWith(":") && target.length() > 3) {
            return s -> s.startsWith(target);
        }
        return target::equals;
    }

    private void remove(String subject, int version) {
        TreeMap<Integer, Registered> registered = subjects.get(subject);
        if (registered != null) {
            registered.remove(version);
            if (registered.isEmpty()) {
                subjects.remove(subject);
            }
        }
    }

    private TreeMap<Integer, Registered> registered(String subject) {
        return subjects.computeIfAbsent(subject, s -> new TreeMap<>());
    }

    private static List<String> references(JsonNode value) {
        JsonNode refs = value.get("references");
        if (refs == null || refs.isNull()) {
            return List.of();
        }
        if (!refs.isArray()) {
            throw new BadRecord("'references' must be an array");
        }
        List<String> references = new ArrayList<>();
        for (JsonNode ref : refs) {
            if (!ref.path("subject").isTextual() || !ref.path("version").isIntegralNumber()) {
                throw new BadRecord("a reference needs a 'subject' and a numeric 'version', found " + ref);
            }
            references.add(ref.get("subject").textValue() + ":" + ref.get("version").intValue());
        }
        return references;
    }

    private void problem(String subject, String position, String problem) {
        String reason = position + ": " + problem;
        if (allOrNothing) {
            throw new InputException(position, 0, (subject == null ? "" : "subject '" + subject + "': ") + problem
                    + " (all-or-nothing: nothing imported)");
        }
        if (subject == null) {
            warnings.add(reason + "; record skipped");
            LOG.warn("{}; record skipped", reason);
        } else {
            failures.putIfAbsent(subject, reason);
        }
    }

    private static SchemaVersion withCompatibility(SchemaVersion read, String level) {
        return new SchemaVersion(read.subject(), read.version(), read.id(), read.schemaType(), read.schema(),
                read.references(), level);
    }

    private static JsonNode object(byte[] value) {
        JsonNode json;
        try {
            json = parse(value);
        } catch (BadRecord bad) {
            throw new BadRecord("the value is " + bad.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new BadRecord("the value is not a JSON object");
        }
        return json;
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(bytes);
            return json == null || json.isMissingNode() ? null : json;
        } catch (JsonProcessingException e) {
            throw new BadRecord("not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new BadRecord("unreadable: " + e.getMessage());
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /**
     * A version as read from the topic, its compatibility still unresolved; when soft-deleted, {@code read} may be
     * null (a delete of a version never seen).
     */
    private record Registered(SchemaVersion read, boolean deleted) {
    }

    /** A record that cannot be understood; its message says why. */
    private static final class BadRecord extends RuntimeException {
        BadRecord(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public String toString() {
        return "SchemasLog[" + topic + ", " + subjects.size() + " subjects, " + applied + " records applied, "
                + failures.size() + " subjects failed]";
    }
}
