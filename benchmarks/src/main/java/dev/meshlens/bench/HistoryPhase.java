package dev.meshlens.bench;

import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.synthetic.MeshSpec;
import dev.meshlens.synthetic.SyntheticMesh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A year of daily snapshots: the mesh imported on day 0, then once a day with about 1 % of its facts changed
 * ({@link Churn}), every import a full one, as a daily cron job would run it. Reports the store's size on disk
 * relative to one snapshot (as the store leaves its file, and after H2's {@code SHUTDOWN COMPACT} reclaims free
 * pages), and the time to open the lineage as of a day: find the snapshot, load the catalog, build the graph
 * and its index.
 */
final class HistoryPhase {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryPhase.class);

    private final MeshSpec spec;
    private final String size;
    private final Path work;
    private final long seed;
    private final int days;
    private final int openSamples;
    private final double rate;
    private final boolean compact;

    HistoryPhase(Args args) {
        this.spec = MeshSizes.spec(args.get("size"));
        this.size = MeshSizes.label(args.get("size"));
        this.work = Path.of(args.get("work"));
        this.seed = args.getLong("seed", 42);
        this.days = args.getInt("days", 365);
        this.openSamples = args.getInt("open-samples", 10);
        this.rate = Double.parseDouble(args.get("rate", "0.01"));
        this.compact = Boolean.parseBoolean(args.get("compact", "true"));
    }

    void run() throws IOException, SQLException {
        Stores.recreate(work);
        SyntheticMesh mesh = SyntheticMesh.generate(spec, seed);
        Churn churn = new Churn(seed, rate);
        Path file = Stores.file(work);
        Path dayZeroCopy = work.resolve("day0.mv.db");

        try (CatalogStore store = CatalogStore.open(Stores.url(work))) {
            Stores.importFacts(store, Stores.DAY_ZERO, "day 0", sink -> mesh.writeTo(churn.sink(sink)));
        }
        double oneSnapshotMb = Stores.sizeMb(file);
        if (compact) {
            Files.copy(file, dayZeroCopy, StandardCopyOption.REPLACE_EXISTING);
        }
        LOG.info("history {}: day 0 imported, {} MiB", size, Math.round(oneSnapshotMb));

        Samples imports = new Samples();
        long changed = 0;
        long started = System.nanoTime();
        try (CatalogStore store = CatalogStore.open(Stores.url(work))) {
            for (int d = 1; d < days; d++) {
                changed += churn.nextDay();
                Instant at = dayAt(d);
                Clock.time(imports, () -> Stores.importFacts(store, at, "day " + churn.day(),
                        sink -> mesh.writeTo(churn.sink(sink))));
                if (d % 10 == 0 || d == days - 1) {
                    long elapsed = System.nanoTime() - started;
                    LOG.info("history {}: day {} of {} imported, median {} ms per day, about {} min left", size, d,
                            days - 1, Math.round(imports.medianMs()),
                            Math.round(elapsed / (double) d * (days - 1 - d) / 60e9));
                }
            }
        }
        double allMb = Stores.sizeMb(file);

        Samples open = new Samples();
        Samples load = new Samples();
        Samples build = new Samples();
        try (CatalogStore store = CatalogStore.open(Stores.url(work))) {
            int samples = Math.min(openSamples, days);
            for (int k = 0; k < samples; k++) {
                int d = samples == 1 ? 0 : (int) ((long) (days - 1) * k / (samples - 1));
                Heap.settle();
                Instant asOf = dayAt(d).plus(Duration.ofHours(12));
                CatalogState[] state = new CatalogState[1];
                LineageGraph[] graph = new LineageGraph[1];
                long t0 = System.nanoTime();
                long c0 = Clock.cpu();
                Clock.time(load, () -> {
                    Snapshot snapshot = store.latestAtOrBefore(SyntheticMesh.CLUSTER, asOf).orElseThrow();
                    state[0] = store.state(SyntheticMesh.CLUSTER, snapshot.id());
                });
                Clock.time(build, () -> LineageGraph.build(state[0], LineageOptions.defaults()).index());
                open.add(System.nanoTime() - t0, Clock.cpu() - c0);
                LOG.info("history {}: lineage as of day {} opened in {} ms ({} ACLs)", size, d,
                        (System.nanoTime() - t0) / 1_000_000, state[0].content().acls().size());
            }
        }

        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("days", days);
        storage.put("churn_rate", rate);
        storage.put("mean_changed_facts_per_day", days > 1 ? changed / (double) (days - 1) : 0);
        storage.put("one_snapshot_disk_mb", oneSnapshotMb);
        storage.put("disk_mb", allMb);
        storage.put("ratio", allMb / oneSnapshotMb);
        if (compact) {
            double oneCompact = compactedMb(dayZeroCopy);
            double allCompact = compactedMb(file);
            storage.put("one_snapshot_compact_mb", oneCompact);
            storage.put("compact_disk_mb", allCompact);
            storage.put("compact_ratio", allCompact / oneCompact);
        }
        Report.emit(Result.of("history-storage", size, "engine", imports, storage));

        Map<String, Object> opening = new LinkedHashMap<>();
        opening.put("days", days);
        opening.put("load_ms", load.medianMs());
        opening.put("build_ms", build.medianMs());
        Report.emit(Result.of("history-open-as-of", size, "engine", open, opening));
    }

    private static Instant dayAt(int day) {
        return Stores.DAY_ZERO.plus(Duration.ofDays(day));
    }

    /** Compacts an H2 file in place ({@code SHUTDOWN COMPACT}) and returns its new size in MiB. */
    private static double compactedMb(Path mvFile) throws SQLException {
        String name = mvFile.toAbsolutePath().toString();
        String base = name.substring(0, name.length() - ".mv.db".length());
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base);
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        double mb = Stores.sizeMb(mvFile);
        LOG.info("compacted {} to {} MiB in {} ms", mvFile.getFileName(), Math.round(mb),
                (System.nanoTime() - t0) / 1_000_000);
        return mb;
    }
}
