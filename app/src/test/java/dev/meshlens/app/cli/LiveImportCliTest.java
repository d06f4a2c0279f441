package dev.meshlens.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshlens.importers.testkit.FixtureMesh;
import dev.meshlens.localkafka.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code meshlens import --kafka} end to end against a real broker seeded with the fixture mesh. */
class LiveImportCliTest {
    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker kafka;
    private static Admin admin;
    private static AutoCloseable heldGroups;
    private static Path adminProperties;
    private static Cli cli;
    private static final List<Cli.Run> RUNS = new ArrayList<>();

    @BeforeAll
    static void startSeededBroker() {
        kafka = FixtureMesh.brokerWithUsers().dataDir(dir.resolve("broker")).start();
        admin = Admin.create(kafka.adminProperties());
        FixtureMesh.seed(kafka, admin);
        heldGroups = FixtureMesh.holdStableGroups(kafka, admin);
        adminProperties = kafka.writeClientProperties(dir.resolve("admin.properties"), EmbeddedKafkaBroker.ADMIN_USER);
        cli = new Cli(Map.of(MeshlensCli.PROFILES_ENV, dir.resolve("profiles.json").toString()));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (heldGroups != null) {
            heldGroups.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Cli.Run run(String... args) {
        Cli.Run run = cli.run(args);
        synchronized (RUNS) {
            RUNS.add(run);
        }
        return run;
    }

    private static String db(String name) {
        return dir.resolve(name + "/catalog").toString();
    }

    @Test
    void importOfAPropertiesFilePrintsTheSnapshotIdAndProgressOnStderr() {
        Cli.Run run = run("--db", db("file"), "import", "--kafka", adminProperties.toString(), "--cluster", "live");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().strip()).isEqualTo("1");
        assertThat(run.err()).contains("reading ACLs (Admin.describeAcls)", "acls: 24 ACL bindings",
                "topics: 8 topics (1 internal)", "groups: 5 consumer groups");
    }

    @Test
    void profileNamesTheClusterAndTheOriginIsTheBootstrapServers() {
        assertThat(run("profile", "add", "fixture", "--kafka", adminProperties.toString()).exitCode()).isZero();

        Cli.Run imported = run("--db", db("profile"), "import", "--kafka", "fixture");
        Cli.Run snapshots = run("--db", db("profile"), "snapshots", "--format", "json");

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        JsonNode snapshot = snapshots.json().get(0);
        assertThat(snapshot.get("cluster").asText()).isEqualTo("fixture");
        assertThat(snapshot.get("origin").asText()).isEqualTo("kafka:" + kafka.bootstrapServers());
        assertThat(snapshot.get("sources")).extracting(JsonNode::asText).containsExactly("acls", "topics", "groups");
    }

    @Test
    void filesAndTheClusterLandInOneSnapshot() throws Exception {
        Path catalog = Files.writeString(dir.resolve("catalog.csv"), """
                Name,Topic,Bootstrap URI,Owner,SLA,Quality,Schema URI,Description
                Orders,orders,,team-orders,Tier 1,gold,,All orders
                """);

        Cli.Run imported = run("--db", db("both"), "import", "--kafka", adminProperties.toString(), "--cluster",
                "live", catalog.toString());
        Cli.Run snapshots = run("--db", db("both"), "snapshots", "--format", "json");

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(snapshots.json()).hasSize(1);
        assertThat(snapshots.json().get(0).get("sources")).extracting(JsonNode::asText)
                .containsExactly("acls", "topics", "groups", "catalog");
        assertThat(snapshots.json().get(0).get("origin").asText())
                .isEqualTo("catalog.csv, kafka:" + kafka.bootstrapServers());
    }

    @Test
    void consumersOfALiveImportShowTheGroupsLagAndState() {
        run("--db", db("consumers"), "import", "--kafka", adminProperties.toString(), "--cluster", "live");

        Cli.Run run = run("--db", db("consumers"), "consumers", "orders", "--format", "json");

        JsonNode billing = StreamSupport.stream(run.json().spliterator(), false)
                .filter(r -> "billing-app".equals(r.path("group").asText())).findFirst().orElseThrow();
        assertThat(billing.get("principal").asText()).isEqualTo("User:billing-svc");
        assertThat(billing.get("lag").asLong()).isEqualTo(11);
        assertThat(billing.get("state").asText()).isEqualTo("lagging");
    }

    @Test
    void sampledTopicsAreReportedWithRecordsWithoutHeaders() {
        Cli.Run run = run("--db", db("sample"), "import", "--kafka", adminProperties.toString(), "--cluster", "live",
                "--sample", "payments", "--sample-records", "20");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("sampling payments (up to 20 records, 30 s)",
                "sample payments: 20 records from 3 partitions, 20 without lineage header, 0 hops");
    }

    @Test
    void principalWithoutClusterDescribeGetsOneLineNamingTheAclAndNoSnapshot() {
        Path analyst = kafka.writeClientProperties(dir.resolve("analyst.properties"), "analyst");

        Cli.Run run = run("--db", db("denied"), "import", "--kafka", analyst.toString(), "--cluster", "live");
        Cli.Run snapshots = run("--db", db("denied"), "snapshots", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(run.err().lines().filter(l -> l.startsWith("meshlens: ")).toList()).containsExactly(
                "meshlens: Admin.describeAcls: User:analyst needs DESCRIBE on CLUSTER kafka-cluster to list ACLs"
                        + " (describeAcls)");
        assertThat(snapshots.json()).isEmpty();
    }

    @Test
    void noPasswordInTheCatalogFileTheProfilesFileOrAnyOutput() throws Exception {
        // uncompressed, so that a grep of the file bytes can find any string the store wrote (the control below)
        String url = "jdbc:h2:file:" + db("secrets") + ";COMPRESS=FALSE";
        run("profile", "add", "secrets", "--kafka", adminProperties.toString());
        Cli.Run imported = run("--db", url, "import", "--kafka", "secrets", "--sample", "orders");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        run("--db", url, "snapshots", "--format", "json");
        run("--db", url, "lineage", "orders", "--downstream", "--format", "json");

        String catalogFile = new String(Files.readAllBytes(Path.of(db("secrets") + ".mv.db")),
                StandardCharsets.ISO_8859_1);
        String profiles = Files.readString(dir.resolve("profiles.json"));
        assertThat(catalogFile).contains("billing-app");
        for (String password : kafka.users().values()) {
            assertThat(catalogFile).doesNotContain(password);
            assertThat(profiles).doesNotContain(password);
            synchronized (RUNS) {
                assertThat(RUNS).allSatisfy(r -> assertThat(r.out() + r.err()).doesNotContain(password));
            }
        }
    }
}
