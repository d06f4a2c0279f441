package dev.meshlens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Wall and current-thread CPU clocks. */
final class Clock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    private Clock() {
    }

    /** The current thread's CPU time in nanoseconds, or -1 when the JVM cannot tell. */
    static long cpu() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** Runs {@code work} once and adds its wall and CPU time to {@code samples}. */
    static void time(Samples samples, Runnable work) {
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        work.run();
        long t1 = System.nanoTime();
        long cpu1 = cpu();
        samples.add(t1 - t0, cpu0 < 0 ? -1 : cpu1 - cpu0);
    }
}
