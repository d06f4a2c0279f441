package dev.meshlens.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;
import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a proposed schema against the registered versions of one subject, with the Confluent Schema
 * Registry's compatibility modes (see {@link CompatibilityMode}): BACKWARD reads old data with the new
 * schema (reader = new, writer = old), FORWARD reads new data with old schemas (reader = old, writer = new),
 * FULL both; {@code _TRANSITIVE} judges against every registered version, the others against the latest.
 *
 * <p><b>Avro</b> is judged with Avro's own {@link org.apache.avro.SchemaCompatibility}; each problem keeps
 * Avro's incompatibility type as its kind ({@code READER_FIELD_MISSING_DEFAULT_VALUE}, {@code TYPE_MISMATCH},
 * {@code MISSING_UNION_BRANCH}, {@code MISSING_ENUM_SYMBOLS}, {@code NAME_MISMATCH},
 * {@code FIXED_SIZE_MISMATCH}) and Avro's location turned into a field path.
 *
 * <p><b>JSON Schema</b> is judged structurally: every document the writer accepts must be accepted by the
 * reader. Following local {@code $ref}s, through {@code properties}, {@code items} and
 * {@code additionalProperties} schemas, it reports (kind when the new schema is the reader / when it is the
 * writer):
 * <ul>
 *   <li>{@code REQUIRED_PROPERTY_ADDED} / {@code REQUIRED_PROPERTY_REMOVED}: the reader requires a property
 *       the writer does not require;</li>
 *   <li>{@code PROPERTY_REMOVED} / {@code PROPERTY_ADDED}: the writer declares a property the reader does
 *       not, and the reader allows no additional properties;</li>
 *   <li>{@code TYPE_CHANGED} (no type in common), {@code TYPE_NARROWED} / {@code TYPE_WIDENED} (some writer
 *       types unreadable; {@code integer} counts as a {@code number});</li>
 *   <li>{@code ENUM_VALUES_REMOVED} / {@code ENUM_VALUES_ADDED}: {@code enum}/{@code const} values the
 *       writer may write and the reader rejects;</li>
 *   <li>{@code ADDITIONAL_PROPERTIES_CLOSED} / {@code ADDITIONAL_PROPERTIES_OPENED}: the reader sets
 *       {@code additionalProperties: false}, the writer does not;</li>
 *   <li>{@code RANGE_NARROWED} / {@code RANGE_WIDENED}: a tighter {@code max*}/{@code min*}/
 *       {@code maximum}/{@code minimum} bound; {@code PATTERN_ADDED} / {@code PATTERN_REMOVED}.</li>
 * </ul>
 * A property the reader adds while the writer's object stays open is taken as compatible: open writers are
 * assumed not to write properties they do not declare. Differences this check does not compare
 * ({@code oneOf}, {@code anyOf}, {@code allOf}, {@code not}, conditionals, {@code patternProperties}, a
 * changed {@code pattern}, tuple items, external {@code $ref}s) are reported as {@code NOT_JUDGED} and make
 * the result "cannot judge".
 *
 * <p><b>Protobuf</b> is not judged: the result says "cannot judge", never compatible. A proposed schema
 * whose type differs from a registered version's is incompatible with it ({@code SCHEMA_TYPE_CHANGED}).
 *
 * <p>The checker parses registered versions when first needed and keeps them; it is not thread-safe.
 */
public final class CompatibilityChecker {
    /** Names the proposed schema in parse errors; callers with a file validate it first with {@link SchemaTexts}. */
    public static final String PROPOSED_SOURCE = "proposed schema";
    static final String SCHEMA_TYPE_CHANGED = "SCHEMA_TYPE_CHANGED";

    private final List<SchemaVersion> registered;
    private final Map<Integer, Object> parsed = new HashMap<>();

    /**
     * @param registered the registered versions of one subject, in any order
     * @throws IllegalArgumentException when the versions belong to more than one subject or repeat a version
     */
    public CompatibilityChecker(List<SchemaVersion> registered) {
        this.registered = registered.stream().sorted(Comparator.comparingInt(SchemaVersion::version)).toList();
        if (this.registered.stream().map(SchemaVersion::subject).distinct().count() > 1) {
            throw new IllegalArgumentException("registered versions of several subjects: "
                    + this.registered.stream().map(SchemaVersion::subject).distinct().toList());
        }
        for (int i = 1; i < this.registered.size(); i++) {
            if (this.registered.get(i).version() == this.registered.get(i - 1).version()) {
                throw new IllegalArgumentException("version " + this.registered.get(i).version() + " of "
                        + this.registered.get(i).subject() + " is given twice");
            }
        }
    }

