package dev.meshlens.synthetic.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one partition lives, as {@code kafka-topics --describe} prints it.
 *
 * @param leader       the leader broker id, or null when the partition has no leader ({@code Leader: none})
 * @param replicas     the assigned replicas, preferred leader first
 * @param isr          the in-sync replicas
 * @param elr          the eligible leader replicas, or null when the broker does not report them
 *                     ({@code Elr: N/A}); empty prints {@code Elr: }
 * @param lastKnownElr the last known eligible leader replicas, or null ({@code LastKnownElr: N/A})
 */
public record PartitionPlacement(int partition, Integer leader, List<Integer> replicas, List<Integer> isr,
                                 List<Integer> elr, List<Integer> lastKnownElr) {

    public PartitionPlacement {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
        elr = elr == null ? null : List.copyOf(elr);
        lastKnownElr = lastKnownElr == null ? null : List.copyOf(lastKnownElr);
    }

    /**
     * Kafka's default placement on brokers {@code 1..brokers}: partition {@code p} starts at broker
     * {@code (start + p) % brokers}, replicas follow round robin, every replica in sync, the first one leading,
     * and empty eligible-leader lists (what a Kafka 4.x KRaft cluster reports).
     *
     * @param start             the offset of partition 0's leader, e.g. derived from the topic name
     * @param replicationFactor at most {@code brokers}
     * @throws IllegalArgumentException when the replication factor is not between 1 and {@code brokers}
     */
    public static List<PartitionPlacement> roundRobin(int partitions, int replicationFactor, int brokers, int start) {
        if (replicationFactor < 1 || replicationFactor > brokers) {
            throw new IllegalArgumentException("replication factor " + replicationFactor + " needs 1 to " + brokers
                    + " brokers");
        }
        List<PartitionPlacement> placements = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            List<Integer> replicas = new ArrayList<>(replicationFactor);
            for (int r = 0; r < replicationFactor; r++) {
                replicas.add(1 + Math.floorMod(start + p + r, brokers));
            }
            placements.add(new PartitionPlacement(p, replicas.get(0), replicas, replicas, List.of(), List.of()));
        }
        return placements;
    }
}
