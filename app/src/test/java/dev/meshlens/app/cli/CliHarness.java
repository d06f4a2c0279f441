package dev.meshlens.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.importers.CatalogImporter;
import dev.meshlens.importers.file.ImportProgress;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real H2 catalog file in a test's temporary directory, filled through the importer, and the CLI run on it. */
final class CliHarness {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Path db;

    CliHarness(Path dir) {
        this.dir = dir;
        this.db = dir.resolve("catalog");
    }

    /** What one command line run printed and returned. */
    record Result(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out, e);
            }
        }
    }

    /** Writes {@code text} to a file of the temporary directory. */
    Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a mesh JSON document whose sections (acls, topics, groups, products, services, schemas, hops) hold
     * model records, as Jackson writes them.
     */
    Path document(String name, Map<String, ?> sections) {
        try {
            return write(name, JSON.copy().registerModule(new JavaTimeModule()).writeValueAsString(sections));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports files into {@code cluster} as one snapshot taken at {@code takenAt}. */
    Snapshot importFiles(String cluster, Instant takenAt, Path... files) {
        try (CatalogStore store = CatalogStore.open(CatalogLocation.resolve(db.toString(), Map.of()))) {
            return new CatalogImporter(store, ImportProgress.NONE).importPaths(cluster, List.of(files),
                    Optional.empty(), takenAt);
        }
    }

    /** Runs {@code meshlens --db <catalog> args...}. */
    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(Arrays.asList(args));
        int exit = MeshlensCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), Map.of())
                .execute(all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }
}