    /**
     * Judges under the subject's own level: the compatibility of its latest version, or the registry's
     * default (BACKWARD) when none is declared.
     *
     * @throws InputException naming the proposed schema, or the registered version, whose text does not parse
     */
    public CompatibilityResult check(String schemaType, String proposed) {
        String declared = registered.isEmpty() ? null : registered.get(registered.size() - 1).compatibility();
        CompatibilityMode mode = declared == null || declared.isBlank()
                ? CompatibilityMode.REGISTRY_DEFAULT : CompatibilityMode.parse(declared);
        return check(schemaType, proposed, mode);
    }

    /**
     * Judges under a mode named as the registry names it.
     *
     * @throws IllegalArgumentException listing the modes when {@code mode} is not one
     * @throws InputException           naming the schema whose text does not parse
     */
    public CompatibilityResult check(String schemaType, String proposed, String mode) {
        return check(schemaType, proposed, CompatibilityMode.parse(mode));
    }

    /**
     * Judges {@code proposed} (a schema text of {@code schemaType}: AVRO, JSON or PROTOBUF; null means AVRO).
     *
     * @throws InputException naming the proposed schema, or the registered version, whose text does not parse
     */
    public CompatibilityResult check(String schemaType, String proposed, CompatibilityMode mode) {
        SchemaType type = SchemaType.parse(schemaType);
        Object newSchema = parse(type, PROPOSED_SOURCE, proposed);
        if (mode == CompatibilityMode.NONE || registered.isEmpty()) {
            return new CompatibilityResult(mode.name(), true, true, List.of());
        }
        List<SchemaVersion> against = mode.isTransitive() ? registered
                : List.of(registered.get(registered.size() - 1));
        List<Incompatibility> problems = new ArrayList<>();
        for (SchemaVersion version : against) {
            SchemaType registeredType = SchemaType.parse(version.schemaType());
            if (registeredType != type) {
                problems.add(new Incompatibility(version.version(), "", SCHEMA_TYPE_CHANGED, "version "
                        + version.version() + " is " + registeredType + ", the new schema is " + type));
            } else if (type == SchemaType.PROTOBUF) {
                problems.add(new Incompatibility(version.version(), "", Finding.NOT_JUDGED, "Meshlens does not "
                        + "judge PROTOBUF compatibility; ask the Schema Registry (POST /compatibility/subjects/"
                        + version.subject() + "/versions/" + version.version() + ")"));
            } else {
                Object old = registeredSchema(version);
                if (mode.checksBackward()) {
                    report(version, judge(newSchema, old, true), true, problems);
                }
                if (mode.checksForward()) {
                    report(version, judge(old, newSchema, false), false, problems);
                }
            }
        }
        boolean judged = problems.stream().noneMatch(p -> p.kind().equals(Finding.NOT_JUDGED));
        return new CompatibilityResult(mode.name(), judged && problems.isEmpty(), judged, problems);
    }

    private static List<Finding> judge(Object reader, Object writer, boolean readerIsNew) {
        if (reader instanceof Schema avroReader) {
            return AvroCompatibility.judge(avroReader, (Schema) writer);
        }
        return JsonSchemaCompatibility.judge((JsonNode) reader, (JsonNode) writer, readerIsNew);
    }

    private static void report(SchemaVersion version, List<Finding> findings, boolean backward,
                               List<Incompatibility> problems) {
        for (Finding f : findings) {
            String direction = !f.judged() ? "not judged against version " + version.version()
                    : backward ? "the new schema cannot read data written with version " + version.version()
                    : "version " + version.version() + " cannot read data written with the new schema";
            String where = f.fieldPath().isEmpty() ? "" : " (field " + f.fieldPath() + ")";
            problems.add(new Incompatibility(version.version(), f.fieldPath(), f.kind(),
                    direction + where + ": " + f.detail()));
        }
    }

    private Object registeredSchema(SchemaVersion version) {
        return parsed.computeIfAbsent(version.version(), v -> parse(SchemaType.parse(version.schemaType()),
                SchemaTexts.sourceOf(version), version.schema()));
    }

    private static Object parse(SchemaType type, String source, String text) {
        if (text == null || text.isBlank()) {
            throw new InputException(source, 0, "the schema is empty");
        }
        return switch (type) {
            case AVRO -> SchemaTexts.parseAvro(source, text);
            case JSON -> SchemaTexts.parseJsonSchema(source, text);
            case PROTOBUF -> SchemaTexts.parseProtobuf(source, text);
        };
    }
}
