package dev.meshlens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

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
     * The highest heap use seen while {@code work} runs, sampled every few milliseconds by a daemon thread (the
     * pools' own peak counters are no help here: summed over pools they overstate, as pools peak at different
     * moments). What is in use includes garbage not yet collected, so this is an upper bound of what the work
     * needs; the JVM's heap limit bounds it too.
     *
     * @return bytes
     */
    static long peakDuring(Runnable work) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            work.run();
        } finally {
            done.set(true);
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }
        return peak.get();
    }
}
