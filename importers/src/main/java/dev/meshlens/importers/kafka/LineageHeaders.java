package dev.meshlens.importers.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshlens.engine.model.RecordHop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the {@code lineage} headers of one record into hops: the record's own and those of the ancestors its
 * chain reveals.
 *
 * <p>Each service that processes a record appends one header per parent record, {@code {"service": "...", "at":
 * "ISO-8601", "parent": "topic-partition@offset"}}, after the headers of the first parent it continues (a source
 * record carries one header without parent). The headers therefore fall into hops: consecutive headers of one
 * service at one time are one hop, whose parents are their {@code parent} values. The last hop is the record's
 * own; every earlier hop belongs to the record that the next hop names first as its parent. Ancestors named only
 * as further parents of a join stay parent ids: their own headers are not in this record.
 */
final class LineageHeaders {
    /** The header name, as DESIGN.md defines it. */
    static final String HEADER = "lineage";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The hops of one record.
     *
     * @param hops      the record's own hop last, its ancestors' before it; empty when no header could be read
     * @param malformed headers that are not the JSON object above (skipped)
     */
    record Parsed(List<RecordHop> hops, int malformed) {
        Parsed {
            hops = List.copyOf(hops);
        }
    }

    /** One readable header. */
    private record Entry(String service, Instant at, String parent) {
        boolean sameHopAs(Entry other) {
            return Objects.equals(service, other.service) && Objects.equals(at, other.at) && other.parent != null
                    && parent != null;
        }
    }

    private LineageHeaders() {
    }

    /**
     * @param recordId the record's own id, {@code topic-partition@offset}
     * @param values   the values of its {@code lineage} headers, in header order
     */
    static Parsed parse(String recordId, List<byte[]> values) {
        List<Entry> entries = new ArrayList<>();
        int malformed = 0;
        for (byte[] value : values) {
            Entry entry = entry(value);
            if (entry == null) {
                malformed++;
            } else {
                entries.add(entry);
            }
        }
        List<List<Entry>> hops = new ArrayList<>();
        for (Entry entry : entries) {
            List<Entry> current = hops.isEmpty() ? null : hops.get(hops.size() - 1);
            if (current != null && entry.sameHopAs(current.get(current.size() - 1))) {
                current.add(entry);
            } else {
                List<Entry> hop = new ArrayList<>();
                hop.add(entry);
                hops.add(hop);
            }
        }
        List<RecordHop> result = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            List<Entry> hop = hops.get(i);
            String id = i == hops.size() - 1 ? recordId : hops.get(i + 1).get(0).parent();
            if (id == null) {
                // the next hop has no parent, so nothing tells which record this hop made: leave it out
                continue;
            }
            List<String> parents = hop.stream().map(Entry::parent).filter(Objects::nonNull).toList();
            result.add(new RecordHop(id, hop.get(0).service(), hop.get(0).at(), parents));
        }
        return new Parsed(result, malformed);
    }

    /** The header as an entry, or null when it is not a JSON object with a service. */
    private static Entry entry(byte[] value) {
        if (value == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(new String(value, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
        if (node == null || !node.isObject() || !node.path("service").isTextual()
                || node.path("service").asText().isBlank()) {
            return null;
        }
        Instant at = null;
        if (node.hasNonNull("at")) {
            at = instant(node.get("at").asText());
            if (at == null) {
                return null;
            }
        }
        JsonNode parent = node.get("parent");
        String parentId = parent == null || parent.isNull() || parent.asText().isBlank() ? null : parent.asText();
        return new Entry(node.get("service").asText(), at, parentId);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException e2) {
                return null;
            }
        }
    }
}
