package dev.meshlens.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code meshlens demo-cluster} starts a seeded broker that the live import reads, and leaves nothing behind. */
class DemoClusterCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoClusterIsImportableAndStopsLeavingNothingRunning() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Cli cli = new Cli(Map.of(MeshlensCli.PROFILES_ENV, dir.resolve("profiles.json").toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine demo = cli.commandLine(out, err);
        DemoClusterCommand command = demo.getSubcommands().get("demo-cluster").getCommand();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread running = new Thread(() -> exit.set(demo.execute("demo-cluster")), "demo-cluster-under-test");
        running.start();
        Path properties;
        String bootstrap;
        try {
            properties = command.awaitReady(Duration.ofMinutes(4));
            assertThat(properties).as(out + "\n" + err).isNotNull();
            assertThat(out.toString()).contains("Client properties of the super user (owner-only file): " + properties)
                    .contains("./meshlens import --kafka " + properties);
            assertThat(Files.getPosixFilePermissions(properties)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            Properties client = new Properties();
            try (var in = Files.newInputStream(properties)) {
                client.load(in);
            }
            bootstrap = client.getProperty("bootstrap.servers");

            String db = dir.resolve("catalog").toString();
            Cli.Run imported = cli.run("--db", db, "import", "--kafka", properties.toString(), "--cluster", "demo",
                    "--sample", String.join(",", DemoClusterCommand.SAMPLE_TOPICS));
            assertThat(imported.exitCode()).as(imported.toString()).isZero();
            Cli.Run consumers = cli.run("--db", db, "consumers", "sales.orders.placed", "--format", "json");
            Set<String> states = StreamSupport.stream(consumers.json().spliterator(), false)
                    .map(r -> r.get("state").asText()).collect(Collectors.toSet());
            assertThat(states).contains("up-to-date");
            Cli.Run lineage = cli.run("--db", db, "lineage", "sales.orders.placed", "--downstream", "--format", "json");
            assertThat(StreamSupport.stream(lineage.json().get("nodes").spliterator(), false)
                    .map(n -> n.get("name").asText())).contains("sales.orders.enriched");
            assertThat(imported.err()).contains("sample sales.orders.enriched:");
            JsonNode snapshot = cli.run("--db", db, "snapshots", "--format", "json").json().get(0);
            assertThat(snapshot.get("sources")).extracting(JsonNode::asText)
                    .containsExactly("acls", "topics", "groups", "hops");
        } finally {
            command.stop();
            running.join(TimeUnit.MINUTES.toMillis(2));
        }

        assertThat(running.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(properties.getParent()).doesNotExist();
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
        assertThat(threadsStartedSince(before)).isEmpty();
    }

    private static Set<String> threadsStartedSince(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<String> extra;
        do {
            extra = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive())
                    // JVM-wide daemons started on first use and shared by later users, not owned by the cluster
                    .filter(t -> !(t.isDaemon() && t.getName().startsWith("metrics-meter-tick-thread")))
                    .filter(t -> !t.getName().startsWith("ForkJoinPool.commonPool-worker-"))
                    .map(Thread::getName)
                    .collect(Collectors.toSet());
            if (extra.isEmpty()) {
                return extra;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return extra;
    }
}
