package dev.meshlens.importers.kafka;

import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.importers.ImportSource;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A live cluster as one part of an import: its ACLs, topics and consumer groups ({@link KafkaAdminImporter}),
 * then, when topics are chosen, a sample of their records' lineage headers ({@link RecordHeaderSampler}). Its
 * origin is {@code kafka:<bootstrap.servers>}. After {@link #readInto(MeshSink)} the results tell what was read.
 * Single use.
 */
public final class KafkaSource implements ImportSource {
    private final KafkaClientConfig client;
    private final KafkaImportOptions options;
    private final List<String> sampleTopics;
    private final SampleLimits limits;
    private KafkaImportResult adminResult;
    private SamplingResult samplingResult;

    /**
     * @param sampleTopics topics whose records to sample; empty to sample none (the import then does not cover
     *                     hops, and the hops of earlier imports stay in force)
     * @param limits       how much of each topic to sample
     */
    public KafkaSource(KafkaClientConfig client, KafkaImportOptions options, List<String> sampleTopics,
                       SampleLimits limits) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
        this.sampleTopics = List.copyOf(sampleTopics);
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public String origin() {
        return client.origin();
    }

    /**
     * Reads the cluster, then samples the chosen topics.
     *
     * @throws dev.meshlens.engine.model.InputException          naming the failed call
     * @throws java.util.concurrent.CancellationException when the options' cancellation flag was set
     */
    @Override
    public void readInto(MeshSink sink) {
        adminResult = new KafkaAdminImporter(client, options).importTo(sink);
        if (!sampleTopics.isEmpty()) {
            samplingResult = new RecordHeaderSampler(client, options).sample(sampleTopics, limits, sink);
        }
    }

    /** What the Admin API steps read, once {@link #readInto(MeshSink)} has run. */
    public Optional<KafkaImportResult> adminResult() {
        return Optional.ofNullable(adminResult);
    }

    /** What the sample found, once {@link #readInto(MeshSink)} has run with topics to sample. */
    public Optional<SamplingResult> samplingResult() {
        return Optional.ofNullable(samplingResult);
    }

    @Override
    public String toString() {
        return "KafkaSource[" + origin() + "]";
    }
}
