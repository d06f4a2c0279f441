package dev.meshlens.importers.registry;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshSink;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Imports schemas straight from a Schema Registry's {@code _schemas} topic, for clusters whose registry has no
 * reachable REST API: the registry keeps its whole state in that topic, and replaying it
 * ({@link SchemasLog}) gives the same versions, ids, references and compatibility levels.
 *
 * <p>The topic is read with a plain consumer built from the user's Kafka client properties (the file Kafka's CLI
 * tools take with {@code --command-config}), without a consumer group: every partition is assigned and read from
 * its beginning up to the end offsets captured when reading starts. The read is bounded: it never waits for records
 * written after it started, and {@link RegistryImportOptions#timeLimit()} bounds the whole of it. The principal
 * needs READ and DESCRIBE on the topic, nothing else; nothing is committed or created (topic auto-creation is off).
 *
 * <p>A record that cannot be understood fails its subject (reported in the result, the other subjects imported),
 * or with {@link RegistryImportOptions#allOrNothing()} the whole import. Nothing is sent to the sink before the
 * topic has been read to its end. Interrupting the reading thread cancels it with a {@link CancellationException}.
 */
public final class SchemasTopicReader {
    /** The registry's default topic ({@code kafkastore.topic}). */
    public static final String DEFAULT_TOPIC = "_schemas";

    private static final Logger LOG = LoggerFactory.getLogger(SchemasTopicReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long PROGRESS_EVERY = 10_000;

    private final Properties clientProperties;
    private final String topic;
    private final RegistryImportOptions options;

    /**
     * @param clientProperties Kafka client properties: {@code bootstrap.servers} and the security settings; a
     *                         {@code group.id} in them is not used
     * @param topic            the registry's topic, normally {@link #DEFAULT_TOPIC}
     * @throws IllegalArgumentException when the topic name is blank
     */
    public SchemasTopicReader(Properties clientProperties, String topic, RegistryImportOptions options) {
        Objects.requireNonNull(clientProperties, "clientProperties");
        this.clientProperties = new Properties();
        this.clientProperties.putAll(clientProperties);
        this.topic = Objects.requireNonNull(topic, "topic").strip();
        if (this.topic.isEmpty()) {
            throw new IllegalArgumentException("the schemas topic name is blank");
        }
        this.options = Objects.requireNonNull(options, "options");
    }

    /** What snapshots made by this reader say they come from: {@code topic _schemas at <bootstrap servers>}. */
    public String origin() {
        return "topic " + topic + " at " + clientProperties.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                "(no bootstrap.servers)");
    }

    /**
     * Reads the topic to the end offsets it had when reading started and sends the registered versions to
     * {@code sink}, covering {@link dev.meshlens.engine.model.SourceKind#SCHEMAS}.
     *
     * @return one result per subject, failures included
     * @throws InputException        naming the consumer call when the topic does not exist, the principal may
     *                               not read it, Kafka does not answer, or the time limit is exceeded; with
     *                               all-or-nothing, at the first record that cannot be understood; the sink is
     *                               untouched then
     * @throws CancellationException when the reading thread is interrupted
     */
    public RegistryImportResult importTo(MeshSink sink) {
        SchemasLog log = read();
        return SubjectOutcomes.publish(origin(), log.versions(), log.failures(), log.warnings(), options, sink);
    }

    /** Reads the topic into a replayed log; package-private for tests. */
    SchemasLog read() {
        long deadline = System.nanoTime() + options.timeLimit().toNanos();
        SchemasLog log = new SchemasLog(topic, options.allOrNothing());
        String call = "new KafkaConsumer";
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            call = "KafkaConsumer.partitionsFor(" + topic + ")";
            List<PartitionInfo> infos = consumer.partitionsFor(topic, remaining(deadline, call));
            if (infos == null || infos.isEmpty()) {
                throw new InputException(call, 0, "topic " + topic + " does not exist on "
                        + clientProperties.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                        + " (the registry's kafkastore.topic names it)");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            call = "KafkaConsumer.endOffsets(" + topic + ")";
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, remaining(deadline, call));
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, remaining(deadline, call));
            long total = partitions.stream().mapToLong(tp -> end.get(tp) - start.get(tp)).sum();
            options.progress().accept(origin() + ": " + total + " records in " + partitions.size() + " partitions");
            call = "KafkaConsumer.poll(" + topic + ")";
            Set<TopicPartition> pending = new HashSet<>();
            for (TopicPartition tp : partitions) {
                if (consumer.position(tp, remaining(deadline, call)) < end.get(tp)) {
                    pending.add(tp);
                }
            }
            long read = 0;
            while (!pending.isEmpty()) {
                Duration left = remaining(deadline, call);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(left.compareTo(POLL) < 0 ? left : POLL)) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    // records written after reading started are not part of this snapshot
                    if (record.offset() < end.get(tp)) {
                        log.apply(record.partition(), record.offset(), record.key(), record.value());
                        if (++read % PROGRESS_EVERY == 0) {
                            options.progress().accept(origin() + ": " + read + " of " + total + " records read");
                        }
                    }
                }
                for (TopicPartition tp : List.copyOf(pending)) {
                    if (consumer.position(tp, remaining(deadline, call)) >= end.get(tp)) {
                        pending.remove(tp);
                    }
                }
            }
            LOG.info("{}: {} records read, {} skipped (not about schemas), {} subjects failed", origin(), read,
                    log.skipped(), log.failures().size());
            return log;
        } catch (AuthorizationException e) {
            throw new InputException(call, 0, "not allowed to read topic " + topic + ": the client's principal needs "
                    + "ACLs allowing READ and DESCRIBE on TOPIC " + topic + " (" + e.getMessage() + ")");
        } catch (AuthenticationException e) {
            throw new InputException(call, 0, "Kafka refused the client's login: " + e.getMessage());
        } catch (TimeoutException e) {
            throw new InputException(call, 0, "no answer from Kafka at " + clientProperties.getProperty(
                    CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) + " within the time limit of "
                    + options.timeLimit().toSeconds() + " s (" + e.getMessage() + ")");
        } catch (InterruptException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("reading topic " + topic + " cancelled");
        } catch (InputException | CancellationException e) {
            throw e;
        } catch (KafkaException e) {
            throw new InputException(call, 0, "reading topic " + topic + " failed: " + describe(e), e);
        }
    }

    /** The exception's message and its root cause's, which says what was wrong (a bad property, ...). */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e || root.getMessage() == null ? String.valueOf(e.getMessage())
                : e.getMessage() + ": " + root.getMessage();
    }

    /**
     * The user's properties, made safe for a bounded read: no consumer group (nothing to commit, no GROUP ACL
     * needed), no topic auto-creation, and API timeouts no longer than the time limit.
     */
    private Properties consumerProperties() {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, "meshlens-schemas-reader");
        String limit = Long.toString(options.timeLimit().toMillis());
        props.putIfAbsent(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, limit);
        return props;
    }

    private Duration remaining(long deadline, String call) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new InputException(call, 0, "reading topic " + topic + " did not finish within the time limit of "
                    + options.timeLimit().toSeconds() + " s");
        }
        return Duration.ofNanos(left);
    }
}
