package dev.meshlens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/** Heap measurements: live heap after full collections, and the peak heap while something runs. */
final class Heap {
    private static final long MIB = 1024 * 1024;

    private Heap() {
    }

    /**
     * The heap in use after full collections: {@code System.gc()} (a full collection on G1, the default) until
     * the used heap stops shrinking, at most five times.
     *
     * @return bytes
     */
    static long usedAfterFullGc() {
        long previous = Long.MAX_VALUE;
        long used = used();
        for (int i = 0; i < 5 && used < previous; i++) {
            previous = used;
            System.gc();
            used = used();
        }
        return Math.min(used, previous);
    }

    /** Collects garbage between measured phases, so that one phase's garbage is not collected in the next. */
    static void settle() {
        usedAfterFullGc();
    }

    /** Bytes of heap in use now. */
    static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** The maximum heap of this JVM in MiB. */
    static long maxMb() {
        return Runtime.getRuntime().maxMemory() / MIB;
    }

    /** {@code bytes} in MiB. */
    static double mb(long bytes) {
        return bytes / (double) MIB;
    }

    /**
     * The highest heap use seen while {@code work} runs: the sum of the heap pools' peaks after resetting them
     * (the JVM tracks these at every collection and allocation-region change, so short peaks are not missed; the
     * sum slightly overstates a peak when pools peak at different moments).
     *
     * @return bytes
     */
    static long peakDuring(Runnable work) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        work.run();
        return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
