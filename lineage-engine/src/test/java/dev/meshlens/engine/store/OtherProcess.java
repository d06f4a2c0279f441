package dev.meshlens.engine.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CatalogHolder} in a JVM of its own, started from this test's class path: H2 locks a file per
 * process, so only a second process shows what a second Meshlens sees.
 */
final class OtherProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;

    private OtherProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Starts a holder of the catalog at {@code url} and waits until it has opened it. */
    static OtherProcess holding(String url) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CatalogHolder.class.getName(), url))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        OtherProcess other = new OtherProcess(process);
        String first = other.nextLine();
        if (!"ready".equals(first)) {
            other.close();
            throw new IllegalStateException("the other process did not open the catalog: " + first);
        }
        return other;
    }

    /** Lands a snapshot of {@code acls} ACLs in the other process. */
    long importAcls(int acls) throws IOException {
        in.println("import " + acls);
        String reply = nextLine();
        if (reply == null || !reply.startsWith("imported ")) {
            throw new IllegalStateException("the other process could not import: " + reply);
        }
        return Long.parseLong(reply.substring("imported ".length()));
    }

    private String nextLine() throws IOException {
        String line = out.readLine();
        // logback may print its status to stdout: skip everything that is not an answer
        while (line != null && !(line.equals("ready") || line.startsWith("imported ") || line.startsWith("failed "))) {
            line = out.readLine();
        }
        return line;
    }

    /** Asks the other process to close the catalog and waits until it ended. */
    @Override
    public void close() throws IOException {
        in.println("exit");
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
