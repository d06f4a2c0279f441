package dev.meshlens.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Runs the real command line in-process against a catalog file, as a user's shell would. */
final class CliRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code meshlens --db CATALOG ARGS...}. */
    static CliRun meshlens(Path catalog, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db", catalog.toString()));
        all.addAll(List.of(args));
        int code = MeshlensCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), Map.of())
                .execute(all.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }

    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }

    /** Copies a classpath resource (e.g. a Kafka CLI fixture of the importers test-jar) into {@code dir}. */
    static Path resource(String name, Path dir) {
        try (InputStream in = Objects.requireNonNull(CliRun.class.getResourceAsStream("/" + name), name)) {
            Path target = dir.resolve(Path.of(name).getFileName().toString());
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
