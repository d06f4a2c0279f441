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
        List<String> clusters = store.clusters();
        if (cluster != null) {
            if (!clusters.contains(cluster)) {
                throw new CliException("no cluster '" + cluster + "' in the catalog; it holds " + clusters);
            }
            return cluster;
        }
        if (clusters.isEmpty()) {
            throw new CliException("the catalog " + store.location()
                    + " is empty; import files first (meshlens import FILE...) or try 'meshlens demo'");
        }
        if (clusters.size() > 1) {
            throw new CliException("the catalog holds clusters " + clusters + "; choose one with --cluster");
        }
        return clusters.get(0);
    }
}
