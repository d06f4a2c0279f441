package dev.meshlens.importers.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshlens.importers.seed.MeshScenario.ConsumerSpec;
import dev.meshlens.importers.seed.MeshScenario.RecordSpec;
import dev.meshlens.importers.seed.MeshScenario.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Replays a {@link MeshScenario} against a real cluster: creates its topics and ACLs, produces its records
 * with {@code lineage} headers, and runs its consumer groups so that their committed offsets, lag and states
 * are Kafka's own. Every wait is bounded by the timeout given to the constructor.
 */
public final class ScenarioSeeder {
    /** The header every processing service appends, as DESIGN.md describes it. */
    public static final String LINEAGE_HEADER = "lineage";
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioSeeder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Properties adminProperties;
    private final Function<String, Properties> userProperties;
    private final Instant baseTime;
    private final Duration timeout;

    /**
     * @param adminProperties client properties of a super user (creates topics and ACLs, produces records)
     * @param userProperties  client properties for a user name, used to run that user's consumer groups
     * @param baseTime        the time written into the first lineage header; later hops add seconds to it,
     *                        so the same scenario always yields the same headers
     * @param timeout         bound on every wait (topic creation, group joins, commits)
     */
    public ScenarioSeeder(Properties adminProperties, Function<String, Properties> userProperties, Instant baseTime,
                          Duration timeout) {
        this.adminProperties = adminProperties;
        this.userProperties = userProperties;
        this.baseTime = baseTime;
        this.timeout = timeout;
    }

