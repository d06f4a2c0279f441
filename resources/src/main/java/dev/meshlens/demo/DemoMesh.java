package dev.meshlens.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    private static final String HOPS_FILE = "hops.json";
    private static final Duration NEWEST_HOP_AGE = Duration.ofMinutes(10);

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
     * Record hop times are moved so that the newest hop is ten minutes old, keeping the gaps between hops: the
     * demo's snapshots are dated when it is loaded, and its freshness then reads like a live mesh's.
     *
     * @return {@code dir}
     */
    public static Path extractTo(Path dir) {
        return extractTo(dir, Instant.now());
    }

    /**
     * Like {@link #extractTo(Path)}, with the newest record hop ten minutes before {@code now}.
     *
     * @return {@code dir}
     */
    public static Path extractTo(Path dir, Instant now) {
        try {
            for (String resource : resources()) {
                Path target = dir.resolve(resource);
                Files.createDirectories(target.getParent());
                try (InputStream in = open(resource)) {
                    if (resource.endsWith(HOPS_FILE)) {
                        writeShiftedHops(in, target, now.minus(NEWEST_HOP_AGE));
                    } else {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the demo mesh to " + dir, e);
        }
    }

    private static void writeShiftedHops(InputStream in, Path target, Instant newest) throws IOException {
        JsonNode log = JSON.readTree(in);
        List<ObjectNode> hops = new java.util.ArrayList<>();
        log.path("hops").forEach(hop -> hops.add((ObjectNode) hop));
        Instant recordedNewest = hops.stream().map(h -> Instant.parse(h.get("at").asText()))
                .max(Instant::compareTo).orElse(newest);
        Duration shift = Duration.between(recordedNewest, newest).truncatedTo(ChronoUnit.SECONDS);
        for (ObjectNode hop : hops) {
            hop.put("at", Instant.parse(hop.get("at").asText()).plus(shift).toString());
        }
        // one hop per line, as the bundled file has it, so that import errors name a useful line
        StringBuilder out = new StringBuilder("{\"cluster\":").append(JSON.writeValueAsString(log.get("cluster")))
                .append(",\"hops\":[\n");
        for (int i = 0; i < hops.size(); i++) {
            out.append(JSON.writeValueAsString(hops.get(i))).append(i + 1 < hops.size() ? ",\n" : "\n");
        }
        out.append("]}\n");
        Files.writeString(target, out);
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
