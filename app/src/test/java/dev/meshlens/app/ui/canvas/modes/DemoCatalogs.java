package dev.meshlens.app.ui.canvas.modes;

import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.service.StoreCatalogService;
import dev.meshlens.app.ui.task.TaskContext;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundled demo mesh (two snapshots, day 1 and day 2) in a real H2 store, imported once per test JVM: the mode
 * tests check the canvas answers against the engine on realistic data.
 */
public final class DemoCatalogs {
    /** The proposed orders schema of the demo, which breaks two fields of version 2. */
    public static final Path PROPOSED_V3 = Path.of("../resources/src/main/resources/dev/meshlens/demo/schemas/"
            + "proposed/sales.orders.placed-value.v3.avsc");

    private static StoreCatalogService service;
    private static List<Snapshot> snapshots;

    private DemoCatalogs() {
    }

    /** The catalog service holding the demo; do not close it. */
    public static synchronized StoreCatalogService service() {
        if (service == null) {
            try {
                Path dir = Files.createTempDirectory("meshlens-modes-demo");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                service = new StoreCatalogService(CatalogStore.open("jdbc:h2:file:" + dir.resolve("catalog")),
                        LineageOptions.defaults(), Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
                snapshots = service.importDemo(TaskContext.NONE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return service;
    }

    /** The demo's snapshots, oldest (day 1) first. */
    public static synchronized List<Snapshot> snapshots() {
        service();
        return snapshots;
    }

    /** Day 2, the newest snapshot. */
    public static LoadedCatalog current() {
        return service().load("demo", snapshots().get(snapshots().size() - 1).id());
    }

    /** Day 1. */
    public static LoadedCatalog previous() {
        return service().load("demo", snapshots().get(0).id());
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
