package dev.meshlens.importers.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.importers.seed.MeshScenario.ConsumerSpec;
import dev.meshlens.importers.seed.MeshScenario.RecordSpec;
import dev.meshlens.importers.seed.MeshScenario.TopicSpec;
import dev.meshlens.importers.seed.SeededMesh.Produced;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
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
import java.util.Set;
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
     * @param baseTime        the time written into the first lineage header; the records of one batch (a
     *                        record spec) follow one second apart, the next batch a minute after, so the same
     *                        scenario always yields the same headers and no record predates its parents
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
     * Seeds the scenario, without its {@code later} block (see {@link #seedLater}): topics, ACLs, records, then
     * the groups, then the revocations. Active groups keep a live member until the returned handle stops them.
     *
     * @throws TimeoutException when the cluster does not answer within the timeout
     */
    public SeededMesh seed(MeshScenario scenario) throws InterruptedException, ExecutionException, TimeoutException {
        SeededMesh seeded = new SeededMesh(baseTime);
        try {
            apply(seeded, scenario.topics(), scenario.aclBindings(), scenario.records(), List.of(),
                    scenario.consumers(), scenario.revokedBindings());
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            seeded.close();
            throw e;
        }
        return seeded;
    }

    /**
     * Applies a scenario's {@code later} block to a mesh this seeder seeded: creates its topics and ACLs, writes
     * its records (which may derive from records written before), stops the live member of each of its
     * {@code stopGroups} and waits until those groups are Empty, runs its groups, then deletes its revoked ACLs.
     * Its active groups join {@code seeded}, which stops them on close.
     *
     * @throws IllegalArgumentException when a group to stop has no live member in {@code seeded}
     * @throws TimeoutException         when the cluster does not answer within the timeout
     */
    public void seedLater(SeededMesh seeded, MeshScenario.Later later)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> live = seeded.activeGroupIds();
        for (String group : later.stopGroups()) {
            if (!live.contains(group)) {
                throw new IllegalArgumentException("cannot stop group '" + group + "': it has no live member; live "
                        + "groups are " + live);
            }
        }
        apply(seeded, later.topics(), later.aclBindings(), later.records(), later.stopGroups(), later.consumers(),
                later.revokedBindings());
    }

    private void apply(SeededMesh seeded, List<TopicSpec> topics, List<AclBinding> acls, List<RecordSpec> records,
                       List<String> stopGroups, List<ConsumerSpec> consumers, List<AclBinding> revoked)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(adminProperties)) {
            if (!topics.isEmpty()) {
                createTopics(admin, topics);
            }
            if (!acls.isEmpty()) {
                admin.createAcls(acls.stream().map(KafkaAcls::toKafka).toList())
                        .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            produceRecords(seeded, records);
            for (String group : stopGroups) {
                seeded.stop(group);
            }
            awaitEmpty(admin, stopGroups);
            runConsumers(seeded, consumers);
            if (!revoked.isEmpty()) {
                List<AclBindingFilter> filters = revoked.stream().map(b -> KafkaAcls.toKafka(b).toFilter()).toList();
                admin.deleteAcls(filters).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Waits until every group in {@code groupIds} has no member left: a stopped member's leave is asynchronous. */
    private void awaitEmpty(Admin admin, List<String> groupIds)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (groupIds.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(groupIds).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<String> busy = groups.values().stream().filter(g -> !g.members().isEmpty())
                    .map(ConsumerGroupDescription::groupId).sorted().toList();
            if (busy.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("groups " + busy + " still have members " + timeout + " after stopping");
            }
            Thread.sleep(100);
        }
    }

    private void createTopics(Admin admin, List<TopicSpec> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<NewTopic> newTopics = topics.stream()
                .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs()))
                .toList();
        admin.createTopics(newTopics).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void produceRecords(SeededMesh seeded, List<RecordSpec> specs)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (specs.isEmpty()) {
            return;
        }
        Properties props = new Properties();
        props.putAll(adminProperties);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (RecordSpec spec : specs) {
                Instant batchStart = seeded.startBatch(spec.count());
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                List<List<Header>> headersOfRecords = new ArrayList<>();
                for (int i = 0; i < spec.count(); i++) {
                    List<Header> headers = spec.headers()
                            ? lineageHeaders(spec, i, seeded, batchStart.plusSeconds(i))
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
                seeded.addProduced(spec.topic(), produced);
                LOG.debug("produced {} records to {}", spec.count(), spec.topic());
            }
        }
    }

    /**
     * The headers of the i-th record: those of its first parent (the chain it continues) followed by one
     * {@code lineage} header per parent record, or a single header without parent for a source record.
     */
    private static List<Header> lineageHeaders(RecordSpec spec, int i, SeededMesh seeded, Instant at) {
        List<Header> headers = new ArrayList<>();
        List<Produced> parentRecords = new ArrayList<>();
        for (String parentTopic : spec.parents()) {
            List<Produced> candidates = seeded.produced(parentTopic);
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

    private void runConsumers(SeededMesh seeded, List<ConsumerSpec> specs)
            throws InterruptedException, TimeoutException {
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
            if (runner.spec.staysActive()) {
                seeded.addLiveGroup(runner.spec.group(), runner.stopper);
            } else {
                runner.thread.join(timeout.toMillis());
            }
        }
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
