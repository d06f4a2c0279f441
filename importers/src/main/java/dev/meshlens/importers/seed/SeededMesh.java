package dev.meshlens.importers.seed;

import org.apache.kafka.common.header.Header;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A seeded scenario whose active consumer groups keep a live member until they are stopped, one by one with
 * {@link #stop(String)} or all with {@link #close()}. It also remembers the records written so far, so that
 * {@link ScenarioSeeder#seedLater(SeededMesh, MeshScenario.Later)} can derive new records from them.
 * Thread-safe.
 */
public final class SeededMesh implements AutoCloseable {
    /** Live groups by id, in the order they started. */
    private final Map<String, Runnable> stoppers = new LinkedHashMap<>();
    private final Map<String, List<Produced>> producedByTopic = new HashMap<>();
    /** When the next batch of records starts. */
    private Instant clock;

    /** @param baseTime the time of the first record's lineage header */
    SeededMesh(Instant baseTime) {
        this.clock = baseTime;
    }

    /** How many groups still have a live member. */
    public synchronized int activeGroups() {
        return stoppers.size();
    }

    /** The groups that still have a live member. */
    public synchronized Set<String> activeGroupIds() {
        return Set.copyOf(stoppers.keySet());
    }

    /**
     * Stops the live member of one group; the group becomes Empty once the member has left. Returns when the
     * member's thread has ended (bounded by the seeder's timeout).
     *
     * @throws IllegalArgumentException when {@code groupId} has no live member here
     */
    public void stop(String groupId) {
        Runnable stopper;
        synchronized (this) {
            stopper = stoppers.remove(groupId);
            if (stopper == null) {
                throw new IllegalArgumentException("group '" + groupId + "' has no live member; live groups are "
                        + stoppers.keySet());
            }
        }
        stopper.run();
    }

    /** Stops the live members; their groups become Empty. Idempotent. */
    @Override
    public void close() {
        List<Runnable> toStop;
        synchronized (this) {
            toStop = new ArrayList<>(stoppers.values());
            stoppers.clear();
        }
        toStop.forEach(Runnable::run);
    }

    synchronized void addLiveGroup(String groupId, Runnable stopper) {
        stoppers.put(groupId, stopper);
    }

    /** The records written to {@code topic} so far, in the order written; null when none were. */
    synchronized List<Produced> produced(String topic) {
        return producedByTopic.get(topic);
    }

    synchronized void addProduced(String topic, List<Produced> produced) {
        producedByTopic.computeIfAbsent(topic, t -> new ArrayList<>()).addAll(produced);
    }

    /**
     * Reserves the lineage header times of a batch of {@code records} records and returns the first: the records
     * of a batch are one second apart, and a batch starts a minute after the last record of the batch before,
     * so every record is later than every record it can derive from.
     */
    synchronized Instant startBatch(int records) {
        Instant start = clock;
        clock = start.plusSeconds(records + 60L);
        return start;
    }

    /**
     * A record written by the seeder.
     *
     * @param recordId {@code topic-partition@offset}
     * @param headers  its {@code lineage} headers, which records derived from it continue
     */
    record Produced(String recordId, List<Header> headers) {
        Produced {
            headers = List.copyOf(headers);
        }
    }
}