    /**
     * Seeds the scenario. Active groups keep a live member until the returned handle is closed.
     *
     * @throws TimeoutException when the cluster does not answer within the timeout
     */
    public SeededMesh seed(MeshScenario scenario) throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(adminProperties)) {
            createTopics(admin, scenario.topics());
            admin.createAcls(scenario.aclBindings().stream().map(KafkaAcls::toKafka).toList())
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            produceRecords(scenario.records());
            SeededMesh seeded = runConsumers(scenario.consumers());
            if (!scenario.revokeAfterConsuming().isEmpty()) {
                List<AclBindingFilter> filters = scenario.revokedBindings().stream()
                        .map(b -> KafkaAcls.toKafka(b).toFilter()).toList();
                admin.deleteAcls(filters).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            return seeded;
        }
    }

    private void createTopics(Admin admin, List<TopicSpec> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<NewTopic> newTopics = topics.stream()
                .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs()))
                .toList();
        admin.createTopics(newTopics).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void produceRecords(List<RecordSpec> specs)
            throws InterruptedException, ExecutionException, TimeoutException {
        Properties props = new Properties();
        props.putAll(adminProperties);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        Map<String, List<Produced>> producedByTopic = new HashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            int hop = 0;
            for (RecordSpec spec : specs) {
                hop++;
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                List<List<Header>> headersOfRecords = new ArrayList<>();
                for (int i = 0; i < spec.count(); i++) {
                    List<Header> headers = spec.headers()
                            ? lineageHeaders(spec, i, producedByTopic, baseTime.plusSeconds(hop * 60L + i))
                            : List.of();
                    String key = spec.topic() + "#" + i;
                    ObjectNode value = JSON.createObjectNode().put("id", key).put("seq", i);
                    sends.add(producer.send(new ProducerRecord<>(spec.topic(), null, key, value.toString(),
                            headers)));
                    headersOfRecords.add(headers);
                }
                producer.flush();
                List<Produced> produced = new ArrayList<>();
                for (int i = 0; i < sends.size(); i++) {
                    RecordMetadata md = sends.get(i).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    produced.add(new Produced(md.topic() + "-" + md.partition() + "@" + md.offset(),
                            headersOfRecords.get(i)));
                }
                producedByTopic.put(spec.topic(), produced);
                LOG.debug("produced {} records to {}", spec.count(), spec.topic());
            }
        }
    }

    /**
     * The headers of the i-th record: those of its first parent (the chain it continues) followed by one
     * {@code lineage} header per parent record, or a single header without parent for a source record.
     */
    private static List<Header> lineageHeaders(RecordSpec spec, int i, Map<String, List<Produced>> producedByTopic,
                                               Instant at) {
        List<Header> headers = new ArrayList<>();
        List<Produced> parentRecords = new ArrayList<>();
        for (String parentTopic : spec.parents()) {
            List<Produced> candidates = producedByTopic.get(parentTopic);
            if (candidates == null || candidates.isEmpty()) {
                throw new IllegalStateException("records of " + spec.topic() + " derive from " + parentTopic
                        + ", which the scenario has not produced before");
            }
            for (int k = 0; k < spec.fanIn(); k++) {
                parentRecords.add(candidates.get((i * spec.fanIn() + k) % candidates.size()));
            }
        }
        if (!parentRecords.isEmpty()) {
            headers.addAll(parentRecords.get(0).headers());
        }
        if (parentRecords.isEmpty()) {
            headers.add(header(spec.service(), at, null));
        }
        for (Produced parent : parentRecords) {
            headers.add(header(spec.service(), at, parent.recordId()));
        }
        return headers;
    }

    private static Header header(String service, Instant at, String parent) {
        ObjectNode value = JSON.createObjectNode().put("service", service).put("at", at.toString());
        if (parent != null) {
            value.put("parent", parent);
        }
        return new RecordHeader(LINEAGE_HEADER, value.toString().getBytes(StandardCharsets.UTF_8));
    }

    private SeededMesh runConsumers(List<ConsumerSpec> specs) throws InterruptedException, TimeoutException {
        List<GroupRunner> runners = specs.stream().map(GroupRunner::new).toList();
        runners.forEach(r -> r.thread.start());
        long deadline = System.nanoTime() + timeout.toNanos();
        for (GroupRunner runner : runners) {
            long left = deadline - System.nanoTime();
            if (!runner.committed.await(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
                runners.forEach(GroupRunner::stop);
                throw new TimeoutException("group " + runner.spec.group() + " did not commit within " + timeout);
            }
            if (runner.failure.get() != null) {
                runners.forEach(GroupRunner::stop);
                throw new IllegalStateException("group " + runner.spec.group() + " failed: "
                        + runner.failure.get().getMessage(), runner.failure.get());
            }
        }
        for (GroupRunner runner : runners) {
            if (!runner.spec.staysActive()) {
                runner.thread.join(timeout.toMillis());
            }
        }
        return new SeededMesh(runners.stream().filter(r -> r.spec.staysActive()).map(r -> r.stopper).toList());
    }

    private record Produced(String recordId, List<Header> headers) {
    }

    /** One consumer group member on its own thread: joins, commits its target offsets, then idles or leaves. */
    private final class GroupRunner {
        final ConsumerSpec spec;
        final CountDownLatch committed = new CountDownLatch(1);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread thread;
        volatile boolean running = true;
        final Runnable stopper = this::stop;

        GroupRunner(ConsumerSpec spec) {
            this.spec = spec;
            this.thread = new Thread(this::run, "seed-group-" + spec.group());
            this.thread.setDaemon(true);
        }

        void stop() {
            running = false;
            try {
                thread.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void run() {
            Properties props = new Properties();
            props.putAll(userProperties.apply(spec.user()));
            props.put(ConsumerConfig.GROUP_ID_CONFIG, spec.group());
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, spec.group() + "-client");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                consumer.subscribe(spec.topics());
                long deadline = System.nanoTime() + timeout.toNanos();
                while (consumer.assignment().isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        throw new TimeoutException("no partitions assigned to group " + spec.group());
                    }
                    consumer.poll(Duration.ofMillis(100));
                }
                consumer.pause(consumer.assignment());
                Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), timeout);
                Map<TopicPartition, OffsetAndMetadata> targets = new HashMap<>();
                ends.forEach((tp, end) -> {
                    long target = (long) Math.floor(end * spec.consumed());
                    if (target > 0) {
                        targets.put(tp, new OffsetAndMetadata(target));
                    }
                });
                consumer.commitSync(targets, timeout);
                committed.countDown();
                while (running && spec.staysActive()) {
                    consumer.poll(Duration.ofMillis(200));
                }
            } catch (Exception e) {
                failure.set(e);
                committed.countDown();
            }
        }
    }
}
