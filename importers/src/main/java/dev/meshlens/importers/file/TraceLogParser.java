package dev.meshlens.importers.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.meshlens.engine.model.HopEvent;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.trace.RecordId;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an external trace log: JSON lines, one report per line, of what services did with records:
 * <pre>
 * {"service": "enricher", "event": "consumed", "record": "orders-0@41", "at": "2024-05-01T12:00:00Z"}
 * {"service": "enricher", "event": "emitted", "record": "enriched-0@7", "at": "2024-05-01T12:00:01Z",
 *  "parents": ["orders-0@41", "customers-2@9"]}
 * </pre>
 * (each report on one line). Covers {@link SourceKind#HOPS}. The mapping to {@link RecordHop}s:
 * <ul>
 *   <li>{@code emitted}, and {@code processed} with parents: the service wrote {@code record}, derived from
 *       {@code parents} (none for a source record): an emitted hop, as a {@code lineage} header gives it;</li>
 *   <li>{@code consumed}, and {@code processed} without parents: evidence that the service consumed
 *       {@code record}, a {@link HopEvent#CONSUMED} hop; a consumer that emits nothing from it shows as a
 *       silent consumer in traces. A {@code consumed} report naming parents is an error.</li>
 * </ul>
 * {@code service}, {@code event}, {@code record} and {@code at} (ISO-8601, with {@code Z} or an offset) are
 * required; {@code parents} is an array of record ids, and {@code parent} (one record id, as the header names
 * it) is accepted instead. Record ids are {@code topic-partition@offset}. Other keys are ignored, since logs
 * carry context of their own (hosts, trace ids). Blank lines are skipped. Stateless and thread-safe.
 */
public final class TraceLogParser implements MeshFileParser {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // a key given twice would silently lose one of its values
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();
    private static final String SHAPE = "{\"service\": ..., \"event\": \"consumed|processed|emitted\", "
            + "\"record\": \"topic-partition@offset\", \"at\": \"ISO-8601\", \"parents\": [...]}";

    /**
     * Whether {@code line} is a trace report: a JSON object with {@code event} and {@code record} keys. Used
     * to tell a trace log from a mesh JSON document, which also starts with <code>{</code>.
     */
    static boolean isTraceReport(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            return node != null && node.isObject() && node.has("event") && node.has("record");
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Errors name the line and the key, e.g.
     * {@code trace.jsonl:4: 'event' must be one of consumed, processed, emitted, got 'sent'}.
     */
    @Override
    public void parse(String fileName, Reader reader, MeshSink sink) throws IOException {
        BufferedReader lines = new BufferedReader(TextInput.skipBom(reader));
        long lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
                sink.hop(hop(new Line(fileName, lineNumber), line));
            }
        }
        sink.cover(SourceKind.HOPS);
    }

    /** Where a report is, for error messages. */
    private record Line(String fileName, long number) {
        InputException error(String message) {
            return new InputException(fileName, number, message);
        }
    }

    private static RecordHop hop(Line line, String text) {
        JsonNode report;
        try {
            report = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw line.error("malformed JSON: " + e.getOriginalMessage() + "; each line is one report " + SHAPE);
        }
        if (report == null || !report.isObject()) {
            throw line.error("expected one JSON object per line " + SHAPE);
        }
        String service = requiredText(line, report, "service");
        String event = requiredText(line, report, "event").toLowerCase(Locale.ROOT);
        String record = recordId(line, requiredText(line, report, "record"), "record");
        Instant at = instant(line, requiredText(line, report, "at"));
        List<String> parents = parents(line, report);
        return switch (event) {
            case "emitted" -> new RecordHop(record, service, at, parents);
            case "processed" -> parents.isEmpty() ? new RecordHop(record, service, at, List.of(), HopEvent.CONSUMED)
                    : new RecordHop(record, service, at, parents);
            case "consumed" -> {
                if (!parents.isEmpty()) {
                    throw line.error("a consumed report names no parents: 'record' is the record consumed; report "
                            + "what the service derived from it as emitted, with it among the parents");
                }
                yield new RecordHop(record, service, at, List.of(), HopEvent.CONSUMED);
            }
            default -> throw line.error("'event' must be one of consumed, processed, emitted, got '"
                    + report.get("event").asText() + "'");
        };
    }

    private static String requiredText(Line line, JsonNode report, String key) {
        JsonNode value = report.get(key);
        if (value == null || value.isNull()) {
            throw line.error("missing '" + key + "'; each line is one report " + SHAPE);
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw line.error("'" + key + "' must be a non-empty string");
        }
        return value.asText().trim();
    }

    private static String recordId(Line line, String text, String key) {
        if (RecordId.tryParse(text).isEmpty()) {
            throw line.error("'" + key + "': '" + text + "' is not a record id topic-partition@offset, e.g. "
                    + "orders-0@42");
        }
        return text;
    }

    private static Instant instant(Line line, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw line.error("'at': '" + text + "' is not an ISO-8601 time such as 2024-05-01T12:00:00Z");
            }
        }
    }

    private static List<String> parents(Line line, JsonNode report) {
        JsonNode many = report.get("parents");
        JsonNode one = report.get("parent");
        boolean hasMany = many != null && !many.isNull();
        boolean hasOne = one != null && !one.isNull();
        if (hasMany && hasOne) {
            throw line.error("give either 'parents' or 'parent', not both");
        }
        List<String> parents = new ArrayList<>();
        if (hasOne) {
            if (!one.isTextual()) {
                throw line.error("'parent' must be a record id string");
            }
            parents.add(recordId(line, one.asText().trim(), "parent"));
        } else if (hasMany) {
            if (!many.isArray()) {
                throw line.error("'parents' must be an array of record ids");
            }
            for (JsonNode parent : many) {
                if (!parent.isTextual()) {
                    throw line.error("'parents' must be an array of record ids, found " + parent.getNodeType()
                            .name().toLowerCase(Locale.ROOT));
                }
                parents.add(recordId(line, parent.asText().trim(), "parents"));
            }
        }
        return parents;
    }
}
