package dev.meshlens.bench;

import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.importers.CatalogImporter;
import dev.meshlens.importers.file.FileKind;
import dev.meshlens.importers.file.ImportProgress;
import dev.meshlens.synthetic.SyntheticAclListing;
import dev.meshlens.synthetic.SyntheticMesh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * File import at scale, in a JVM of its own with a bounded heap: a {@code kafka-acls --list} output of an exact
 * number of lines and the matching {@code kafka-consumer-groups} listings (offsets and states of the same
 * synthetic mesh) imported as one snapshot through {@link CatalogImporter}, as {@code meshlens import} does.
 * Reports lines per second over all files, each file's own reading rate, the commit, and the peak heap.
 */
final class ImportPhase {
    private static final Logger LOG = LoggerFactory.getLogger(ImportPhase.class);

    private final Path work;
    private final long lines;
    private final long seed;

    ImportPhase(Args args) {
        this.work = Path.of(args.get("work"));
        this.lines = args.getLong("lines", 1_000_000);
        this.seed = args.getLong("seed", 42);
    }

    void run() throws IOException {
        Stores.recreate(work);
        Path acls = work.resolve("acls.txt");
        Path groups = work.resolve("groups.txt");
        Path states = work.resolve("groups-state.txt");
        SyntheticAclListing.Stats stats;
        try (Writer out = writer(acls)) {
            stats = SyntheticAclListing.write(out, lines, seed);
        }
        SyntheticMesh mesh = SyntheticMesh.generate(stats.meshSpec(), seed);
        try (Writer out = writer(groups)) {
            mesh.writeGroupOffsets(out);
        }
        try (Writer out = writer(states)) {
            mesh.writeGroupStates(out);
        }
        mesh = null; // the import must not find the generator's arrays on the heap
        long aclLines = countLines(acls);
        long groupLines = countLines(groups) + countLines(states);
        LOG.info("import: {} ACL lines ({} MiB), {} group lines ({} MiB) written", aclLines,
                Math.round(Stores.sizeMb(acls)), groupLines, Math.round(Stores.sizeMb(groups) + Stores.sizeMb(states)));

        Map<Path, long[]> fileTimes = new LinkedHashMap<>();
        ImportProgress progress = new ImportProgress() {
            @Override
            public void started(Path file, FileKind kind) {
                fileTimes.put(file, new long[] {System.nanoTime(), 0, 0});
            }

            @Override
            public void finished(Path file, FileKind kind, long fileLines) {
                long[] t = fileTimes.get(file);
                t[1] = System.nanoTime();
                t[2] = fileLines;
            }
        };
        Heap.settle();
        Samples samples = new Samples();
        long[] end = new long[1];
        Snapshot[] snapshot = new Snapshot[1];
        long peak;
        try (CatalogStore store = CatalogStore.open(Stores.url(work))) {
            CatalogImporter importer = new CatalogImporter(store, progress);
            peak = Heap.peakDuring(() -> Clock.time(samples, () -> {
                snapshot[0] = importer.importPaths(SyntheticMesh.CLUSTER, List.of(acls, groups, states),
                        Optional.empty(), Stores.DAY_ZERO);
                end[0] = System.nanoTime();
            }));
        }
        long total = aclLines + groupLines;
        double seconds = samples.totalMs() / 1000;
        long lastRead = fileTimes.values().stream().mapToLong(t -> t[1]).max().orElse(end[0]);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("lines", total);
        fields.put("acl_lines", aclLines);
        fields.put("group_lines", groupLines);
        fields.put("lines_per_s", Math.round(total / seconds));
        fields.put("acl_read_lines_per_s", Math.round(aclLines / secondsOf(fileTimes.get(acls))));
        fields.put("commit_ms", (end[0] - lastRead) / 1e6);
        fields.put("peak_heap_mb", Heap.mb(peak));
        fields.put("jvm_heap_limit_mb", Heap.maxMb());
        fields.put("file_mb", Stores.sizeMb(acls) + Stores.sizeMb(groups) + Stores.sizeMb(states));
        fields.put("disk_mb", Stores.sizeMb(Stores.file(work)));
        fields.put("snapshot", snapshot[0].id());
        Report.emit(Result.of("file-import", label(lines), "engine", samples, fields));
    }

    /** {@code 1M}, {@code 100k}, or the number itself. */
    static String label(long lines) {
        if (lines % 1_000_000 == 0) {
            return lines / 1_000_000 + "M lines";
        }
        if (lines % 1000 == 0) {
            return lines / 1000 + "k lines";
        }
        return lines + " lines";
    }

    private static double secondsOf(long[] times) {
        return times == null || times[1] == 0 ? Double.NaN : (times[1] - times[0]) / 1e9;
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20);
    }

    /** Lines as a text reader counts them: line breaks, plus one for a last line without a break. */
    static long countLines(Path file) throws IOException {
        long count = 0;
        int last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        return last == '\n' ? count : count + 1;
    }
}
