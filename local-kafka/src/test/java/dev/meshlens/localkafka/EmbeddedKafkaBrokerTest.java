package dev.meshlens.localkafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedKafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void clientsActAsTheirOwnPrincipalUnderTheAuthorizer() throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().dataDir(dataDir)
                .user("alice", "alice-secret").start();
             Admin admin = Admin.create(kafka.adminProperties())) {
            admin.createTopics(List.of(new NewTopic("orders", 1, (short) 1))).all().get(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> send(kafka.clientProperties("alice"), "orders"))
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);

            admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "orders", PatternType.LITERAL),
                    new AccessControlEntry("User:alice", "*", AclOperation.WRITE, AclPermissionType.ALLOW))))
                    .all().get(10, TimeUnit.SECONDS);
            send(kafka.clientProperties("alice"), "orders");
        }
    }

    @Test
    void wrongPasswordFailsAuthentication() {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().dataDir(dataDir)
                .user("alice", "alice-secret").start();
             Admin admin = Admin.create(kafka.clientProperties("alice", "not-her-password"))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void writtenClientPropertiesConnectWithTheChosenAdminPasswordAndOnlyTheOwnerMayReadThem() throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().dataDir(dataDir.resolve("broker"))
                .adminPassword("chosen-admin-pw").start()) {
            Path file = kafka.writeClientProperties(dataDir.resolve("admin.properties"), EmbeddedKafkaBroker.ADMIN_USER);

            Properties loaded = new Properties();
            try (var in = Files.newInputStream(file)) {
                loaded.load(in);
            }
            try (Admin admin = Admin.create(loaded)) {
                assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
            }
            assertThat(loaded.getProperty("sasl.jaas.config")).contains("chosen-admin-pw");
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            try (Admin withDefault = Admin.create(kafka.clientProperties(EmbeddedKafkaBroker.ADMIN_USER,
                    EmbeddedKafkaBroker.ADMIN_PASSWORD))) {
                assertThatThrownBy(() -> withDefault.listTopics().names().get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(SaslAuthenticationException.class);
            }
        }
    }

    @Test
    void closeFreesThePortAndStopsEveryBrokerThread() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().dataDir(dataDir).start();
        int port = Integer.parseInt(kafka.bootstrapServers().substring(kafka.bootstrapServers().indexOf(':') + 1));

        kafka.close();

        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
        assertThat(threadsStartedSince(before)).isEmpty();
    }

    @Test
    void startsWithoutWaitingOutAnyTimeout() {
        long start = System.nanoTime();
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().dataDir(dataDir).start()) {
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
        }
        // about 1-2 s on an idle machine, 15 s seen on a 2-core machine under a load of 15; a start that waits
        // out an election or request timeout (a broken quorum or listener setup) takes far longer
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(60_000);
    }

    @Test
    void unknownUserIsRejectedWhenAskingForItsProperties() {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().dataDir(dataDir).start()) {
            assertThatThrownBy(() -> kafka.clientProperties("mallory"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mallory");
        }
    }

    private static void send(Properties props, String topic) throws ExecutionException, InterruptedException {
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "4000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get();
        }
    }

    private static Set<String> threadsStartedSince(Set<Thread> before) throws InterruptedException {
        // threads end asynchronously right after shutdown returns; give stragglers a moment
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Set<String> extra;
        do {
            extra = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive())
                    // Yammer's JVM-wide meter ticker: two daemon threads created on first use by any broker
                    // and shared by every later one (Kafka's own test harness whitelists them too)
                    .filter(t -> !(t.isDaemon() && t.getName().startsWith("metrics-meter-tick-thread")))
                    // the JVM's shared pool: idle workers linger for a minute whoever started them
                    .filter(t -> !t.getName().startsWith("ForkJoinPool.commonPool-worker-"))
                    .map(Thread::getName)
                    .collect(Collectors.toSet());
            if (extra.isEmpty()) {
                return extra;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return extra;
    }
}
