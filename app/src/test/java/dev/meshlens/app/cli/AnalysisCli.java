package dev.meshlens.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.importers.CatalogImporter;
import dev.meshlens.importers.file.ImportProgress;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real H2 catalog file in a test folder, filled through the importer from a mesh JSON document, and the
 * {@code meshlens} command line run against it.
 */
final class AnalysisCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path db;

    /** What one run of the command line printed and returned. */
    record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out, e);
            }
        }
    }

    private AnalysisCli(Path folder) {
        this.db = folder.resolve("catalog");
    }

    /** A catalog in {@code folder} holding one snapshot of cluster {@code default} imported from {@code mesh}. */
    static AnalysisCli withMesh(Path folder, MeshDoc mesh) throws IOException {
        Path file = Files.writeString(folder.resolve("mesh.json"), mesh.json());
        AnalysisCli cli = new AnalysisCli(folder);
        try (CatalogStore store = CatalogStore.open(CatalogLocation.resolve(cli.db.toString(), Map.of()))) {
            new CatalogImporter(store, ImportProgress.NONE).importPaths("default", List.of(file), Optional.empty(),
                    Instant.parse("2026-01-01T00:00:00Z"));
        }
        return cli;
    }

    /** Runs {@code meshlens --db CATALOG args...}. */
    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        int exit = MeshlensCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), Map.of())
                .execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /**
     * A mesh JSON document (importers FORMATS.md) built element by element; each key written covers its source,
     * keys never written leave their source unimported.
     */
    static final class MeshDoc {
        private final ObjectNode root = JSON.createObjectNode();

        MeshDoc topics(String... names) {
            ArrayNode topics = array("topics");
            for (String name : names) {
                topics.addObject().put("name", name).put("partitions", 1).put("replicationFactor", 1);
            }
            return this;
        }

        MeshDoc writes(String principal, String topic) {
            return acl("TOPIC", topic, principal, "WRITE");
        }

        MeshDoc reads(String principal, String topic) {
            return acl("TOPIC", topic, principal, "READ");
        }

        /** A LITERAL ALLOW binding from any host. */
        MeshDoc acl(String resourceType, String name, String principal, String operation) {
            array("acls").addObject().put("resourceType", resourceType).put("patternType", "LITERAL")
                    .put("resourceName", name).put("principal", principal).put("host", "*")
                    .put("operation", operation).put("permission", "ALLOW");
            return this;
        }

        MeshDoc product(String name, String topic, Integer tier, String lifecycle, String... tags) {
            ObjectNode product = array("products").addObject().put("name", name).put("topic", topic)
                    .put("slaTier", tier).put("lifecycle", lifecycle);
            ArrayNode tagArray = product.putArray("tags");
            for (String tag : tags) {
                tagArray.add(tag);
            }
            return this;
        }

        MeshDoc service(String principal, Integer tier, boolean production) {
            array("services").addObject().put("principal", principal).put("name", principal).put("owner", "team")
                    .put("tier", tier).put("production", production);
            return this;
        }

        /** A group of {@code principal} (literal GROUP READ ACL) with one partition of {@code topic}. */
        MeshDoc group(String groupId, String principal, String state, String topic, long committed, long end) {
            acl("GROUP", groupId, principal, "READ");
            ObjectNode group = array("groups").addObject().put("groupId", groupId).put("state", state);
            group.putArray("members");
            group.putArray("offsets").addObject().put("topic", topic).put("partition", 0)
                    .put("committedOffset", committed).put("endOffset", end);
            return this;
        }

        /** Covers {@code key}'s source even without elements. */
        MeshDoc cover(String key) {
            array(key);
            return this;
        }

        String json() {
            return root.toPrettyString();
        }

        private ArrayNode array(String key) {
            return root.has(key) ? (ArrayNode) root.get(key) : root.putArray(key);
        }
    }

    /** Parses {@code json}, written with single quotes for readability. */
    static JsonNode json(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
