package dev.meshlens.bench;

import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.engine.store.ImportSession;
import dev.meshlens.synthetic.SyntheticMesh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Catalog stores of the benchmarks: embedded H2 files in the work directory. */
final class Stores {
    /** The date of the first snapshot of every benchmark store. */
    static final Instant DAY_ZERO = Instant.parse("2025-01-01T06:00:00Z");

    private Stores() {
    }

    /** The JDBC URL of the catalog at {@code directory}/catalog, as the app would open it. */
    static String url(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("catalog");
    }

    /** The H2 file of that catalog. */
    static Path file(Path directory) {
        return directory.toAbsolutePath().resolve("catalog.mv.db");
    }

    /** Deletes {@code directory} and everything in it, then creates it empty. */
    static void recreate(Path directory) {
        delete(directory);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    /** Deletes {@code directory} and everything in it, if it exists. */
    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    /** Imports facts written by {@code facts} as one snapshot of the synthetic cluster dated {@code at}. */
    static Snapshot importFacts(CatalogStore store, Instant at, String origin, Consumer<MeshSink> facts) {
        try (ImportSession session = store.beginImport(SyntheticMesh.CLUSTER, origin, at)) {
            facts.accept(session);
            return session.commit();
        }
    }

    /** The size of {@code file} in MiB. */
    static double sizeMb(Path file) {
        try {
            return Files.size(file) / (1024.0 * 1024.0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }
}
