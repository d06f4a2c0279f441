package dev.meshlens.synthetic;

import dev.meshlens.engine.model.Topic;
import dev.meshlens.synthetic.format.PartitionPlacement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The topics of a synthetic mesh as the cluster reports them: partitions, replicas on a small broker set,
 * ids, non-default configs and log end offsets, all derived from the seed. Kafka's own
 * {@code __consumer_offsets} is part of it, since a real {@code kafka-topics --describe} lists it too.
 */
final class TopicPlan {
    static final String CONSUMER_OFFSETS = "__consumer_offsets";
    static final int CONSUMER_OFFSETS_PARTITIONS = 50;

    private static final long SALT_TOPIC = 30;
    private static final long SALT_PLACEMENT = 31;
    private static final long SALT_VOLUME = 32;
    private static final long[] RETENTIONS = {86_400_000L, 259_200_000L, 604_800_000L, 1_209_600_000L,
        2_592_000_000L, -1L};

    private final Topology t;
    private final int brokers;

    TopicPlan(Topology topology) {
        this.t = topology;
        this.brokers = t.products <= 2_000 ? 3 : t.products <= 20_000 ? 6 : 12;
    }

    int brokers() {
        return brokers;
    }

    String brokerHost(int broker) {
        return "broker-" + broker + ".synthetic.example";
    }

    /** Every topic with its placements, {@code __consumer_offsets} first, then by name. */
    void forEach(BiConsumer<Topic, List<PartitionPlacement>> sink) {
        sink.accept(consumerOffsets(), placements(-1, CONSUMER_OFFSETS_PARTITIONS));
        for (int p : t.byName) {
            sink.accept(topic(p), placements(p, t.partitions[p]));
        }
    }

    Topic consumerOffsets() {
        Map<String, String> configs = new TreeMap<>();
        configs.put("cleanup.policy", "compact");
        configs.put("compression.type", "producer");
        configs.put("min.insync.replicas", Integer.toString(Math.max(1, replicationFactor() - 1)));
        configs.put("segment.bytes", "104857600");
        return new Topic(CONSUMER_OFFSETS, GroupPlan.uuid22(Hash.of(t.seed, SALT_TOPIC, -1)),
                CONSUMER_OFFSETS_PARTITIONS, replicationFactor(), configs);
    }

    Topic topic(int p) {
        long h = Hash.of(t.seed, SALT_TOPIC, p);
        Map<String, String> configs = new TreeMap<>();
        String entity = t.entityOf[p] < 0 ? "" : Vocabulary.ENTITIES[t.entityOf[p]];
        String event = t.eventOf[p] < 0 ? "" : Vocabulary.EVENTS[t.eventOf[p]];
        boolean compacted = event.equals("latest") || event.equals("snapshot") || event.equals("changelog")
                || entity.equals("profiles") || entity.equals("balances") || Hash.unit(h) < 0.05;
        if (compacted) {
            // a value with a comma in it, as Kafka prints it: parsers must not split configs on every comma
            configs.put("cleanup.policy", Hash.unit(Hash.mix(h + 4)) < 0.1 ? "compact,delete" : "compact");
        } else if (Hash.unit(Hash.mix(h)) < 0.4) {
            configs.put("retention.ms", Long.toString(RETENTIONS[Hash.below(Hash.mix(h + 1), RETENTIONS.length)]));
        }
        // the brokers set min.insync.replicas in server.properties: a static broker config, which
        // kafka-topics --describe lists for every topic
        configs.put("min.insync.replicas", Integer.toString(Math.max(1, replicationFactor() - 1)));
        if (Hash.unit(Hash.mix(h + 3)) < 0.03) {
            configs.put("max.message.bytes", "5242880");
        }
        return new Topic(t.topics[p], GroupPlan.uuid22(h), t.partitions[p], replicationFactor(), configs);
    }

    int replicationFactor() {
        return Math.min(3, brokers);
    }

    /** Round-robin placement from a per-topic start; one partition in 300 has a replica out of sync. */
    List<PartitionPlacement> placements(int product, int partitions) {
        int start = product < 0 ? 0 : Hash.below(Hash.of(t.seed, SALT_PLACEMENT, product), brokers);
        List<PartitionPlacement> placements = PartitionPlacement.roundRobin(partitions, replicationFactor(),
                brokers, start);
        if (product < 0) {
            return placements;
        }
        List<PartitionPlacement> result = new ArrayList<>(partitions);
        for (PartitionPlacement placement : placements) {
            long h = Hash.of(t.seed, SALT_PLACEMENT, product, placement.partition());
            if (placement.replicas().size() > 1 && Hash.unit(h) < 1.0 / 300) {
                List<Integer> isr = placement.replicas().subList(0, placement.replicas().size() - 1);
                placement = new PartitionPlacement(placement.partition(), placement.leader(), placement.replicas(),
                        isr, placement.elr(), placement.lastKnownElr());
            }
            result.add(placement);
        }
        return result;
    }

    /** The log end offset of a partition: popular topics carry more data, one topic in 50 is empty. */
    long endOffset(int product, int partition) {
        long topicHash = Hash.of(t.seed, SALT_VOLUME, product);
        if (Hash.unit(topicHash) < 0.02) {
            return 0;
        }
        double popularity = 1.0 - (double) t.rank[product] / t.products;
        double volume = StrictMath.pow(10, 2 + 5 * popularity * popularity) / t.partitions[product];
        double u = Hash.unit(Hash.of(t.seed, SALT_VOLUME, product, partition));
        return (long) (volume * (0.5 + u));
    }

    /**
     * The coordinator of a group as the model writes it, {@code host:port (id)}: the leader of the
     * {@code __consumer_offsets} partition Kafka hashes the group id to.
     */
    String coordinatorOf(String groupId) {
        int partition = (groupId.hashCode() & 0x7fffffff) % CONSUMER_OFFSETS_PARTITIONS;
        int leader = 1 + Math.floorMod(partition, brokers);
        return brokerHost(leader) + ":9092 (" + leader + ")";
    }
}
