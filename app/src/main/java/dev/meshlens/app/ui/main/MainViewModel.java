package dev.meshlens.app.ui.main;

import dev.meshlens.app.ui.catalog.CatalogViewModel;
import dev.meshlens.app.ui.catalog.ProductRow;
import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.export.ExportViewModel;
import dev.meshlens.app.ui.importer.ImportViewModel;
import dev.meshlens.app.ui.product.ProductActions;
import dev.meshlens.app.ui.product.ProductViewModel;
import dev.meshlens.app.ui.product.SchemaFieldReader;
import dev.meshlens.app.ui.service.CatalogService;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.task.BackgroundTask;
import dev.meshlens.app.ui.task.TaskExecutor;
import dev.meshlens.app.ui.timeline.TimelineViewModel;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogInUseException;
import dev.meshlens.importers.profile.ConnectionProfile;
import dev.meshlens.engine.store.StoreException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The main window's state: which catalog and cluster, which snapshot is viewed (and whether that is
 * historical), the product table, the timeline and the open product pages. Every read of the catalog runs as a
 * {@link BackgroundTask}; a newer load supersedes an older one still running, so stepping quickly through the
 * timeline never shows a stale snapshot.
 */
public final class MainViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);
    /** The cluster name offered for a first import into an empty catalog. */
    public static final String DEFAULT_CLUSTER = "default";

    /** Opens the catalog; may block (migrations), so it runs in the background. */
    @FunctionalInterface
    public interface ServiceOpener {
        /**
         * Opens the catalog.
         *
         * @throws Exception with a message for the user when it cannot be opened
         */
        CatalogService open() throws Exception;

        /**
         * Opens the catalog read-only, for when another Meshlens holds it.
         *
         * @throws Exception with a message for the user when it cannot be opened
         */
        default CatalogService openReadOnly() throws Exception {
            throw new UnsupportedOperationException("this catalog cannot be opened read-only");
        }
    }

    /** What one load read: the snapshot list of the cluster and the catalog as of the chosen snapshot. */
    private record Loaded(List<String> clusters, String cluster, List<Snapshot> snapshots, LoadedCatalog catalog,
                          List<ProductRow> rows) {
    }

    private ServiceOpener opener;
    private final TaskExecutor executor;
    private final SchemaFieldReader schemaReader;
    private final ZoneId zone;
    private final Consumer<String> clipboard;
    private final ProductActions actions;

    private final CatalogViewModel catalogViewModel = new CatalogViewModel();
    private final TimelineViewModel timelineViewModel;
    private final ReadOnlyObjectWrapper<CatalogService> service = new ReadOnlyObjectWrapper<>(this, "service");
    private final ReadOnlyObjectWrapper<LoadedCatalog> catalog = new ReadOnlyObjectWrapper<>(this, "catalog");
    private final ObservableList<String> clusters = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper cluster = new ReadOnlyStringWrapper(this, "cluster");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Meshlens");
    private final ReadOnlyStringWrapper location = new ReadOnlyStringWrapper(this, "location", "");
    private final ReadOnlyStringWrapper snapshotText = new ReadOnlyStringWrapper(this, "snapshotText", "");
    private final ReadOnlyBooleanWrapper historical = new ReadOnlyBooleanWrapper(this, "historical");
    private final ReadOnlyStringWrapper historicalText = new ReadOnlyStringWrapper(this, "historicalText", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper busyMessage = new ReadOnlyStringWrapper(this, "busyMessage", "");
    private final ReadOnlyDoubleWrapper busyProgress = new ReadOnlyDoubleWrapper(this, "busyProgress",
            BackgroundTask.INDETERMINATE);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private final ReadOnlyStringWrapper inUse = new ReadOnlyStringWrapper(this, "inUse", "");
    private final ObservableList<ProductViewModel> openProducts = FXCollections.observableArrayList();
    private final ObjectProperty<ProductViewModel> activeProduct = new SimpleObjectProperty<>(this, "activeProduct");

    private java.util.function.Supplier<List<ConnectionProfile>> profiles = List::of;
    private List<Snapshot> clusterSnapshots = List.of();
    private String preferredCluster;
    private boolean loadDemoIfEmpty;
    private BackgroundTask<?> current;
    private long generation;

    /**
     * @param preferredCluster the cluster to show first when the catalog has it (the one viewed last time), or
     *                         null
     * @param clipboard        receives text the user copies
     * @param actions          what the product pages' lineage and breaking-change buttons do
     */
    public MainViewModel(ServiceOpener opener, TaskExecutor executor, SchemaFieldReader schemaReader, ZoneId zone,
                         String preferredCluster, Consumer<String> clipboard, ProductActions actions) {
        this.opener = Objects.requireNonNull(opener);
        this.executor = Objects.requireNonNull(executor);
        this.schemaReader = Objects.requireNonNull(schemaReader);
        this.zone = Objects.requireNonNull(zone);
        this.preferredCluster = preferredCluster;
        this.clipboard = Objects.requireNonNull(clipboard);
        this.actions = Objects.requireNonNull(actions);
        this.timelineViewModel = new TimelineViewModel(zone);
        timelineViewModel.setChooser(snapshot -> showSnapshot(snapshot.id()));
        catalogViewModel.setOpener(this::openProduct);
    }

    /**
     * Opens the catalog in the background, then shows the newest snapshot of the preferred cluster. When another
     * Meshlens holds the catalog and shares it, {@link #inUseProperty()} asks whether to open it read-only
     * ({@link #openReadOnly()} or {@link #declineReadOnly()}).
     */
    public void start() {
        inUse.set("");
        run(BackgroundTask.<CatalogService>of("Opening the catalog", context -> {
            context.updateMessage("Opening the catalog\u2026");
            return opener.open();
        }).onSuccess(this::opened).onFailure(failure -> {
            if (failure instanceof CatalogInUseException held && held.readableReadOnly()) {
                LOG.info("Catalog {} is in use by another Meshlens: asking whether to open it read-only",
                        held.location());
                inUse.set(held.location());
                return;
            }
            logFailure("Could not open the catalog", failure);
            error.set("Could not open the catalog: " + message(failure));
        }));
    }

    /**
     * Switches the window to another catalog: closes the one shown (and its product pages), then opens the new
     * one as {@link #start()} does.
     */
    public void reopen(ServiceOpener next) {
        this.opener = Objects.requireNonNull(next);
        generation++;
        if (current != null) {
            current.cancel();
        }
        CatalogService old = service.get();
        service.set(null);
        catalog.set(null);
        readOnly.set(false);
        openProducts.clear();
        activeProduct.set(null);
        clusters.clear();
        cluster.set(null);
        catalogViewModel.setRows(List.of());
        timelineViewModel.update(List.of(), null);
        historical.set(false);
        historicalText.set("");
        snapshotText.set("");
        error.set("");
        if (old != null) {
            run(BackgroundTask.<Void>of("Closing the catalog", context -> {
                old.close();
                return null;
            }).onSuccess(closed -> start()).onFailure(failure -> {
                LOG.warn("Closing the catalog {} failed: {}", old.location(), message(failure));
                start();
            }));
        } else {
            start();
        }
    }

    /** The user chose to read the catalog that another Meshlens holds: opens it read-only, then shows it. */
    public void openReadOnly() {
        inUse.set("");
        run(BackgroundTask.<CatalogService>of("Opening the catalog read-only", context -> {
            context.updateMessage("Opening the catalog read-only\u2026");
            return opener.openReadOnly();
        }).onSuccess(this::opened).onFailure(failure -> {
            logFailure("Could not open the catalog read-only", failure);
            error.set("Could not open the catalog read-only: " + message(failure));
        }));
    }

    /** The user declined to open the catalog read-only: the window says why it shows nothing (Retry opens it). */
    public void declineReadOnly() {
        String held = inUse.get();
        inUse.set("");
        error.set("The catalog " + held + " is open in another Meshlens window; close it there, then Retry.");
    }

    private void opened(CatalogService opened) {
        error.set("");
        service.set(opened);
        readOnly.set(opened.readOnly());
        location.set(opened.location());
        title.set(titleFor(opened, null));
        load(null, null);
    }

    /** {@code Meshlens — name}, with the date of a historical view and whether the catalog is read-only. */
    private static String titleFor(CatalogService store, String historicalWhen) {
        return "Meshlens \u2014 " + store.name() + (historicalWhen == null ? "" : " (as of " + historicalWhen + ")")
                + (store.readOnly() ? " (read-only)" : "");
    }

    /**
     * Asks for the bundled demo mesh to be loaded when the catalog turns out to be empty (the first start).
     * Call before {@link #start()}.
     */
    public void setLoadDemoIfEmpty(boolean load) {
        this.loadDemoIfEmpty = load;
    }

    /** Imports the bundled demo mesh into the catalog in the background, then shows it. */
    public void loadDemo() {
        CatalogService store = service.get();
        if (store == null || store.readOnly()) {
            return;
        }
        run(BackgroundTask.<List<Snapshot>>of("Loading the demo mesh", store::importDemo)
                .onSuccess(snapshots -> load(snapshots.isEmpty() ? null : snapshots.get(0).cluster(), null))
                .onFailure(failure -> {
                    logFailure("Could not load the demo mesh", failure);
                    error.set("Could not load the demo mesh: " + message(failure));
                }));
    }

    /** Shows the newest snapshot of the cluster being viewed (after an import, or leaving a historical view). */
    public void showLatest() {
        load(cluster.get(), null);
    }

    /** Shows the catalog as of snapshot {@code id} of the cluster being viewed. */
    public void showSnapshot(long id) {
        load(cluster.get(), id);
    }

    /** Switches to the newest snapshot of {@code name}. */
    public void selectCluster(String name) {
        if (name != null && !name.equals(cluster.get())) {
            preferredCluster = name;
            load(name, null);
        }
    }

    /** Re-reads the snapshot being viewed (e.g. after another process imported into a shared catalog). */
    public void reload() {
        LoadedCatalog shown = catalog.get();
        load(cluster.get(), shown == null || !shown.historical() ? null : shown.snapshot().id());
    }

    private void load(String wantedCluster, Long snapshotId) {
        CatalogService store = service.get();
        if (store == null) {
            return;
        }
        long mine = ++generation;
        if (current != null) {
            current.cancel();
        }
        String preferred = preferredCluster;
        run(BackgroundTask.<Loaded>of("Loading the catalog", context -> {
            context.updateMessage("Reading the catalog\u2026");
            List<String> names = store.clusters();
            String chosen = wantedCluster != null && names.contains(wantedCluster) ? wantedCluster
                    : preferred != null && names.contains(preferred) ? preferred
                    : names.isEmpty() ? null : names.get(0);
            if (chosen == null) {
                return new Loaded(names, null, List.of(), null, List.of());
            }
            List<Snapshot> snapshots = store.snapshots(chosen);
            long id = snapshotId != null ? snapshotId : snapshots.get(snapshots.size() - 1).id();
            context.checkCancelled();
            context.updateMessage("Building the lineage of snapshot #" + id + "\u2026");
            LoadedCatalog loaded = store.load(chosen, id);
            List<DataProduct> products = loaded.products();
            List<ProductRow> rows = new java.util.ArrayList<>(products.size());
            for (int i = 0; i < products.size(); i++) {
                context.checkCancelled();
                rows.add(ProductRow.of(loaded, products.get(i), schemaReader));
                context.updateProgress(i + 1, products.size());
            }
            return new Loaded(names, chosen, snapshots, loaded, rows);
        }).onSuccess(loaded -> {
            if (mine == generation) {
                apply(loaded);
            }
        }).onFailure(failure -> {
            if (mine == generation) {
                logFailure("Could not load the catalog", failure);
                error.set("Could not load the catalog: " + message(failure));
            }
        }));
    }

    private void apply(Loaded loaded) {
        error.set("");
        clusters.setAll(loaded.clusters());
        cluster.set(loaded.cluster());
        if (loaded.catalog() == null) {
            empty.set(true);
            catalog.set(null);
            catalogViewModel.setRows(List.of());
            timelineViewModel.update(List.of(), null);
            historical.set(false);
            historicalText.set("");
            snapshotText.set("No snapshots yet");
            if (loadDemoIfEmpty) {
                loadDemoIfEmpty = false;
                loadDemo();
            }
            return;
        }
        empty.set(false);
        loadDemoIfEmpty = false;
        preferredCluster = loaded.cluster();
        LoadedCatalog shown = loaded.catalog();
        LOG.info("Showing snapshot #{} of cluster {} ({} products)", shown.snapshot().id(), loaded.cluster(),
                loaded.rows().size());
        catalog.set(shown);
        catalogViewModel.setRows(loaded.rows());
        timelineViewModel.update(loaded.snapshots(), shown.snapshot());
        clusterSnapshots = List.copyOf(loaded.snapshots());
        openProducts.forEach(page -> page.setCatalog(shown));
        Snapshot s = shown.snapshot();
        String when = Formats.dateTime(s.takenAt(), zone);
        snapshotText.set("Cluster " + loaded.cluster() + " \u00b7 snapshot #" + s.id() + " \u00b7 " + when);
        historical.set(shown.historical());
        historicalText.set(shown.historical()
                ? "Historical view: the catalog as it was on " + when + " (snapshot #" + s.id() + "; the newest is #"
                + shown.newest().id() + " of " + Formats.dateTime(shown.newest().takenAt(), zone) + ")."
                : "");
        title.set(titleFor(service.get(), shown.historical() ? when : null));
    }

    /** Opens (or brings forward) the page of {@code product}. */
    public void openProduct(DataProduct product) {
        LoadedCatalog shown = catalog.get();
        if (shown == null) {
            return;
        }
        ProductViewModel page = openProducts.stream().filter(p -> p.shows(product)).findFirst().orElse(null);
        if (page == null) {
            page = new ProductViewModel(product, schemaReader, clipboard, actions, zone);
            page.setCatalog(shown);
            openProducts.add(page);
        }
        activeProduct.set(page);
    }

    /** Closes a product page. */
    public void closeProduct(ProductViewModel page) {
        openProducts.remove(page);
        if (activeProduct.get() == page) {
            activeProduct.set(null);
        }
    }

    /**
     * A fresh import dialog state for the catalog; after a successful import the window shows the newest
     * snapshot of the cluster imported into.
     *
     * @throws IllegalStateException while the catalog is not open yet, or when it is read-only
     */
    public ImportViewModel newImport() {
        CatalogService store = service.get();
        if (store == null) {
            throw new IllegalStateException("the catalog is not open yet");
        }
        if (store.readOnly()) {
            throw new IllegalStateException("catalog opened read-only");
        }
        String target = cluster.get() != null ? cluster.get() : DEFAULT_CLUSTER;
        return new ImportViewModel(store, executor, target, snapshot -> load(snapshot.cluster(), null),
                profiles.get());
    }

    /**
     * A fresh export dialog state on the snapshot viewed (any snapshot of the cluster can be chosen).
     *
     * @throws IllegalStateException while no snapshot is shown
     */
    public ExportViewModel newExport() {
        CatalogService store = service.get();
        LoadedCatalog shown = catalog.get();
        if (store == null || shown == null) {
            throw new IllegalStateException("no snapshot is shown");
        }
        return new ExportViewModel(store, executor, cluster.get(), clusterSnapshots, shown.snapshot());
    }

    /** Where the import dialog finds the connection profiles it offers for a live import. */
    public void setProfiles(java.util.function.Supplier<List<ConnectionProfile>> source) {
        this.profiles = Objects.requireNonNull(source);
    }

    /** Closes the catalog; call when the window closes. */
    public void shutdown() {
        if (current != null) {
            current.cancel();
        }
        CatalogService store = service.get();
        if (store != null) {
            try {
                store.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the catalog failed", e);
            }
        }
    }

    private <T> void run(BackgroundTask<T> task) {
        current = task;
        busy.set(true);
        busyMessage.set(task.title() + "\u2026");
        busyProgress.set(BackgroundTask.INDETERMINATE);
        task.messageProperty().addListener((obs, old, now) -> {
            if (current == task) {
                busyMessage.set(now);
            }
        });
        task.progressProperty().addListener((obs, old, now) -> {
            if (current == task) {
                busyProgress.set(now.doubleValue());
            }
        });
        task.onFinished(() -> {
            if (current == task) {
                current = null;
                busy.set(false);
                busyMessage.set("");
            }
        });
        executor.execute(task);
    }

    /** Failures the store explains (a locked file, a refused import) are expected; others are bugs. */
    private static void logFailure(String what, Throwable failure) {
        if (failure instanceof StoreException || failure instanceof InputException) {
            LOG.warn("{}: {}", what, failure.getMessage());
        } else {
            LOG.error(what, failure);
        }
    }

    private static String message(Throwable failure) {
        String text = failure.getMessage();
        return text == null || text.isBlank() ? failure.getClass().getSimpleName() : text;
    }

    /** Whether the catalog is open read-only: imports are off. */
    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    /**
     * The location of a catalog that another Meshlens holds, while the window asks whether to open it
     * read-only; empty otherwise.
     */
    public ReadOnlyStringProperty inUseProperty() {
        return inUse.getReadOnlyProperty();
    }

    /** The product table's state. */
    public CatalogViewModel catalogViewModel() {
        return catalogViewModel;
    }

    /** The timeline's state. */
    public TimelineViewModel timelineViewModel() {
        return timelineViewModel;
    }

    /** The open catalog, or null while opening or when it failed to open. */
    public ReadOnlyObjectProperty<CatalogService> serviceProperty() {
        return service.getReadOnlyProperty();
    }

    /** The catalog as of the snapshot viewed, or null before the first load and for an empty catalog. */
    public ReadOnlyObjectProperty<LoadedCatalog> catalogProperty() {
        return catalog.getReadOnlyProperty();
    }

    /** The clusters in the catalog. */
    public ObservableList<String> clusters() {
        return clusters;
    }

    /** The cluster viewed, or null for an empty catalog. */
    public ReadOnlyStringProperty clusterProperty() {
        return cluster.getReadOnlyProperty();
    }

    /** {@code Meshlens — <catalog name>}, with the date when the view is historical. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Where the catalog lives. */
    public ReadOnlyStringProperty locationProperty() {
        return location.getReadOnlyProperty();
    }

    /** {@code Cluster demo · snapshot #12 · 2024-05-01 10:00}. */
    public ReadOnlyStringProperty snapshotTextProperty() {
        return snapshotText.getReadOnlyProperty();
    }

    /** Whether an older snapshot than the newest is viewed. */
    public ReadOnlyBooleanProperty historicalProperty() {
        return historical.getReadOnlyProperty();
    }

    /** The banner text of a historical view; empty otherwise. */
    public ReadOnlyStringProperty historicalTextProperty() {
        return historicalText.getReadOnlyProperty();
    }

    /** Whether a load is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the running load is doing. */
    public ReadOnlyStringProperty busyMessageProperty() {
        return busyMessage.getReadOnlyProperty();
    }

    /** The running load's progress, or -1 while unknown. */
    public ReadOnlyDoubleProperty busyProgressProperty() {
        return busyProgress.getReadOnlyProperty();
    }

    /** Why the catalog could not be opened or loaded; empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether the catalog has no snapshot at all (a first start before any import). */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** The open product pages, in opening order. */
    public ObservableList<ProductViewModel> openProducts() {
        return openProducts;
    }

    /** The product page in front, or null when the product table is. */
    public ObjectProperty<ProductViewModel> activeProductProperty() {
        return activeProduct;
    }

    /** The zone times are written in. */
    public ZoneId zone() {
        return zone;
    }
}
