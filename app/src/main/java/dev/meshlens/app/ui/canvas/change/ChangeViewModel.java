package dev.meshlens.app.ui.canvas.change;

import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.app.ui.canvas.CanvasHost;
import dev.meshlens.app.ui.canvas.modes.FileDialogs;
import dev.meshlens.app.ui.canvas.modes.LineageIds;
import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.task.BackgroundTask;
import dev.meshlens.app.ui.task.TaskExecutor;
import dev.meshlens.engine.change.BreakingChangeImpact;
import dev.meshlens.engine.change.Notification;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.schema.CompatibilityMode;
import dev.meshlens.engine.schema.Incompatibility;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The breaking-change planner (issue #6, item 4): the user picks a proposed schema file for the focus product; the
 * engine judges it against the registered versions and the canvas lights up exactly what would break. Bad files
 * are reported as a message naming the file (and line), never a stack trace. Used on the JavaFX thread.
 */
public final class ChangeViewModel {
    /** The extensions offered by the file chooser. */
    public static final List<String> EXTENSIONS = List.of("avsc", "json", "proto");
    private static final Logger LOG = LoggerFactory.getLogger(ChangeViewModel.class);

    private final CanvasHost host;
    private final TaskExecutor executor;
    private final FileDialogs dialogs;
    private final Consumer<String> clipboard;
    private final ChangePlanner planner = new ChangePlanner();
    private final ObjectProperty<CompatibilityMode> mode = new SimpleObjectProperty<>(this, "mode");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper breaking = new ReadOnlyBooleanWrapper(this, "breaking");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<Incompatibility> problems = FXCollections.observableArrayList();
    private final ObservableList<Notification> rows = FXCollections.observableArrayList();
    private Path file;
    private ChangePlan plan;

    /**
     * @param host      the canvas; its focus is the product whose schema changes
     * @param executor  runs the judgement off the JavaFX thread
     * @param dialogs   asks for the proposed schema file
     * @param clipboard receives the contacts the user copies
     */
    public ChangeViewModel(CanvasHost host, TaskExecutor executor, FileDialogs dialogs, Consumer<String> clipboard) {
        this.host = Objects.requireNonNull(host, "host");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
        // judging again under another mode is what a user changing the mode expects
        mode.addListener((o, was, now) -> {
            if (file != null) {
                judge(file);
            }
        });
    }

    /** Asks for a proposed schema file and judges it; nothing happens when the user cancels. */
    public void pickSchema() {
        focusTopic().ifPresentOrElse(topic -> dialogs.open("Proposed schema for " + topic, EXTENSIONS)
                .ifPresent(this::judge), this::notAProduct);
    }

    private Optional<String> focusTopic() {
        Optional<LineageNode> node = LineageIds.node(host.focus());
        return node.filter(n -> n instanceof ProductNode).map(LineageNode::name);
    }

    private void notAProduct() {
        message.set("The change planner judges a product's schema: focus a product first (" + host.focus()
                + " is not one).");
    }

    /**
     * Judges the proposal in {@code proposal} for the focus product on a background task and draws what would
     * break. An unreadable or unparseable file leaves the canvas as it is and says what is wrong.
     */
    public void judge(Path proposal) {
        Optional<String> topic = focusTopic();
        if (topic.isEmpty()) {
            notAProduct();
            return;
        }
        this.file = proposal;
        LoadedCatalog catalog = host.catalog();
        CanvasGraph neighbourhood = host.neighbourhood();
        CompatibilityMode judgedUnder = mode.get();
        busy.set(true);
        message.set("Judging " + proposal.getFileName() + "…");
        executor.execute(BackgroundTask.of("Judging " + proposal.getFileName(), ctx -> {
                    BreakingChangeImpact engine = new BreakingChangeImpact(catalog.state(), catalog.lineage());
                    var proposed = ProposedSchemaFile.read(proposal,
                            engine.registeredVersions(engine.subjectOf(topic.get())));
                    return planner.plan(catalog.state(), catalog.lineage(), topic.get(), proposed, judgedUnder,
                            neighbourhood);
                })
                .onSuccess(this::apply)
                .onFailure(this::fail)
                .onFinished(() -> busy.set(false)));
    }

    private void apply(ChangePlan result) {
        plan = result;
        var impact = result.impact();
        verdict.set(result.verdictText());
        breaking.set(result.breaking());
        details.set(result.file() + " for " + impact.product() + " · subject " + impact.subject() + " (versions "
                + (impact.registeredVersions().isEmpty() ? "none"
                : String.join(", ", impact.registeredVersions().stream().map(String::valueOf).toList()))
                + ") · mode " + impact.compatibility().mode() + " · "
                + Formats.count(impact.directConsumers().size(), "direct consumer", "direct consumers") + ", "
                + Formats.count(impact.downstream().size(), "node", "nodes") + " downstream"
                + (result.breaking() ? " would break." : "."));
        problems.setAll(impact.compatibility().problems());
        rows.setAll(result.rows());
        message.set("");
        host.draw(result.graph());
    }

    private void fail(Throwable e) {
        plan = null;
        verdict.set("");
        details.set("");
        breaking.set(false);
        problems.clear();
        rows.clear();
        if (e instanceof InputException) {
            message.set(e.getMessage());
        } else {
            LOG.warn("Judging {} failed", file, e);
            message.set("Cannot judge " + (file == null ? "the proposal" : file.getFileName()) + ": "
                    + e.getMessage());
        }
    }

    /**
     * Copies the owners of everything the change reaches, one per team, comma-separated.
     *
     * @return the text copied, empty when nobody declares an owner or nothing was judged
     */
    public String copyContacts() {
        Set<String> owners = new LinkedHashSet<>();
        rows.stream().map(Notification::owner).filter(o -> o != null && !o.isBlank()).forEach(owners::add);
        String text = String.join(", ", owners);
        if (owners.isEmpty()) {
            message.set("Nobody the change reaches declares an owner; nothing copied.");
        } else {
            clipboard.accept(text);
            message.set("Copied " + Formats.count(owners.size(), "contact", "contacts") + ".");
        }
        return text;
    }

    /** Leaves the mode: the canvas draws the focus's neighbourhood again. */
    public void close() {
        host.restore();
    }

    /** The compatibility mode to judge under; null (the default) for the subject's own level. */
    public ObjectProperty<CompatibilityMode> modeProperty() {
        return mode;
    }

    /** The last plan shown, if any. */
    public Optional<ChangePlan> plan() {
        return Optional.ofNullable(plan);
    }

    /** The verdict in a few words, empty before a judgement. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** File, subject, versions, mode and how much is reached. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Progress, errors naming the file, outcome of a copy. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the last proposal judged is breaking. */
    public ReadOnlyBooleanProperty breakingProperty() {
        return breaking.getReadOnlyProperty();
    }

    /** True while a proposal is being judged. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The offending fields: registered version, path, kind and message. */
    public ObservableList<Incompatibility> problems() {
        return problems;
    }

    /** Who to notify: one row per owner and affected node, owners in order. */
    public ObservableList<Notification> rows() {
        return rows;
    }
}
