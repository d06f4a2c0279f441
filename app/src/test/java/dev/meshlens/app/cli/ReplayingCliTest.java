package dev.meshlens.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every lineage command compares the consumer groups with those of the previous snapshot that had groups. */
class ReplayingCliTest {
    private static final String ACLS = """
              "acls": [
                {"resourceType": "TOPIC", "patternType": "LITERAL", "resourceName": "orders",
                 "principal": "User:billing", "host": "*", "operation": "READ", "permission": "ALLOW"},
                {"resourceType": "GROUP", "patternType": "LITERAL", "resourceName": "billing-app",
                 "principal": "User:billing", "host": "*", "operation": "READ", "permission": "ALLOW"}
              ],
            """;

    @TempDir
    Path dir;

    private Cli cli;
    private String db;

    @BeforeEach
    void setUp() {
        cli = new Cli(Map.of(MeshlensCli.PROFILES_ENV, dir.resolve("profiles.json").toString()));
        db = dir.resolve("catalog").toString();
    }

    private void importGroups(String name, long committed, long end) throws Exception {
        Path file = Files.writeString(dir.resolve(name + ".json"), "{\n" + ACLS + """
                  "topics": [{"name": "orders", "partitions": 1, "replicationFactor": 1, "configs": {}}],
                  "groups": [{"groupId": "billing-app", "state": "STABLE", "offsets": [
                    {"topic": "orders", "partition": 0, "committedOffset": %d, "endOffset": %d}]}]
                }
                """.formatted(committed, end));
        Cli.Run run = cli.run("--db", db, "import", "--cluster", "shop", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private String consumerState(String... asOf) {
        String[] args = new String[5 + asOf.length];
        args[0] = "--db";
        args[1] = db;
        args[2] = "consumers";
        args[3] = "orders";
        args[4] = "--format=json";
        System.arraycopy(asOf, 0, args, 5, asOf.length);
        Cli.Run run = cli.run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode rows = run.json();
        assertThat(rows).hasSize(1);
        return rows.get(0).get("state").asText();
    }

    @Test
    void groupThatMovedForwardWhileFarBehindIsReplaying() throws Exception {
        importGroups("first", 10_000, 100_000);
        importGroups("second", 20_000, 100_500);

        assertThat(consumerState()).isEqualTo("replaying");
    }

    @Test
    void firstSnapshotHasNothingToCompareWith() throws Exception {
        importGroups("first", 10_000, 100_000);
        importGroups("second", 20_000, 100_500);

        assertThat(consumerState("--snapshot", "1")).isEqualTo("lagging");
    }

    @Test
    void importWithoutGroupsInBetweenIsSkippedWhenLookingBack() throws Exception {
        importGroups("first", 10_000, 100_000);
        Path aclsOnly = Files.writeString(dir.resolve("acls.json"), "{\n" + ACLS.strip().replaceAll(",$", "")
                + "\n}\n");
        assertThat(cli.run("--db", db, "import", "--cluster", "shop", aclsOnly.toString()).exitCode()).isZero();
        importGroups("third", 20_000, 100_500);

        assertThat(consumerState()).isEqualTo("replaying");
    }

    @Test
    void lineageEdgesCarryTheReplayingState() throws Exception {
        importGroups("first", 10_000, 100_000);
        importGroups("second", 20_000, 100_500);

        Cli.Run run = cli.run("--db", db, "lineage", "orders", "--downstream", "--format", "json");

        assertThat(run.json().get("edges").get(0).get("state").asText()).isEqualTo("replaying");
    }
}
