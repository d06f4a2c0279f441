package dev.meshlens.app.cli;

import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogStore;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.List;

/** The {@code --cluster}, {@code --at} and {@code --snapshot} options: which catalog state a query reads. */
final class AsOfOptions {
    @Option(names = "--cluster", paramLabel = "NAME",
            description = "The cluster to read (needed only when the catalog holds several).")
    String cluster;

    @Option(names = "--at", paramLabel = "DATE",
            description = "Answer as of this date: the newest snapshot at or before it (2026-11-21, "
                    + "2026-11-21T10:00:00Z).")
    String at;

    @Option(names = "--snapshot", paramLabel = "ID", description = "Answer as of this snapshot id.")
    Long snapshot;

    /**
     * The catalog state the options choose: the latest by default.
     *
     * @throws CliException when the catalog is empty, the cluster is ambiguous or unknown, or no snapshot
     *                      matches
     */
    CatalogState resolve(CatalogStore store) {
        if (at != null && snapshot != null) {
            throw new CliException("--at and --snapshot cannot be used together");
        }
        String chosenCluster = chooseCluster(store);
        Snapshot bound;
        if (snapshot != null) {
            bound = store.snapshot(snapshot).orElseThrow(() -> new CliException("no snapshot " + snapshot
                    + " in " + store.location() + " (see 'meshlens snapshots')"));
        } else if (at != null) {
            Instant when = Dates.parseAsOf(at);
            bound = store.latestAtOrBefore(chosenCluster, when).orElseThrow(() -> new CliException(
                    "no snapshot of cluster " + chosenCluster + " at or before " + when));
        } else {
            bound = store.latest(chosenCluster).orElseThrow(() -> new CliException(
                    "no snapshot of cluster " + chosenCluster));
        }
        return store.state(chosenCluster, bound.id());
    }

    private String chooseCluster(CatalogStore store) {
        return chooseCluster(store, cluster, List.of());
    }

    /**
     * The cluster a query reads: the requested one; else the catalog's only one; else the single cluster that
     * {@code implied} names (e.g. the clusters of the snapshots a command was given by id).
     *
     * @throws CliException when the requested cluster is unknown, the catalog is empty, or the choice is ambiguous
     */
    static String chooseCluster(CatalogStore store, String requested, List<String> implied) {
        List<String> clusters = store.clusters();
        if (requested != null) {
            if (!clusters.contains(requested)) {
                throw new CliException("no cluster '" + requested + "' in the catalog; it holds " + clusters);
            }
            return requested;
        }
        if (clusters.isEmpty()) {
            throw new CliException("the catalog " + store.location()
                    + " is empty; import files first (meshlens import FILE...) or try 'meshlens demo'");
        }
        if (clusters.size() == 1) {
            return clusters.get(0);
        }
        List<String> distinct = implied.stream().distinct().toList();
        if (distinct.size() == 1) {
            return distinct.get(0);
        }
        throw new CliException("the catalog holds clusters " + clusters + "; choose one with --cluster");
    }
}
