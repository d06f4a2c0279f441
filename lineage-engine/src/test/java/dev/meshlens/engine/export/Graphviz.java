package dev.meshlens.engine.export;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Graphviz's {@code dot} from the system, for reading the DOT export with the tool it is meant for. In CI (the
 * {@code CI} environment variable set) a missing {@code dot} fails the test, since {@code .ci/run} installs it;
 * elsewhere the test is skipped with a message.
 */
final class Graphviz {
    private Graphviz() {
    }

    /** What one run of {@code dot} gave. */
    record Run(int exit, String out, String err) {
    }

    /** Runs {@code dot args...}, waiting at most a minute. */
    static Run dot(String... args) throws IOException, InterruptedException {
        Path dot = executable();
        List<String> command = new ArrayList<>(List.of(dot.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        // read both streams fully: dot may fill one pipe before it exits
        var out = new java.util.concurrent.CompletableFuture<String>();
        Thread reader = new Thread(() -> {
            try {
                out.complete(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.completeExceptionally(e);
            }
        });
        reader.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("dot did not finish within a minute");
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return new Run(process.exitValue(), out.join(), err);
    }

    private static Path executable() {
        Optional<Path> found = findOnPath();
        if (found.isEmpty()) {
            if (System.getenv("CI") != null) {
                fail("Graphviz 'dot' is not on the PATH, but CI is set: .ci/run installs graphviz, so the DOT "
                        + "export must be checked with it");
            }
            Assumptions.abort("Graphviz 'dot' is not installed (apt-get install graphviz); skipping the check "
                    + "that Graphviz reads the DOT export");
        }
        return found.get();
    }

    private static Optional<Path> findOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "dot");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
