package dev.meshlens.app.cli;

import dev.meshlens.engine.export.ExportException;
import dev.meshlens.engine.export.ExportVerifier;
import dev.meshlens.engine.export.Verification;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code meshlens verify DIR}: recomputes the SHA-256 of every file of an export and compares them with its
 * manifest. Needs no catalog.
 */
@Command(name = "verify", description = {
        "Check an export directory against its MANIFEST.json: every file's SHA-256, files added or removed, and the "
                + "manifest's own seal.",
        "Exit 0 and 'verified N files' when nothing was altered; exit 1 naming every changed, added or removed "
                + "file; exit 2 when DIR is not an export."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The export directory.")
    Path dir;

    @Override
    public Integer call() {
        Verification verification;
        try {
            verification = ExportVerifier.verify(dir);
        } catch (ExportException e) {
            throw new CliException(e.getMessage());
        }
        var out = spec.commandLine().getOut();
        if (verification.ok()) {
            out.println("verified " + verification.verified().size() + " files");
            return MeshlensCli.EXIT_OK;
        }
        verification.problems().forEach(out::println);
        out.println("verification failed: " + verification.changed().size() + " changed, "
                + verification.added().size() + " added, " + verification.removed().size() + " removed");
        return MeshlensCli.EXIT_FINDINGS;
    }
}
