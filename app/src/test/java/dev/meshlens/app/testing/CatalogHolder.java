package dev.meshlens.app.testing;

import dev.meshlens.app.cli.CatalogLocation;
import dev.meshlens.engine.store.CatalogStore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Another Meshlens holding a catalog open, in a JVM of its own (H2 locks a file per process, so only a second
 * process shows what a second window sees). {@link #main} opens the catalog read-write, prints {@code ready}
 * and keeps it open until its stdin ends.
 */
public final class CatalogHolder implements AutoCloseable {
    private final Process process;

    private CatalogHolder(Process process) {
        this.process = process;
    }

    /** Starts a process holding the catalog at {@code jdbcUrl} and waits until it has opened it. */
    public static CatalogHolder holding(String jdbcUrl) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CatalogHolder.class.getName(), jdbcUrl))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.equals("ready") && !line.startsWith("failed")) {
            line = out.readLine();
        }
        CatalogHolder holder = new CatalogHolder(process);
        if (!"ready".equals(line)) {
            holder.close();
            throw new IllegalStateException("the holder could not open " + jdbcUrl + ": " + line);
        }
        return holder;
    }

    public static void main(String[] args) throws IOException {
        try (CatalogStore store = CatalogLocation.open(args[0], Map.of())) {
            // the test reads this line: the only output of this process
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the catalog until the test closes our stdin
            }
        } catch (RuntimeException e) {
            System.out.println("failed " + e.getMessage());
        }
    }

    /** Lets the other process close the catalog and waits until it ended. */
    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
