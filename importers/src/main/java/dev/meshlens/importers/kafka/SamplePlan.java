package dev.meshlens.importers.kafka;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where to start reading each partition so that a sample holds the newest records, at most {@code limit} in all,
 * spread over the partitions as evenly as their records allow: a partition with few records gives all it has and
 * leaves its share to the others.
 */
final class SamplePlan {

    /** A partition's readable range: offsets from {@code begin} (inclusive) to {@code end} (exclusive). */
    record Range(long begin, long end) {
        long size() {
            return Math.max(0, end - begin);
        }
    }

    private SamplePlan() {
    }

    /**
     * @param ranges by partition, the readable offsets
     * @param limit  the most records to read in all
     * @return by partition, how many of its newest records to read; partitions with none left out
     */
    static Map<Integer, Long> quotas(Map<Integer, Range> ranges, long limit) {
        List<Map.Entry<Integer, Range>> bySize = new ArrayList<>(ranges.entrySet());
        bySize.sort(Comparator.comparingLong((Map.Entry<Integer, Range> e) -> e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        Map<Integer, Long> quotas = new TreeMap<>();
        long remaining = Math.max(0, limit);
        int left = bySize.size();
        for (Map.Entry<Integer, Range> e : bySize) {
            long share = left == 0 ? 0 : (remaining + left - 1) / left;
            long take = Math.min(e.getValue().size(), share);
            if (take > 0) {
                quotas.put(e.getKey(), take);
            }
            remaining -= take;
            left--;
        }
        return quotas;
    }
}
