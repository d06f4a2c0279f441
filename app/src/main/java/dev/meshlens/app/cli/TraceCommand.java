package dev.meshlens.app.cli;

import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.engine.trace.RecordId;
import dev.meshlens.engine.trace.RecordLineage;
import dev.meshlens.engine.trace.RecordTrace;
import dev.meshlens.engine.trace.TraceGap;
import dev.meshlens.engine.trace.TracedHop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code meshlens trace RECORD_ID}: where one record came from, what was derived from it, and the gaps. */
@Command(name = "trace", mixinStandardHelpOptions = true, description = {
        "Trace one record through the mesh from its lineage hops (record headers or an imported trace log): its "
                + "ancestors and descendants, each with the service that emitted it and when, and the gaps.",
        "Gaps:",
        "  no-header        a record named as a parent that has no hop of its own (its writer added no header)",
        "  join             a record derived from several parents (a join or an aggregation), listing them",
        "  silent-consumer  a service that reads the record's topic, or reported consuming it, but emitted "
                + "nothing derived from it",
        "  cycle            bad data: a parent link that would close a cycle, ignored",
        "JSON: {\"record\", \"hop\", \"ancestors\": [{\"record\", \"service\", \"at\", \"parents\", \"depth\"}], "
                + "\"descendants\": [...], \"gaps\": [{\"kind\", \"record\", \"detail\", \"involved\"}]}."})
final class TraceCommand implements Callable<Integer> {
    private static final int SUGGESTIONS = 5;

    @ParentCommand
    MeshlensCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    AsOfOptions asOf;

    @Parameters(paramLabel = "RECORD_ID", description = "The record, topic-partition@offset (e.g. orders-0@42).")
    String record;

    @Option(names = "--format", defaultValue = "table", description = "table or json")
    OutputFormat format;

    @Override
    public Integer call() {
        RecordId id = RecordId.tryParse(record).orElseThrow(() -> new CliException("record id '" + record
                + "' is not of the form topic-partition@offset, e.g. orders-0@42"));
        try (CatalogStore store = root.openStore()) {
            CatalogState state = asOf.resolve(store);
            if (state.content().hops().isEmpty()) {
                throw new CliException("no record hops in cluster " + state.cluster() + " as of snapshot "
                        + state.asOf().id() + (state.has(SourceKind.HOPS) ? "" : " (none imported)")
                        + "; import record headers or a trace log (meshlens import trace.jsonl)");
            }
            RecordLineage lineage = RecordLineage.of(state, Lineage.build(store, state));
            if (!lineage.contains(record)) {
                throw new CliException("no hop names record " + record + " in cluster " + state.cluster()
                        + " as of snapshot " + state.asOf().id() + suggestions(lineage, id));
            }
            RecordTrace trace = lineage.trace(record);
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                out.println(Json.write(toJson(trace)));
            } else {
                printTable(trace, out);
            }
            out.flush();
            return MeshlensCli.EXIT_OK;
        }
    }

    private static String suggestions(RecordLineage lineage, RecordId id) {
        List<String> nearest = lineage.nearest(id.toString(), SUGGESTIONS);
        if (nearest.isEmpty()) {
            return "; no record of topic " + id.topic() + " is known";
        }
        boolean samePartition = nearest.stream().map(RecordId::parse)
                .anyMatch(r -> r.topicPartition().equals(id.topicPartition()));
        return "; nearest known records of " + (samePartition ? id.topicPartition().toString() : "topic " + id.topic())
                + ": " + String.join(", ", nearest);
    }

    /** The stable JSON shape: record, its hop, ancestors and descendants with depth, gaps. */
    static Map<String, Object> toJson(RecordTrace trace) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("record", trace.record());
        json.put("hop", hop(trace.hop()));
        json.put("ancestors", trace.ancestors().stream().map(TraceCommand::hop).toList());
        json.put("descendants", trace.descendants().stream().map(TraceCommand::hop).toList());
        json.put("gaps", trace.gaps().stream().map(g -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("kind", g.kind().label());
            j.put("record", g.record());
            j.put("detail", g.detail());
            j.put("involved", g.involved());
            return j;
        }).toList());
        return json;
    }

    private static Map<String, Object> hop(TracedHop hop) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("record", hop.record());
        j.put("service", hop.service());
        j.put("at", hop.at() == null ? null : hop.at().toString());
        j.put("parents", hop.parents());
        j.put("depth", hop.depth());
        return j;
    }

    private static void printTable(RecordTrace trace, PrintWriter out) {
        TracedHop hop = trace.hop();
        out.println("Record:   " + trace.record());
        out.println("Emitted:  " + (hop.hasHop() ? "by " + orDash(hop.service()) + " at " + orDash(hop.at())
                : "no hop of its own"));
        out.println("Parents:  " + (hop.parents().isEmpty() ? "-" : String.join(", ", hop.parents())));
        section(out, "Ancestors:", trace.ancestors());
        section(out, "Descendants:", trace.descendants());
        out.println();
        out.println("Gaps:");
        if (trace.gaps().isEmpty()) {
            out.println("(none)");
        } else {
            Table table = new Table("KIND", "RECORD", "DETAIL");
            for (TraceGap gap : trace.gaps()) {
                table.row(gap.kind().label(), gap.record(), gap.detail());
            }
            table.print(out);
        }
    }

    private static void section(PrintWriter out, String title, List<TracedHop> hops) {
        out.println();
        out.println(title);
        if (hops.isEmpty()) {
            out.println("(none)");
            return;
        }
        Table table = new Table("DEPTH", "RECORD", "SERVICE", "AT", "PARENTS");
        for (TracedHop h : hops) {
            table.row(h.depth(), h.record(), h.service(), h.at(), h.parents().isEmpty() ? null
                    : String.join(",", h.parents()));
        }
        table.print(out);
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
