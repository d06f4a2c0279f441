package dev.meshlens.importers.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshlens.engine.model.RecordHop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the {@code lineage} header chains of sampled records into {@link RecordHop}s, one per record.
 *
 * <p>A record's headers are the headers of the record it continues (its first parent) followed by its own: one
 * header per parent, all with the same service and time, or a single header without parent for a source
 * record. Reading a chain from its end therefore yields this record's hop, then the hop of its first parent
 * (whose record id is the {@code parent} of the first header after it), and so on back to the source. A header
 * run belongs to one hop when consecutive headers share service and time.
 *
 * <p>Every record seen adds its own hop and its ancestors'; an ancestor is usually also sampled itself, so
 * every hop is told several times, and any disagreement means the chains are not what the writer meant: it is
 * reported rather than silently resolved.
 */
public final class LineageHeaderChains {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, RecordHop> hops = new HashMap<>();

    /**
     * One {@code lineage} header as DESIGN.md defines it.
     *
     * @param parent the record id ({@code topic-partition@offset}) this hop read, or null for a source record
     */
    public record LineageHeader(String service, Instant at, String parent) {
        /** @throws NullPointerException when {@code service} or {@code at} is null */
        public LineageHeader {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(at, "at");
        }

        /**
         * Parses a header value, JSON {@code {"service": "...", "at": "ISO-8601", "parent": "..."}}.
         *
         * @throws IllegalArgumentException when the value is not such an object
         */
        public static LineageHeader parse(String value) {
            JsonNode node;
            try {
                node = JSON.readTree(value);
            } catch (IOException e) {
                throw new IllegalArgumentException("lineage header is not JSON: " + value, e);
            }
            JsonNode service = node == null ? null : node.get("service");
            JsonNode at = node == null ? null : node.get("at");
            if (service == null || !service.isTextual() || at == null || !at.isTextual()) {
                throw new IllegalArgumentException("lineage header needs text fields service and at: " + value);
            }
            JsonNode parent = node.get("parent");
            return new LineageHeader(service.asText(), Instant.parse(at.asText()),
                    parent == null || parent.isNull() ? null : parent.asText());
        }

        private boolean sameHopAs(LineageHeader other) {
            return service.equals(other.service) && at.equals(other.at);
        }
    }

    /**
     * Adds the hops told by one record's headers: its own (none when it has no headers) and its ancestors'.
     *
     * @param recordId {@code topic-partition@offset} of the record
     * @param headers  its {@code lineage} headers, in the order the record carries them
     * @throws IllegalStateException when the chain is malformed (a source header in the middle, a hop mixing
     *                               source and derived headers) or tells a hop differently than an earlier one
     */
    public void add(String recordId, List<LineageHeader> headers) {
        requireRecordId(recordId);
        String id = recordId;
        int end = headers.size();
        while (end > 0) {
            LineageHeader last = headers.get(end - 1);
            int start = end - 1;
            while (start > 0 && headers.get(start - 1).sameHopAs(last)) {
                start--;
            }
            List<LineageHeader> run = headers.subList(start, end);
            long sources = run.stream().filter(h -> h.parent() == null).count();
            if (sources > 0 && (sources != 1 || run.size() != 1)) {
                throw new IllegalStateException(recordId + ": the hop of " + id + " mixes source and derived "
                        + "headers: " + run);
            }
            if (sources == 1 && start > 0) {
                throw new IllegalStateException(recordId + ": source header of " + id + " follows other headers");
            }
            put(new RecordHop(id, last.service(), last.at(), run.stream().map(LineageHeader::parent)
                    .filter(Objects::nonNull).toList()));
            if (start > 0) {
                id = run.get(0).parent();
                requireRecordId(id);
            }
            end = start;
        }
    }

    /** Every hop told so far, ordered by topic, partition and offset of its record. */
    public List<RecordHop> hops() {
        List<RecordHop> sorted = new ArrayList<>(hops.values());
        sorted.sort(Comparator.comparing((RecordHop h) -> topic(h.recordId()))
                .thenComparingInt(h -> partition(h.recordId()))
                .thenComparingLong(h -> offset(h.recordId())));
        return sorted;
    }

    private void put(RecordHop hop) {
        RecordHop earlier = hops.putIfAbsent(hop.recordId(), hop);
        if (earlier != null && !earlier.equals(hop)) {
            throw new IllegalStateException("header chains disagree about " + hop.recordId() + ": " + earlier
                    + " and " + hop);
        }
    }

    private static void requireRecordId(String id) {
        int at = id == null ? -1 : id.lastIndexOf('@');
        int dash = at < 0 ? -1 : id.lastIndexOf('-', at);
        if (dash <= 0 || !id.substring(dash + 1, at).matches("\\d+") || !id.substring(at + 1).matches("\\d+")) {
            throw new IllegalStateException("'" + id + "' is not a record id topic-partition@offset");
        }
    }

    private static String topic(String id) {
        return id.substring(0, id.lastIndexOf('-', id.lastIndexOf('@')));
    }

    private static int partition(String id) {
        int at = id.lastIndexOf('@');
        return Integer.parseInt(id.substring(id.lastIndexOf('-', at) + 1, at));
    }

    private static long offset(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('@') + 1));
    }

    /** Parses header values read from a record, for callers holding raw bytes. */
    static List<LineageHeader> parseAll(List<byte[]> values) {
        List<LineageHeader> parsed = new ArrayList<>(values.size());
        for (byte[] value : values) {
            parsed.add(LineageHeader.parse(new String(value, StandardCharsets.UTF_8)));
        }
        return parsed;
    }
}
