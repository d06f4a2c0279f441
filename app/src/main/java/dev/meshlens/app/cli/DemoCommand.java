package dev.meshlens.app.cli;

import dev.meshlens.demo.DemoMesh;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.importers.CatalogImporter;
import dev.meshlens.importers.file.ImportProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code meshlens demo}: the bundled demo mesh in a fresh catalog, ready to explore. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = {
        "Load the bundled demo mesh (an online shop: 32 topics, 24 services, seven domains) into a fresh catalog, "
                + "as a history of two daily snapshots.",
        "Without --db the demo catalog is ~/.meshlens/demo; it is replaced each time.",
        "On a desktop session the window then opens on it (--no-window to skip)."})
public final class DemoCommand implements Callable<Integer> {
    /** Where the demo catalog lives unless {@code --db} names another. */
    public static final String DEMO_CATALOG = "~/.meshlens/demo";

    @Option(names = "--no-window", description = "Only load the demo; do not open the window afterwards.")
    boolean noWindow;

    @ParentCommand
    MeshlensCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", description = "table or json")
    OutputFormat format;

    @Override
    public Integer call() throws IOException {
        String url = root.db == null ? CatalogLocation.resolve(DEMO_CATALOG, java.util.Map.of()) : root.jdbcUrl();
        removeOldDemoCatalog(url);
        Path files = Files.createTempDirectory("meshlens-demo");
        List<Snapshot> snapshots = new ArrayList<>();
        try (CatalogStore store = root.openStore(url)) {
            if (!store.snapshots().isEmpty()) {
                throw new CliException("the catalog " + store.location() + " is not empty; the demo loads into a "
                        + "fresh catalog: choose another --db");
            }
            DemoMesh.extractTo(files);
            CatalogImporter importer = new CatalogImporter(store, ImportProgress.NONE);
            Instant now = Instant.now();
            for (DemoMesh.DemoImport demoImport : DemoMesh.imports()) {
                List<Path> paths = new ArrayList<>(demoImport.files().stream().map(files::resolve).toList());
                if (demoImport.schemas() != null) {
                    paths.add(files.resolve(demoImport.schemas()));
                }
                Instant takenAt = now.minus(Duration.ofDays(demoImport.daysAgo()));
                snapshots.add(importer.importPaths(DemoMesh.CLUSTER, paths, Optional.empty(), takenAt));
            }
            print(store.location(), snapshots);
        } finally {
            deleteTree(files);
        }
        return MeshlensCli.EXIT_OK;
    }

    private void print(String location, List<Snapshot> snapshots) {
        var out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(Json.write(java.util.Map.of("catalog", location,
                    "snapshots", snapshots.stream().map(SnapshotsCommand::toJson).toList())));
            return;
        }
        out.println("Demo mesh loaded into " + location + " as " + snapshots.size() + " snapshot(s).");
        String db = root.db == null ? " --db " + DEMO_CATALOG : " --db " + root.db;
        out.println("Open the window:    ./meshlens" + db);
        out.println("Or ask it directly: ./meshlens" + db + " lineage sales.orders.placed --downstream");
        out.println("                    ./meshlens" + db + " consumers payments.ledger.entries");
        out.println("                    ./meshlens" + db + " products --tag pii");
    }

    /**
     * Only the demo's own H2 file is removed; any other catalog must be empty already. A demo catalog that a
     * window (or another command) holds is left alone: opening it first fails with the catalog-in-use message
     * instead of deleting the file under the program that has it open.
     */
    private void removeOldDemoCatalog(String url) throws IOException {
        String demoUrl = CatalogLocation.resolve(DEMO_CATALOG, java.util.Map.of());
        if (!url.equals(demoUrl)) {
            return;
        }
        String base = url.substring("jdbc:h2:file:".length());
        if (Files.exists(Path.of(base + ".mv.db"))) {
            root.openStore(url).close();
        }
        Files.deleteIfExists(Path.of(base + ".mv.db"));
        Files.deleteIfExists(Path.of(base + ".trace.db"));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
