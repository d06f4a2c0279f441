package dev.meshlens.importers.kafka;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.importers.kafka.KafkaCalls.Call;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;

/**
 * Samples records of chosen topics for record-based lineage: reads each topic's newest records, spread over its
 * partitions, at most a number of records and for at most a time ({@link SampleLimits}), never the whole topic
 * unless it is that small. Each record's {@code lineage} headers become hops ({@link RecordHop}: record id
 * {@code topic-partition@offset}, service, time, parents) for the record itself and for the ancestors its header
 * chain reveals; distinct hops go to the sink, which is then covered for {@link SourceKind#HOPS}. Records without
 * a {@code lineage} header are counted and reported, never silently dropped.
 *
 * <p>The sampler reads as a plain consumer without a group (no committed offsets, no GROUP ACL needed); the
 * principal needs READ on each sampled topic. Failures are one {@link InputException} naming the call, as with
 * {@link KafkaAdminImporter}.
 */
public final class RecordHeaderSampler {
    private static final Logger LOG = LoggerFactory.getLogger(RecordHeaderSampler.class);
    private static final Duration POLL_SLICE = Duration.ofMillis(200);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_POLL_RECORDS = 500;

    static final Call CREATE = new Call("KafkaConsumer.create", "to sample records", "READ");
    static final Call PARTITIONS_FOR = new Call("KafkaConsumer.partitionsFor", "to sample its records (partitionsFor)",
            "DESCRIBE");
    static final Call OFFSETS = new Call("KafkaConsumer.endOffsets", "to sample its records (endOffsets)",
            "DESCRIBE");
    static final Call POLL = new Call("KafkaConsumer.poll", "to sample its records (poll)", "READ");

    private final KafkaClientConfig client;
    private final KafkaImportOptions options;

