package dev.meshlens.app.cli;

import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.store.CatalogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Builds the lineage graph of a catalog state and resolves what the user named in it. */
public final class Lineage {
    private static final Logger LOG = LoggerFactory.getLogger(Lineage.class);

    private Lineage() {
    }

    /**
     * The lineage graph of {@code state}, judging consumers against the previous snapshot's groups too, so that a
     * consumer far behind and moving shows as replaying.
     */
    public static LineageGraph build(CatalogStore store, CatalogState state) {
        if (!state.has(SourceKind.ACLS)) {
            LOG.warn("no ACLs imported for cluster {}: producers are unknown and every consumer group shows as "
                    + "unauthorized", state.cluster());
        }
        LineageOptions options = LineageOptions.defaults();
        Optional<CatalogState> previous = previousGroups(store, state);
        if (previous.isPresent()) {
            options = options.withPrevious(previous.get());
        }
        return LineageGraph.build(state, options);
    }

    /**
     * The catalog as of the newest snapshot of the cluster before the one {@code state}'s groups come from that
     * also covered groups: what the consumer groups looked like one import earlier.
     *
     * @return empty when {@code state} has no groups or no earlier import covered them
     */
    static Optional<CatalogState> previousGroups(CatalogStore store, CatalogState state) {
        Snapshot groupsFrom = state.sourceSnapshots().get(SourceKind.GROUPS);
        if (groupsFrom == null) {
            return Optional.empty();
        }
        return store.snapshots().stream()
                .filter(s -> s.cluster().equals(state.cluster()) && s.id() < groupsFrom.id()
                        && s.sources().contains(SourceKind.GROUPS))
                .max(Comparator.comparingLong(Snapshot::id))
                .map(s -> store.state(state.cluster(), s.id()));
    }

    /**
     * The node named by {@code text}.
     *
     * @throws CliException naming up to five similar names when nothing matches
     */
    static LineageNode focus(LineageGraph graph, String text, CatalogState state) {
        return graph.findNode(text).orElseThrow(() -> new CliException("no product, service or group '" + text
                + "' in cluster " + state.cluster() + " as of snapshot " + state.asOf().id() + suggestions(graph, text)));
    }

    private static String suggestions(LineageGraph graph, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        var similar = Stream.concat(graph.products().stream(), graph.services().stream())
                .map(LineageNode::name)
                .filter(n -> n.toLowerCase(Locale.ROOT).contains(needle) || needle.contains(n.toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingInt(String::length))
                .limit(5)
                .toList();
        return similar.isEmpty() ? "" : "; did you mean " + String.join(", ", similar) + "?";
    }
}
