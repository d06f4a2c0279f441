package dev.meshlens.app.ui.canvas.trace;

import dev.meshlens.app.ui.canvas.CanvasHost;
import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.task.BackgroundTask;
import dev.meshlens.app.ui.task.TaskExecutor;
import dev.meshlens.engine.trace.RecordId;
import dev.meshlens.engine.trace.RecordLineage;
import dev.meshlens.engine.trace.RecordTrace;
import dev.meshlens.engine.trace.TraceGap;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Record trace (issue #6, item 6): the user enters or picks a record id; the engine's {@link RecordLineage} traces
 * its ancestors and descendants and the canvas draws them as a chain with service and time per hop, gaps marked and
 * explained here. Call {@link #load()} when the mode is entered (it indexes the snapshot's record hops). Used on
 * the JavaFX thread.
 */
public final class TraceViewModel {
    /** How many completions {@link #suggestions(String)} offers. */
    public static final int SUGGESTIONS = 15;
    private static final Logger LOG = LoggerFactory.getLogger(TraceViewModel.class);

    private final CanvasHost host;
    private final TaskExecutor executor;
    private final TraceGraphBuilder builder;
    private final StringProperty recordId = new SimpleStringProperty(this, "recordId", "");
    private final ObservableList<String> records = FXCollections.observableArrayList();
    private final ObservableList<TraceGap> gaps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private volatile RecordLineage lineage;
    /** The catalog {@link #lineage} indexes: the canvas may have moved to another snapshot since. */
    private volatile LoadedCatalog indexed;
    private volatile List<String> known = List.of();

    /**
     * @param host     the canvas; its catalog's record hops are traced
     * @param executor indexes the hops and traces off the JavaFX thread
     * @param zone     the zone hop times are shown in
     */
    public TraceViewModel(CanvasHost host, TaskExecutor executor, ZoneId zone) {
        this.host = Objects.requireNonNull(host, "host");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.builder = new TraceGraphBuilder(zone);
    }

    /** Indexes the record hops of the host's snapshot on a background task, for the pick list and completion. */
    public void load() {
        LoadedCatalog catalog = host.catalog();
        executor.execute(BackgroundTask.of("Indexing record hops", ctx -> index(catalog))
                .onSuccess(ids -> {
                    records.setAll(ids);
                    message.set(ids.isEmpty() ? "This snapshot has no record hops: import record lineage headers "
                            + "or a trace log to trace records." : "");
                })
                .onFailure(e -> {
                    LOG.warn("Indexing record hops failed", e);
                    message.set("Cannot read the record hops of this snapshot: " + e.getMessage());
                }));
    }

    private List<String> index(LoadedCatalog catalog) {
        RecordLineage built = RecordLineage.of(catalog.state(), catalog.lineage());
        List<String> ids = new ArrayList<>(built.graph().vertexSet());
        ids.sort(RecordId.TEXT_ORDER);
        lineage = built;
        indexed = catalog;
        known = List.copyOf(ids);
        return known;
    }

    /**
     * Up to {@value #SUGGESTIONS} known record ids containing {@code typed} (case ignored), those starting with it
     * first, each group in record id order. Safe from any thread (completion asks from its own).
     */
    public List<String> suggestions(String typed) {
        String wanted = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<String> starting = new ArrayList<>();
        List<String> containing = new ArrayList<>();
        for (String id : known) {
            String lower = id.toLowerCase(Locale.ROOT);
            if (lower.startsWith(wanted)) {
                starting.add(id);
            } else if (lower.contains(wanted)) {
                containing.add(id);
            }
        }
        starting.addAll(containing);
        return List.copyOf(starting.subList(0, Math.min(SUGGESTIONS, starting.size())));
    }

    /** Picks {@code id} from the list and traces it. */
    public void pick(String id) {
        recordId.set(id == null ? "" : id);
        trace();
    }

    /**
     * Traces the record in {@link #recordIdProperty()} on a background task and draws its chain. A text that is
     * not a record id, or a record no hop names, is a message (with the nearest known records) and draws nothing.
     */
    public void trace() {
        String id = recordId.get() == null ? "" : recordId.get().trim();
        if (RecordId.tryParse(id).isEmpty()) {
            message.set(id.isEmpty() ? "Enter or pick a record id, e.g. sales.orders.placed-0@0."
                    : "'" + id + "' is not a record id: expected topic-partition@offset, e.g. sales.orders.placed-0@0.");
            return;
        }
        LoadedCatalog catalog = host.catalog();
        message.set("Tracing " + id + "…");
        executor.execute(BackgroundTask.<Object>of("Tracing " + id, ctx -> {
                    if (lineage == null || indexed != catalog) {
                        index(catalog);
                    }
                    RecordLineage records = lineage;
                    if (!records.contains(id)) {
                        return records.nearest(id, 5);
                    }
                    return records.trace(id);
                })
                .onSuccess(result -> {
                    if (result instanceof RecordTrace trace) {
                        apply(trace);
                    } else {
                        unknown(id, castList(result));
                    }
                })
                .onFailure(e -> {
                    LOG.warn("Tracing {} failed", id, e);
                    message.set("Cannot trace " + id + ": " + e.getMessage());
                }));
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object result) {
        return (List<String>) result;
    }

    private void unknown(String id, List<String> nearest) {
        gaps.clear();
        summary.set("");
        message.set("No hop names record " + id + " in snapshot #" + host.catalog().snapshot().id()
                + (nearest.isEmpty() ? "." : "; nearest known: " + String.join(", ", nearest) + "."));
    }

    private void apply(RecordTrace trace) {
        gaps.setAll(trace.gaps());
        var hop = trace.hop();
        summary.set(trace.record() + (hop.hasHop() ? " was emitted by " + Formats.orNone(hop.service()) + " at "
                + Formats.dateTimeSeconds(hop.at(), ZoneId.of("UTC")) + " UTC" : " has no lineage header of its own")
                + "; " + Formats.count(trace.ancestors().size(), "ancestor", "ancestors") + ", "
                + Formats.count(trace.descendants().size(), "descendant", "descendants") + ", "
                + Formats.count(trace.gaps().size(), "gap", "gaps") + ".");
        message.set("");
        host.draw(builder.build(trace));
    }

    /** Leaves the mode: the canvas draws the focus's neighbourhood again. */
    public void close() {
        host.restore();
    }

    /** The record id typed or picked. */
    public StringProperty recordIdProperty() {
        return recordId;
    }

    /** Every record id the snapshot's hops name, in record id order: the pick list. */
    public ObservableList<String> records() {
        return records;
    }

    /** The gaps of the last trace, in the engine's order (kind, then record). */
    public ObservableList<TraceGap> gaps() {
        return gaps;
    }

    /** The traced record, who emitted it and when, and the counts. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What is missing or wrong (unknown record, no hops), or progress. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