    /**
     * @param client  how to reach the cluster
     * @param options the timeout bounding every metadata wait, progress and cancellation (its sources are ignored)
     */
    public RecordHeaderSampler(KafkaClientConfig client, KafkaImportOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Samples {@code topics}, in order, and sends the hops found to {@code sink}.
     *
     * @return what each topic held
     * @throws IllegalArgumentException when {@code topics} is empty
     * @throws InputException           naming the call when a topic does not exist, the principal may not read
     *                                  it, or the cluster does not answer
     * @throws CancellationException    when the options' cancellation flag was set
     */
    public SamplingResult sample(List<String> topics, SampleLimits limits, MeshSink sink) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(sink, "sink");
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("no topic to sample");
        }
        options.cancellation().throwIfCancelled();
        KafkaCalls calls = new KafkaCalls(client, options.timeout(), options.cancellation());
        Set<RecordHop> hops = new LinkedHashSet<>();
        List<TopicSample> samples = new ArrayList<>();
        for (String topic : new LinkedHashSet<>(topics)) {
            // a consumer per topic: unassigning partitions with fetches in flight makes the client warn
            KafkaConsumer<byte[], byte[]> consumer = createConsumer(calls, limits);
            try {
                samples.add(sampleTopic(consumer, calls, topic, limits, hops));
            } finally {
                consumer.close(CloseOptions.timeout(options.cancellation().isCancelled() ? Duration.ZERO
                        : CLOSE_TIMEOUT));
            }
        }
        hops.forEach(sink::hop);
        sink.cover(SourceKind.HOPS);
        return new SamplingResult(samples, hops.size());
    }

    private KafkaConsumer<byte[], byte[]> createConsumer(KafkaCalls calls, SampleLimits limits) {
        Properties props = client.clientProperties();
        // no group: nothing is committed, no GROUP ACL is needed, the cluster's groups stay as they are
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                String.valueOf(Math.min(MAX_POLL_RECORDS, limits.recordsPerTopic())));
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, calls.timeout().toMillis());
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs));
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs));
        props.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, "meshlens-sample");
        try {
            return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        } catch (KafkaException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new InputException(CREATE.name(), 0, "cannot create a client from " + client.source() + ": "
                    + cause.getMessage(), e);
        }
    }

    private TopicSample sampleTopic(KafkaConsumer<byte[], byte[]> consumer, KafkaCalls calls, String topic,
                                    SampleLimits limits, Set<RecordHop> hops) {
        options.cancellation().throwIfCancelled();
        String step = "sample " + topic;
        options.progress().started(step, "sampling " + topic + " (up to " + limits.recordsPerTopic()
                + " records, " + KafkaCalls.seconds(limits.timePerTopic()) + ")");
        long start = System.nanoTime();
        Map<TopicPartition, Long> ends = new HashMap<>();
        Map<TopicPartition, Long> starts = plan(consumer, calls, topic, limits, ends);
        int partitions = ends.size();
        long deadline = start + limits.timePerTopic().toNanos();
        long records = 0;
        long withLineage = 0;
        long withoutLineage = 0;
        long malformed = 0;
        int hopsBefore = hops.size();
        boolean timeLimitReached = false;
        consumer.assign(starts.keySet());
        starts.forEach(consumer::seek);
        Set<TopicPartition> open = new LinkedHashSet<>(starts.keySet());
        while (!open.isEmpty() && records < limits.recordsPerTopic()) {
            options.cancellation().throwIfCancelled();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                timeLimitReached = true;
                break;
            }
            ConsumerRecords<byte[], byte[]> polled = poll(consumer, calls, Duration.ofNanos(Math.min(left,
                    POLL_SLICE.toNanos())));
            for (ConsumerRecord<byte[], byte[]> record : polled) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= ends.get(tp) || records >= limits.recordsPerTopic()) {
                    continue; // written after the sample began, or over the limit
                }
                records++;
                List<byte[]> values = new ArrayList<>();
                for (Header header : record.headers().headers(LineageHeaders.HEADER)) {
                    values.add(header.value());
                }
                if (values.isEmpty()) {
                    withoutLineage++;
                    continue;
                }
                withLineage++;
                LineageHeaders.Parsed parsed = LineageHeaders.parse(
                        record.topic() + "-" + record.partition() + "@" + record.offset(), values);
                malformed += parsed.malformed();
                hops.addAll(parsed.hops());
            }
            open.removeIf(tp -> position(consumer, calls, tp) >= ends.get(tp));
        }
        if (withoutLineage > 0) {
            LOG.info("{}: {} of {} sampled records carry no lineage header", topic, withoutLineage, records);
        }
        if (malformed > 0) {
            LOG.warn("{}: {} lineage headers could not be read (not JSON with a service, or a bad time)", topic,
                    malformed);
        }
        TopicSample sample = new TopicSample(topic, partitions, records, withLineage, withoutLineage, malformed,
                hops.size() - hopsBefore, timeLimitReached, Duration.ofNanos(System.nanoTime() - start));
        options.progress().finished(new StepResult(step, records, sample.summary(), sample.elapsed()));
        return sample;
    }

    /**
     * Where to start each partition: its newest records within the limit.
     *
     * @param ends filled with each partition's end offset at the start of the sample
     * @return the start offset of each partition that has records to read
     */
    private Map<TopicPartition, Long> plan(KafkaConsumer<byte[], byte[]> consumer, KafkaCalls calls, String topic,
                                           SampleLimits limits, Map<TopicPartition, Long> ends) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, calls.timeout());
        } catch (KafkaException e) {
            throw calls.failure(PARTITIONS_FOR, e, topic);
        }
        if (infos == null || infos.isEmpty()) {
            throw new InputException(PARTITIONS_FOR.name(), 0, "no topic '" + topic + "' on the cluster at "
                    + client.bootstrapServers());
        }
        List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition()))
                .toList();
        Map<TopicPartition, Long> begins;
        try {
            begins = consumer.beginningOffsets(partitions, calls.timeout());
            ends.putAll(consumer.endOffsets(partitions, calls.timeout()));
        } catch (KafkaException e) {
            throw calls.failure(OFFSETS, e, topic);
        }
        Map<Integer, SamplePlan.Range> ranges = new TreeMap<>();
        ends.forEach((tp, end) -> ranges.put(tp.partition(), new SamplePlan.Range(begins.getOrDefault(tp, 0L), end)));
        Map<TopicPartition, Long> starts = new HashMap<>();
        SamplePlan.quotas(ranges, limits.recordsPerTopic())
                .forEach((partition, quota) -> {
                    TopicPartition tp = new TopicPartition(topic, partition);
                    starts.put(tp, ends.get(tp) - quota);
                });
        return starts;
    }

    private static ConsumerRecords<byte[], byte[]> poll(KafkaConsumer<byte[], byte[]> consumer, KafkaCalls calls,
                                                        Duration timeout) {
        try {
            return consumer.poll(timeout);
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the import was interrupted");
        } catch (KafkaException e) {
            throw calls.failure(POLL, e);
        }
    }

    private static long position(KafkaConsumer<byte[], byte[]> consumer, KafkaCalls calls, TopicPartition tp) {
        try {
            return consumer.position(tp, calls.timeout());
        } catch (KafkaException e) {
            throw calls.failure(POLL, e);
        }
    }
}
