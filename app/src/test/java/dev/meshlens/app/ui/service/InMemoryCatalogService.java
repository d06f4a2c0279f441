package dev.meshlens.app.ui.service;

import dev.meshlens.app.ui.task.TaskContext;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A catalog held in memory, for view-model and component tests: snapshots added directly or by importing files
 * through a given reader, each with the topic facts a given function derives. Imports are all or nothing, as
 * the real store's are.
 */
public final class InMemoryCatalogService implements CatalogService {

    /** Reads one file into a sink, as the file importers do. */
    @FunctionalInterface
    public interface FileReader {
        void read(Path file, MeshSink sink) throws IOException;
    }

    private record Entry(Snapshot snapshot, MeshContent content) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final FileReader reader;
    private final Function<MeshContent, Map<String, TopicFacts>> facts;
    private final Clock clock;
    private boolean closed;
    private List<MeshContent> demo = List.of();

    /**
     * @param reader reads imported files
     * @param facts  derives the topic facts of a snapshot's content
     */
    public InMemoryCatalogService(FileReader reader, Function<MeshContent, Map<String, TopicFacts>> facts,
                                  Clock clock) {
        this.reader = reader;
        this.facts = facts;
        this.clock = clock;
    }

    /** Adds a snapshot of {@code cluster} whose content is {@code content}, taken at {@code snapshot.takenAt()}. */
    public synchronized Snapshot add(String cluster, java.time.Instant takenAt, String origin, MeshContent content) {
        Snapshot snapshot = new Snapshot(entries.size() + 1L, takenAt, cluster, content.sources(), origin);
        entries.add(new Entry(snapshot, content));
        return snapshot;
    }

    /** Sets what {@link #importDemo} imports: one snapshot of cluster {@code demo} per content. */
    public synchronized void setDemo(List<MeshContent> contents) {
        this.demo = List.copyOf(contents);
    }

    /** How many snapshots there are, of every cluster. */
    public synchronized int snapshotCount() {
        return entries.size();
    }

    /** Whether {@link #close()} was called. */
    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public String location() {
        return "memory:test";
    }

    @Override
    public String name() {
        return "test catalog";
    }

    @Override
    public synchronized List<String> clusters() {
        return entries.stream().map(e -> e.snapshot().cluster()).distinct().sorted().toList();
    }

    @Override
    public synchronized List<Snapshot> snapshots(String cluster) {
        return entries.stream().map(Entry::snapshot).filter(s -> s.cluster().equals(cluster))
                .sorted(Comparator.comparingLong(Snapshot::id)).toList();
    }

    @Override
    public synchronized LoadedCatalog load(String cluster, long snapshotId) {
        List<Snapshot> all = snapshots(cluster);
        Snapshot asOf = all.stream().filter(s -> s.id() == snapshotId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no snapshot #" + snapshotId + " of " + cluster));
        MeshContent content = stateAsOf(cluster, snapshotId);
        Map<SourceKind, Snapshot> sources = new EnumMap<>(SourceKind.class);
        for (Entry e : entries) {
            if (e.snapshot().cluster().equals(cluster) && e.snapshot().id() <= snapshotId) {
                e.content().sources().forEach(s -> sources.put(s, e.snapshot()));
            }
        }
        CatalogState state = new CatalogState(cluster, asOf, sources, content);
        return new LoadedCatalog(state, all.get(all.size() - 1), new MapCatalogFacts(facts.apply(content)));
    }

    /** Per source, the newest content at or before the snapshot, as the store defines "as of". */
    private MeshContent stateAsOf(String cluster, long snapshotId) {
        Map<SourceKind, MeshContent> bySource = new EnumMap<>(SourceKind.class);
        for (Entry e : entries) {
            if (e.snapshot().cluster().equals(cluster) && e.snapshot().id() <= snapshotId) {
                e.content().sources().forEach(s -> bySource.put(s, e.content()));
            }
        }
        MeshContent.Collector merged = new MeshContent.Collector();
        bySource.forEach((source, content) -> {
            merged.cover(source);
            switch (source) {
                case ACLS -> content.acls().forEach(merged::acl);
                case TOPICS -> content.topics().forEach(merged::topic);
                case GROUPS -> content.groups().forEach(merged::group);
                case CATALOG -> content.products().forEach(merged::product);
                case SERVICES -> content.services().forEach(merged::service);
                case GROUP_MAPPING -> content.groupMappings().forEach(merged::groupMapping);
                case SCHEMAS -> content.schemas().forEach(merged::schema);
                case HOPS -> content.hops().forEach(merged::hop);
                default -> throw new IllegalStateException("unknown source " + source);
            }
        });
        return merged.content();
    }

    @Override
    public Snapshot importFiles(String cluster, List<Path> files, TaskContext context) throws IOException {
        MeshContent.Collector collected = new MeshContent.Collector();
        MeshSink sink = new CancellableSink(collected, context);
        for (int i = 0; i < files.size(); i++) {
            context.checkCancelled();
            Path file = files.get(i);
            context.updateMessage("Reading " + file.getFileName());
            context.log("Reading " + file.getFileName());
            reader.read(file, sink);
            context.updateProgress(i + 1, files.size());
        }
        context.checkCancelled();
        synchronized (this) {
            return add(cluster, clock.instant(), files.stream().map(p -> p.getFileName().toString()).toList()
                    .toString(), collected.content());
        }
    }

    @Override
    public synchronized List<Snapshot> importDemo(TaskContext context) {
        List<Snapshot> added = new ArrayList<>();
        for (MeshContent content : demo) {
            added.add(add("demo", clock.instant(), "demo", content));
        }
        return added;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
