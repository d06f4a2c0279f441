package dev.meshlens.localkafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real single-node Kafka cluster (KRaft, broker and controller in one process) running inside this JVM: the
 * broker of the integration tests and of {@code meshlens demo-cluster}.
 *
 * <p>Clients authenticate with SASL/PLAIN over plaintext, so every connection has a real {@code User:<name>}
 * principal, and Kafka's own {@code StandardAuthorizer} enforces ACLs; {@code User:admin} is a super user.
 * Both listeners bind to free ports on 127.0.0.1. Start one with {@link #builder()}, stop it with
 * {@link #close()} (which may also be called mid-test to simulate an outage). Passwords are never logged.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().dataDir(tempDir)
 *         .user("alice", "alice-secret").start();
 *      Admin admin = Admin.create(kafka.adminProperties())) { ... }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    /** The super user every broker has; use {@link #adminProperties()} to connect as it. */
    public static final String ADMIN_USER = "admin";
    /** The password of {@link #ADMIN_USER} unless {@link Builder#adminPassword(String)} chose another. */
    public static final String ADMIN_PASSWORD = "admin-secret";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String CLIENT_LISTENER = "CLIENT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final Map<String, String> users;
    private final String adminPassword;
    private final int brokerPort;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Map<String, String> users, int brokerPort, Path dataDir,
                                boolean ownsDataDir) {
        this.server = server;
        this.users = users;
        this.adminPassword = users.get(ADMIN_USER);
        this.brokerPort = brokerPort;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
    }

    /** Starts describing a broker: add users, a data directory or extra broker properties, then {@link Builder#start()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The {@code host:port} of the SASL_PLAINTEXT client listener. */
    public String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    /**
     * Kafka client properties (admin, producer or consumer) that connect as {@code User:<user>}.
     *
     * @param user     a user known to the broker (the admin or one added with {@link Builder#user})
     * @param password its password; a wrong one makes the client fail authentication, as in real life
     */
    public Properties clientProperties(String user, String password) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        props.put(SaslConfigs.SASL_JAAS_CONFIG, jaasLogin(user, password));
        return props;
    }

    /**
     * Client properties for a user registered with {@link Builder#user}, with its registered password.
     *
     * @throws IllegalArgumentException when the broker does not know {@code user}
     */
    public Properties clientProperties(String user) {
        String password = users.get(user);
        if (password == null) {
            throw new IllegalArgumentException("unknown user '" + user + "', the broker knows " + users.keySet());
        }
        return clientProperties(user, password);
    }

    /** Client properties for the super user {@code User:admin}, e.g. for {@link Admin#create(Properties)}. */
    public Properties adminProperties() {
        return clientProperties(ADMIN_USER, adminPassword);
    }

    /**
     * Writes the client properties of {@code user} (bootstrap servers, SASL/PLAIN login) as a standard Kafka
     * client properties file, the kind Kafka's tools take with {@code --command-config}. Where the file system
     * supports it the file is created readable and writable by its owner only, before the password is written.
     *
     * @param user a user known to the broker, the admin included
     * @return {@code file}
     * @throws IllegalArgumentException when the broker does not know {@code user}
     * @throws UncheckedIOException     when the file cannot be written
     */
    public Path writeClientProperties(Path file, String user) {
        Properties props = clientProperties(user);
        try {
            createOwnerOnly(file);
            try (OutputStream out = Files.newOutputStream(file)) {
                props.store(out, "Kafka client properties of User:" + user + " on the local broker "
                        + bootstrapServers());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the client properties file " + file, e);
        }
    }

    /** The users (name to password) the broker accepts, the admin included; never log them. */
    public Map<String, String> users() {
        return users;
    }

    /**
     * Stops the broker and controller, waits until their threads have ended and their ports are closed, and
     * deletes the data directory when the broker created it itself. Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        if (ownsDataDir) {
            deleteRecursively(dataDir);
        }
    }

    /** Whether {@link #close()} has been called. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Creates {@code file} afresh, readable by its owner only where the file system has POSIX permissions. */
    private static void createOwnerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    private static String jaasLogin(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }

    /** Describes a broker to start. */
    public static final class Builder {
        private final Map<String, String> users = new LinkedHashMap<>();
        private final Properties overrides = new Properties();
        private Path dataDir;

        private Builder() {
            users.put(ADMIN_USER, ADMIN_PASSWORD);
        }

        /**
         * Replaces the super user's default password {@value #ADMIN_PASSWORD}: a broker that outlives a test
         * (the demo cluster) should not accept a password printed in the source.
         *
         * @throws IllegalArgumentException when the password could not be written into a JAAS line
         */
        public Builder adminPassword(String password) {
            requireJaasSafe(password, "password");
            users.put(ADMIN_USER, password);
            return this;
        }

        /**
         * Adds a SASL/PLAIN user, so clients can connect as {@code User:<name>}.
         *
         * @throws IllegalArgumentException when the name or password could not be written into a JAAS line
         *                                  (quotes, semicolons, whitespace) or the name is the admin's
         */
        public Builder user(String name, String password) {
            requireJaasSafe(name, "user name");
            requireJaasSafe(password, "password");
            if (ADMIN_USER.equals(name)) {
                throw new IllegalArgumentException("'" + ADMIN_USER + "' is the built-in super user");
            }
            users.put(name, password);
            return this;
        }

        /** Where the broker keeps its log and metadata; by default a temporary directory deleted on close. */
        public Builder dataDir(Path dir) {
            this.dataDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Sets or overrides one broker property (e.g. {@code auto.create.topics.enable}). */
        public Builder brokerProperty(String name, String value) {
            overrides.put(name, value);
            return this;
        }

        /**
         * Formats the data directory and starts the broker; returns once it accepts clients.
         *
         * @throws IllegalStateException when formatting or starting fails
         */
        public EmbeddedKafkaBroker start() {
            long started = System.nanoTime();
            boolean ownsDataDir = dataDir == null;
            Path dir;
            try {
                dir = ownsDataDir ? Files.createTempDirectory("embedded-kafka") : Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the broker data directory", e);
            }
            int brokerPort = freePort();
            int controllerPort = freePort();
            Properties props = serverProperties(dir.resolve("logs"), brokerPort, controllerPort);
            props.putAll(overrides);
            Path configFile = dir.resolve("server.properties");
            try {
                // it holds every user's password (the JAAS user_<name> entries)
                createOwnerOnly(configFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + configFile, e);
            }
            try (OutputStream out = Files.newOutputStream(configFile)) {
                props.store(out, "embedded Kafka broker");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + configFile, e);
            }
            format(configFile);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                server.shutdown();
                server.awaitShutdown();
                throw new IllegalStateException("embedded Kafka broker failed to start", e);
            }
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, Map.copyOf(users), brokerPort, dir,
                    ownsDataDir);
            broker.awaitReady();
            LOG.info("embedded Kafka broker on {} started in {} ms", broker.bootstrapServers(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return broker;
        }

        private Properties serverProperties(Path logDir, int brokerPort, int controllerPort) {
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
            p.put("listeners", CLIENT_LISTENER + "://" + HOST + ":" + brokerPort + ","
                    + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
            p.put("advertised.listeners", CLIENT_LISTENER + "://" + HOST + ":" + brokerPort);
            p.put("listener.security.protocol.map",
                    CLIENT_LISTENER + ":SASL_PLAINTEXT," + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
            p.put("inter.broker.listener.name", CLIENT_LISTENER);
            p.put("controller.listener.names", CONTROLLER_LISTENER);
            p.put("sasl.enabled.mechanisms", "PLAIN");
            p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
            p.put("sasl.mechanism.controller.protocol", "PLAIN");
            // one JAAS entry per listener: the user_<name> options are the accepted logins, username/password
            // is what the node itself uses to reach its own listeners (as the super user)
            String jaas = serverJaas(users.get(ADMIN_USER));
            p.put("listener.name." + CLIENT_LISTENER.toLowerCase() + ".plain.sasl.jaas.config", jaas);
            p.put("listener.name." + CONTROLLER_LISTENER.toLowerCase() + ".plain.sasl.jaas.config", jaas);
            p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            p.put("super.users", "User:" + ADMIN_USER);
            p.put("allow.everyone.if.no.acl.found", "false");
            p.put("log.dirs", logDir.toString());
            p.put("num.partitions", "1");
            p.put("default.replication.factor", "1");
            p.put("offsets.topic.replication.factor", "1");
            p.put("offsets.topic.num.partitions", "1");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("share.coordinator.state.topic.replication.factor", "1");
            p.put("share.coordinator.state.topic.min.isr", "1");
            p.put("group.initial.rebalance.delay.ms", "0");
            // KIP-848 consumers heartbeat every 5 s by default; a test waiting for an assignment should not
            p.put("group.consumer.min.heartbeat.interval.ms", "500");
            p.put("group.consumer.heartbeat.interval.ms", "500");
            p.put("auto.create.topics.enable", "false");
            // the default 128 MB dedupe buffer does not fit a small test heap
            p.put("log.cleaner.dedupe.buffer.size", "4194304");
            p.put("controlled.shutdown.enable", "false");
            p.put("controller.quorum.election.timeout.ms", "1000");
            p.put("controller.quorum.fetch.timeout.ms", "2000");
            return p;
        }

        private String serverJaas(String adminPassword) {
            StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required")
                    .append(" username=\"").append(ADMIN_USER).append("\" password=\"").append(adminPassword)
                    .append('"');
            users.forEach((name, password) -> jaas.append(" user_").append(name).append("=\"").append(password)
                    .append('"'));
            return jaas.append(';').toString();
        }

        private static void format(Path configFile) {
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            int status;
            try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
                status = StorageTool.execute(new String[]{"format", "--config", configFile.toString(),
                        "--cluster-id", Uuid.randomUuid().toString()}, out);
            }
            if (status != 0) {
                throw new IllegalStateException("formatting the broker storage failed (" + status + "): "
                        + captured.toString(StandardCharsets.UTF_8));
            }
        }

        private static void requireJaasSafe(String text, String what) {
            if (text == null || text.isEmpty() || !text.matches("[A-Za-z0-9._@:+-]+")) {
                throw new IllegalArgumentException(what + " '" + text
                        + "' must be non-empty letters, digits or ._@:+- so it fits a JAAS line");
            }
        }
    }

    private void awaitReady() {
        // startup() returns once the broker has registered; a first metadata round trip proves clients get in
        Properties props = adminProperties();
        props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, "30000");
        props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("embedded Kafka broker on " + bootstrapServers()
                    + " did not answer within 60 s", e);
        }
    }
}
