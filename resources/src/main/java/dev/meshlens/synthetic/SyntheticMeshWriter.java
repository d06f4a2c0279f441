package dev.meshlens.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The command line of the generator:
 * <pre>
 * java -cp ... dev.meshlens.synthetic.SyntheticMeshWriter M /tmp/mesh-m --seed 42
 * java -cp ... dev.meshlens.synthetic.SyntheticMeshWriter 25000 /tmp/mesh-25k
 * java -cp ... dev.meshlens.synthetic.SyntheticMeshWriter --acl-lines 1000000 /tmp/acls-1m.txt
 * </pre>
 * The first two write every importable file of a mesh of that size (S, M, L or a number of products) into a
 * directory; the third writes a {@code kafka-acls --list} output of exactly that many lines. The seed defaults
 * to 42. Prints what it wrote, with sizes and timings. Exit status: 0 done, 1 a file could not be written,
 * 2 bad arguments.
 */
public final class SyntheticMeshWriter {
    static final long DEFAULT_SEED = 42;
    private static final String USAGE = """
            usage: SyntheticMeshWriter <S|M|L|products> <directory> [--seed <n>]
                   SyntheticMeshWriter --acl-lines <lines> <file> [--seed <n>]""";

    private SyntheticMeshWriter() {
    }

    /** Runs the command line and exits with its status; see the class comment for the arguments. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line.
     *
     * @return the exit status: 0 done, 1 a file could not be written, 2 bad arguments
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> positional = new java.util.ArrayList<>();
        long seed = DEFAULT_SEED;
        Long aclLines = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                    case "--acl-lines" -> aclLines = Long.parseLong(value(args, ++i, "--acl-lines").replace("_", ""));
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> positional.add(args[i]);
                }
            }
            if (aclLines != null) {
                if (positional.size() != 1) {
                    throw new IllegalArgumentException("--acl-lines needs exactly one output file");
                }
                return aclListing(aclLines, Path.of(positional.get(0)), seed, out, err);
            }
            if (positional.size() != 2) {
                throw new IllegalArgumentException("expected a size and a directory");
            }
            return mesh(spec(positional.get(0)), Path.of(positional.get(1)), seed, out, err);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    static MeshSpec spec(String size) {
        if (size.chars().allMatch(Character::isDigit) && !size.isEmpty()) {
            return MeshSpec.ofProducts(Integer.parseInt(size));
        }
        return MeshSize.parse(size).spec();
    }

    private static int mesh(MeshSpec spec, Path directory, long seed, PrintStream out, PrintStream err) {
        long start = System.nanoTime();
        SyntheticMesh mesh = SyntheticMesh.generate(spec, seed);
        long generated = System.nanoTime();
        out.printf(Locale.ROOT, "generated %,d products in %d domains, %,d services, %,d groups, %,d edges"
                        + " (seed %d) in %.1f s%n", mesh.productCount(), spec.domains(), mesh.serviceCount(),
                mesh.groupCount(), mesh.edgeCount(), seed, (generated - start) / 1e9);
        List<Path> files;
        try {
            files = mesh.writeFiles(directory);
        } catch (IOException | UncheckedIOException e) {
            err.println("error: cannot write " + directory + ": " + e.getMessage());
            return 1;
        }
        long written = System.nanoTime();
        long total = 0;
        for (Path file : files) {
            long size = size(file);
            total += size;
            out.printf(Locale.ROOT, "  %-18s %,15d bytes%n", file.getFileName(), size);
        }
        out.printf(Locale.ROOT, "wrote %,d bytes to %s in %.1f s; big fan-out product %s (%,d direct consumers)%n",
                total, directory, (written - generated) / 1e9, mesh.bigFanOutProduct(),
                mesh.directConsumerCount(mesh.bigFanOutProduct()));
        return 0;
    }

    private static int aclListing(long lines, Path file, long seed, PrintStream out, PrintStream err) {
        long start = System.nanoTime();
        SyntheticAclListing.Stats stats;
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (Writer writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
                stats = SyntheticAclListing.write(writer, lines, seed);
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("error: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        out.printf(Locale.ROOT, "wrote %,d lines (%,d resources, %,d bindings, from a %,d-product mesh) to %s,"
                        + " %,d bytes, in %.1f s%n", stats.lines(), stats.resources(), stats.bindings(),
                stats.meshSpec().products(), file, size(file), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
