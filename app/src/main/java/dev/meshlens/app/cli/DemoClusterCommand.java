package dev.meshlens.app.cli;

import dev.meshlens.demo.DemoMesh;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.importers.schema.SchemaFolderImporter;
import dev.meshlens.importers.seed.MeshScenario;
import dev.meshlens.importers.seed.ScenarioSeeder;
import dev.meshlens.importers.seed.SchemasTopicSeeder;
import dev.meshlens.importers.seed.SeededMesh;
import dev.meshlens.localkafka.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code meshlens demo-cluster}: a real single-node Kafka broker on 127.0.0.1 (KRaft, SASL/PLAIN principals,
 * Kafka's StandardAuthorizer) seeded with the demo mesh — topics, ACLs, records with lineage headers, consumer
 * groups with real committed offsets and lag, {@code _schemas} records — so a new user can try the live import
 * within a minute. Every user gets a generated password; the super user's client properties are written to an
 * owner-only file in a temporary folder. It runs until Ctrl-C, then stops the broker and deletes the folder.
 */
@Command(name = "demo-cluster", description = {
        "Start a local Kafka broker (127.0.0.1, SASL/PLAIN, ACLs enforced) seeded with the demo mesh, print a client "
                + "properties file to import it with, and run until Ctrl-C.",
        "Nothing is left behind: the broker stops and its temporary folder, passwords included, is deleted."})
final class DemoClusterCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoClusterCommand.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Topics worth sampling in the demo: a chain, a join and an aggregation. */
    static final List<String> SAMPLE_TOPICS = List.of("sales.orders.enriched", "payments.ledger.entries",
            "analytics.sales.daily");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3m", converter = DurationConverter.class,
            description = "How long starting and seeding may take (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private volatile Path clientProperties;

    @Override
    public Integer call() throws Exception {
        Thread hook = new Thread(this::onShutdown, "meshlens-demo-cluster-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Path dir = Files.createTempDirectory("meshlens-demo-cluster");
        EmbeddedKafkaBroker kafka = null;
        SeededMesh seeded = null;
        try {
            MeshScenario scenario;
            try (InputStream in = DemoMesh.scenario()) {
                scenario = MeshScenario.read(in);
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            err.println("starting a Kafka broker on 127.0.0.1 with " + scenario.users().size() + " users...");
            EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder().dataDir(dir.resolve("broker"))
                    .adminPassword(password());
            scenario.users().forEach(user -> builder.user(user, password()));
            kafka = builder.start();
            err.println("seeding the demo mesh: " + scenario.topics().size() + " topics, " + scenario.acls().size()
                    + " ACLs, records with lineage headers, " + scenario.consumers().size() + " consumer groups...");
            seeded = new ScenarioSeeder(kafka.adminProperties(), kafka::clientProperties,
                    Instant.now().minus(Duration.ofHours(1)), timeout).seed(scenario);
            int schemaRecords = new SchemasTopicSeeder(kafka.adminProperties(), timeout).seed(demoSchemas(dir));
            clientProperties = kafka.writeClientProperties(dir.resolve("admin.properties"),
                    EmbeddedKafkaBroker.ADMIN_USER);
            printReady(out, kafka, scenario, seeded, schemaRecords);
            ready.countDown();
            stopRequested.await();
            err.println("stopping the demo cluster...");
            return MeshlensCli.EXIT_OK;
        } finally {
            ready.countDown();
            if (seeded != null) {
                seeded.close();
            }
            if (kafka != null) {
                kafka.close();
            }
            deleteTree(dir);
            cleanedUp.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook is waiting for cleanedUp, which is now counted down
            }
        }
    }

    /** Asks a running demo cluster to stop, as Ctrl-C does. */
    void stop() {
        stopRequested.countDown();
    }

    /**
     * Waits until the cluster is seeded (or failed to start).
     *
     * @return the client properties file of the super user, or null when starting failed
     */
    Path awaitReady(Duration wait) throws InterruptedException {
        ready.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        return clientProperties;
    }

    private void onShutdown() {
        stop();
        try {
            if (!cleanedUp.await(60, TimeUnit.SECONDS)) {
                LOG.warn("the demo cluster did not stop within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void printReady(PrintWriter out, EmbeddedKafkaBroker kafka, MeshScenario scenario, SeededMesh seeded,
                            int schemaRecords) {
        out.println("Demo cluster running on " + kafka.bootstrapServers() + " (KRaft, SASL/PLAIN, ACLs enforced): "
                + scenario.topics().size() + " topics, " + scenario.acls().size() + " ACLs, "
                + scenario.consumers().size() + " consumer groups (" + seeded.activeGroups() + " active), "
                + schemaRecords + " _schemas records.");
        out.println("Client properties of the super user (owner-only file): " + clientProperties);
        out.println("Import it:");
        out.println("  ./meshlens import --kafka " + clientProperties + " --cluster " + DemoMesh.CLUSTER
                + " --sample " + String.join(",", SAMPLE_TOPICS));
        out.println("Press Ctrl-C to stop; the broker and its files are removed.");
        out.flush();
    }

    /** The demo's schema folder, as a registry would hold it. */
    private static List<SchemaVersion> demoSchemas(Path dir) throws IOException {
        Path files = DemoMesh.extractTo(Files.createDirectories(dir.resolve("demo-files")));
        String folder = DemoMesh.imports().stream().map(DemoMesh.DemoImport::schemas)
                .filter(Objects::nonNull).findFirst().orElse("schemas");
        return new SchemaFolderImporter().read(files.resolve(folder));
    }

    /** A fresh random password of 32 hex digits (JAAS-safe). */
    private static String password() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the demo cluster folder " + dir, e);
        }
    }
}
