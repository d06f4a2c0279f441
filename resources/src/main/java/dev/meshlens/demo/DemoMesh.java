package dev.meshlens.demo;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * The bundled demo mesh: an online shop on one Kafka cluster, as the files a user would import (Kafka's own
 * CLI outputs, captured from a real broker seeded with {@code demo-mesh.json}, plus the catalog sheets and a
 * schema folder), in the order of the imports that make its snapshot history.
 */
public final class DemoMesh {
    /** The cluster name the demo's snapshots carry. */
    public static final String CLUSTER = "demo";
    private static final String ROOT = "/dev/meshlens/demo/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoMesh() {
    }

    /**
     * One import of the demo's history.
     *
     * @param name    what the snapshot shows, e.g. "yesterday"
     * @param daysAgo how many days before now the snapshot is dated
     * @param files   demo resources (relative paths) imported together
     * @param schemas a schema folder (relative path) imported with them, or null
     */
    public record DemoImport(String name, int daysAgo, List<String> files, String schemas) {
        public DemoImport {
            files = List.copyOf(files);
        }
    }

    private record Index(List<String> resources, List<DemoImport> imports) {
    }

    /** The imports that make the demo's history, oldest first. */
    public static List<DemoImport> imports() {
        return index().imports();
    }

    /** Every resource of the demo, as relative paths. */
    public static List<String> resources() {
        return index().resources();
    }

    /** The scenario that generated the demo's Kafka files; {@code meshlens demo-cluster} replays it. */
    public static InputStream scenario() {
        return open("demo-mesh.json");
    }

    /**
     * Copies every demo resource into {@code dir}, keeping relative paths, so importers can read them as files.
     *
     * @return {@code dir}
     */
    public static Path extractTo(Path dir) {
        try {
            for (String resource : resources()) {
                Path target = dir.resolve(resource);
                Files.createDirectories(target.getParent());
                try (InputStream in = open(resource)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the demo mesh to " + dir, e);
        }
    }

    private static Index index() {
        try (InputStream in = open("index.json")) {
            return JSON.readValue(in, Index.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo index is unreadable", e);
        }
    }

    private static InputStream open(String resource) {
        return Objects.requireNonNull(DemoMesh.class.getResourceAsStream(ROOT + resource),
                () -> "demo resource " + resource + " is missing from the build");
    }
}
