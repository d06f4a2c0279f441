package dev.meshlens.importers.testkit;

import dev.meshlens.localkafka.EmbeddedKafkaBroker;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.AclCommand;
import org.apache.kafka.tools.TopicCommand;
import org.apache.kafka.tools.consumer.group.ConsumerGroupCommand;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Runs Kafka's own command line tools ({@code kafka-acls}, {@code kafka-consumer-groups}, {@code kafka-topics})
 * inside the test JVM, exactly as their shell scripts would: {@code --bootstrap-server} and
 * {@code --command-config} are added to every call.
 *
 * <p>The tools print with {@code System.out}/{@code System.err} and end with {@code Exit.exit}: this runner
 * captures only what the calling thread prints (broker and client threads keep logging where they did) and
 * records the status of the first {@code Exit.exit}/{@code Exit.halt} instead of ending the JVM. One tool runs
 * at a time per JVM.
 */
public final class KafkaToolRunner {
    private static final Object LOCK = new Object();

    private final String bootstrapServers;
    private final Path commandConfig;

    /**
     * @param bootstrapServers where the tools connect
     * @param commandConfig    a client properties file (SASL login of the user the tools run as)
     */
    public KafkaToolRunner(String bootstrapServers, Path commandConfig) {
        this.bootstrapServers = bootstrapServers;
        this.commandConfig = commandConfig;
    }

    /**
     * A runner that acts as the broker's super user, writing its command config into {@code workDir}.
     *
     * @throws UncheckedIOException when the properties file cannot be written
     */
    public static KafkaToolRunner asAdmin(EmbeddedKafkaBroker broker, Path workDir) {
        Path config = workDir.resolve("admin-client.properties");
        Properties props = broker.adminProperties();
        props.remove("bootstrap.servers");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "client config for the Kafka tools (test broker credentials only)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
        return new KafkaToolRunner(broker.bootstrapServers(), config);
    }

    /** {@code kafka-acls.sh} with the given arguments, e.g. {@code --list}. */
    public ToolOutput acls(String... args) {
        return run(AclCommand::main, args);
    }

    /** {@code kafka-consumer-groups.sh} with the given arguments, e.g. {@code --describe --all-groups --state}. */
    public ToolOutput consumerGroups(String... args) {
        return run(ConsumerGroupCommand::main, args);
    }

    /** {@code kafka-topics.sh} with the given arguments, e.g. {@code --describe}. */
    public ToolOutput topics(String... args) {
        return run(TopicCommand::main, args);
    }

    /**
     * Runs one tool's {@code main} with the connection arguments prepended and returns what it printed.
     *
     * @param main the tool's entry point
     */
    public ToolOutput run(Consumer<String[]> main, String... args) {
        List<String> all = new ArrayList<>(List.of("--bootstrap-server", bootstrapServers,
                "--command-config", commandConfig.toString()));
        all.addAll(List.of(args));
        synchronized (LOCK) {
            return runCapturing(main, all.toArray(String[]::new));
        }
    }

    private static ToolOutput runCapturing(Consumer<String[]> main, String[] args) {
        Thread caller = Thread.currentThread();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(new ThreadRouting(caller, out, both, originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ThreadRouting(caller, err, both, originalErr), true, StandardCharsets.UTF_8));
        // A real Exit.exit ends the process on the spot. Here it only records the first status and returns:
        // throwing instead would be caught by tools that wrap their work in catch (Throwable) and print it
        // (kafka-topics calls Exit.exit(0) inside such a block), which would pollute the captured output.
        AtomicReference<Integer> exitStatus = new AtomicReference<>();
        Exit.setExitProcedure((status, message) -> exitStatus.compareAndSet(null, status));
        Exit.setHaltProcedure((status, message) -> exitStatus.compareAndSet(null, status));
        RuntimeException failure = null;
        try {
            main.accept(args);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
        }
        if (failure != null && exitStatus.get() == null) {
            // the tool failed without exiting: a bug or a broken classpath, not an outcome to capture
            throw new IllegalStateException("Kafka tool failed: " + err.toString(StandardCharsets.UTF_8), failure);
        }
        // code a real tool would never have reached after Exit.exit may fail here; the exit status is what counts
        int status = exitStatus.get() == null ? 0 : exitStatus.get();
        return new ToolOutput(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                both.toString(StandardCharsets.UTF_8));
    }

    /**
     * What a tool printed.
     *
     * @param exitCode    the status passed to {@code Exit.exit}, 0 when the tool returned normally
     * @param interleaved both streams in the order the tool wrote them, as {@code 2>&1} into a file shows them
     */
    public record ToolOutput(int exitCode, String stdout, String stderr, String interleaved) {
    }

    /** Sends what the tool's thread writes to the capture buffer and what every other thread writes onward. */
    private static final class ThreadRouting extends OutputStream {
        private final Thread captured;
        private final OutputStream capture;
        private final OutputStream interleaved;
        private final OutputStream passThrough;

        ThreadRouting(Thread captured, OutputStream capture, OutputStream interleaved, OutputStream passThrough) {
            this.captured = captured;
            this.capture = capture;
            this.interleaved = interleaved;
            this.passThrough = passThrough;
        }

        @Override
        public void write(int b) throws IOException {
            if (Thread.currentThread() == captured) {
                capture.write(b);
                interleaved.write(b);
            } else {
                passThrough.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (Thread.currentThread() == captured) {
                capture.write(b, off, len);
                interleaved.write(b, off, len);
            } else {
                passThrough.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (Thread.currentThread() != captured) {
                passThrough.flush();
            }
        }
    }
}
