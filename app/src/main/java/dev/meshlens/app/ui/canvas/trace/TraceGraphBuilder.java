package dev.meshlens.app.ui.canvas.trace;

import dev.meshlens.app.ui.canvas.CanvasEdge;
import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.app.ui.canvas.CanvasNode;
import dev.meshlens.app.ui.canvas.Detail;
import dev.meshlens.app.ui.canvas.EdgeStyle;
import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.NodeKind;
import dev.meshlens.app.ui.canvas.modes.GraphAssembly;
import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.engine.trace.RecordTrace;
import dev.meshlens.engine.trace.TraceGap;
import dev.meshlens.engine.trace.TracedHop;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Draws a {@link RecordTrace} as a chain: one RECORD node per record ({@code record:<id>}), labelled with the
 * record, the service that emitted it and when; ancestors to the left (layer = minus their depth), descendants to
 * the right, DERIVED edges from parent to child between records of the trace. Gaps are drawn honestly, marked GAP:
 * a record without a hop of its own (no header) or derived from several parents (join) is a GAP node; a service
 * that read a record and emitted nothing from it is a GAP service node one column right of the record, linked by a
 * GAP edge; a parent link ignored to break a cycle is a GAP edge. Pure and thread-safe.
 */
public final class TraceGraphBuilder {
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern(
            "HH:mm:ss", java.util.Locale.ROOT);
    private final ZoneId zone;

    /** @param zone the zone hop times are written in */
    public TraceGraphBuilder(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The canvas id of a record. */
    public static String id(String record) {
        return "record:" + record;
    }

    /** The chain of {@code trace}. */
    public CanvasGraph build(RecordTrace trace) {
        Map<String, TracedHop> hops = new LinkedHashMap<>();
        Map<String, Integer> layers = new HashMap<>();
        // ancestors from the farthest, so the chain reads left to right in the order things happened
        List<TracedHop> ancestors = new ArrayList<>(trace.ancestors());
        java.util.Collections.reverse(ancestors);
        for (TracedHop hop : ancestors) {
            hops.put(hop.record(), hop);
            layers.put(hop.record(), -hop.depth());
        }
        hops.put(trace.record(), trace.hop());
        layers.put(trace.record(), 0);
        for (TracedHop hop : trace.descendants()) {
            hops.put(hop.record(), hop);
            layers.put(hop.record(), hop.depth());
        }
        Map<String, List<TraceGap>> gapsByRecord = new HashMap<>();
        trace.gaps().forEach(g -> gapsByRecord.computeIfAbsent(g.record(), r -> new ArrayList<>()).add(g));

        GraphAssembly graph = new GraphAssembly();
        for (TracedHop hop : hops.values()) {
            List<TraceGap> gaps = gapsByRecord.getOrDefault(hop.record(), List.of());
            boolean gap = gaps.stream().anyMatch(g -> g.kind() == TraceGap.Kind.NO_HEADER
                    || g.kind() == TraceGap.Kind.JOIN);
            List<Mark> marks = new ArrayList<>();
            if (hop.record().equals(trace.record())) {
                marks.add(Mark.FOCUS);
            }
            if (gap) {
                marks.add(Mark.GAP);
            }
            graph.add(new CanvasNode(id(hop.record()), NodeKind.RECORD, label(hop), null, layers.get(hop.record()),
                    null, null, GraphAssembly.marks(marks), details(hop, gaps)));
        }
        for (TracedHop hop : hops.values()) {
            for (String parent : hop.parents()) {
                if (hops.containsKey(parent)) {
                    graph.add(new CanvasEdge(id(parent), id(hop.record()), EdgeStyle.DERIVED, null,
                            GraphAssembly.marks(List.of()), List.of(new Detail("Derived",
                            hop.record() + " from " + parent))));
                }
            }
        }
        for (TraceGap gap : trace.gaps()) {
            if (gap.kind() == TraceGap.Kind.SILENT_CONSUMER) {
                addSilentConsumer(graph, gap, layers);
            } else if (gap.kind() == TraceGap.Kind.CYCLE) {
                for (String parent : gap.involved()) {
                    if (hops.containsKey(parent)) {
                        graph.replace(new CanvasEdge(id(parent), id(gap.record()), EdgeStyle.GAP, null,
                                GraphAssembly.marks(Mark.GAP), List.of(new Detail("Ignored link", gap.detail()))));
                    }
                }
            }
        }
        return graph.build("Trace of " + trace.record() + " · " + trace.ancestors().size() + " ancestors, "
                + trace.descendants().size() + " descendants, " + trace.gaps().size() + " gaps", id(trace.record()));
    }

    private static void addSilentConsumer(GraphAssembly graph, TraceGap gap, Map<String, Integer> layers) {
        String service = gap.involved().isEmpty() ? "unknown service" : gap.involved().get(0);
        String serviceId = "service:" + service;
        int layer = layers.getOrDefault(gap.record(), 0) + 1;
        CanvasNode existing = graph.node(serviceId);
        if (existing == null) {
            graph.add(new CanvasNode(serviceId, NodeKind.SERVICE, service, null, layer, null, null,
                    GraphAssembly.marks(Mark.GAP), List.of(new Detail("Principal", service),
                    new Detail("Gap", "silent consumer: read records of the trace and emitted nothing from them"))));
        } else if (existing.layer() < layer) {
            graph.replace(new CanvasNode(existing.id(), existing.kind(), existing.label(), existing.tier(), layer,
                    existing.domain(), existing.owner(), existing.marks(), existing.details()));
        }
        graph.add(new CanvasEdge(id(gap.record()), serviceId, EdgeStyle.GAP, null, GraphAssembly.marks(Mark.GAP),
                List.of(new Detail("Silent consumer", gap.detail()))));
    }

    /**
     * {@code order-enricher · 08:23:30 · sales.orders.enriched-0@0}: service and time first, since a canvas cuts long
     * labels at the end and they are what the chain is read for; the date and the full principal are in the details.
     */
    private String label(TracedHop hop) {
        if (!hop.hasHop()) {
            return "no lineage header · " + hop.record();
        }
        String time = hop.at() == null ? Formats.NONE : TIME.format(hop.at().atZone(zone));
        return shortName(hop.service()) + " · " + time + " · " + hop.record();
    }

    /** A principal without its type ({@code User:order-enricher} is {@code order-enricher}); other names as they are. */
    private static String shortName(String service) {
        if (service == null) {
            return Formats.NONE;
        }
        int colon = service.indexOf(':');
        return colon > 0 && colon < service.length() - 1 ? service.substring(colon + 1) : service;
    }

    private List<Detail> details(TracedHop hop, List<TraceGap> gaps) {
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("Record", hop.record()));
        details.add(new Detail("Service", hop.hasHop() ? Formats.orNone(hop.service()) : "unknown: no hop emitted it"));
        details.add(new Detail("At", Formats.dateTimeSeconds(hop.at(), zone)));
        details.add(new Detail("Parents", hop.parents().isEmpty() ? "none (a source record)"
                : String.join(", ", hop.parents())));
        for (TraceGap gap : gaps) {
            details.add(new Detail("Gap (" + gap.kind().label() + ")", gap.detail()));
        }
        return details;
    }
}
