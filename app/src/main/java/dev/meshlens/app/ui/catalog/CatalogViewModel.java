package dev.meshlens.app.ui.catalog;

import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.engine.catalog.ProductFilter;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.Lifecycle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The product table's state: the loaded rows, the search text, the five facets and what they let through, plus
 * the texts the table shows around the rows (how many shown, why none). Knows nothing about where rows come from.
 */
public final class CatalogViewModel {
    private static final List<String> QUALITY_ORDER = List.of("gold", "silver", "bronze");

    private final ObservableList<ProductRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ProductRow> shown = new FilteredList<>(rows);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<ProductRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(this, "emptyMessage", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper filtersChanged = new ReadOnlyBooleanWrapper(this, "filtersChanged");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");

    private final Facet<String> domain = Facet.of("Domain", p -> optional(p.domain()),
            String.CASE_INSENSITIVE_ORDER, s -> s);
    private final Facet<Integer> tier = Facet.of("Tier", p -> p.slaTier() == null ? List.of() : List.of(p.slaTier()),
            Comparator.naturalOrder(), Formats::tier);
    private final Facet<String> quality = Facet.of("Quality", p -> optional(p.quality()),
            Comparator.comparingInt(CatalogViewModel::qualityRank).thenComparing(String.CASE_INSENSITIVE_ORDER),
            s -> s);
    private final Facet<String> tag = Facet.of("Tag", DataProduct::tags, String.CASE_INSENSITIVE_ORDER, s -> s);
    private final Facet<Lifecycle> lifecycle = Facet.fixed("Lifecycle", p -> List.of(p.lifecycle()),
            List.of(Lifecycle.ACTIVE, Lifecycle.DEPRECATED), CatalogViewModel::lifecycleLabel,
            List.of(Lifecycle.ACTIVE));
    private final List<Facet<?>> facets = List.of(domain, tier, quality, tag, lifecycle);

    private Consumer<DataProduct> opener = product -> { };
    /**
     * Each row's searchable text, lower-cased once per load: lower-casing it anew on every keystroke for every
     * row was a third of a keystroke's cost on a 10,000-product catalog (the table-update benchmark).
     */
    private final Map<ProductRow, String> searchable = new IdentityHashMap<>();

    /** Creates an empty table state; the deprecated products are hidden until the lifecycle facet says otherwise. */
    public CatalogViewModel() {
        searchText.addListener((obs, old, now) -> refilter());
        ListChangeListener<Object> onSelection = change -> refilter();
        facets.forEach(f -> f.selected().addListener(onSelection));
        refilter();
    }

    /**
     * Shows {@code newRows} (a new catalog or snapshot). The search text and the facet selections stay, so the
     * user keeps their place when stepping through the timeline.
     */
    public void setRows(List<ProductRow> newRows) {
        ProductRow wasSelected = selected.get();
        List<DataProduct> products = newRows.stream().map(ProductRow::product).toList();
        facets.forEach(f -> f.load(products));
        loaded.set(true);
        searchable.clear();
        newRows.forEach(row -> searchable.put(row, searchableText(row)));
        rows.setAll(newRows);
        refilter();
        // keep the same product selected across snapshots when it is still there
        selected.set(wasSelected == null ? null : newRows.stream()
                .filter(r -> r.product().topic().equals(wasSelected.product().topic())
                        && r.product().name().equals(wasSelected.product().name()))
                .findFirst().orElse(null));
    }

    /** Whether rows were ever set; until then the table is loading, not empty. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Every loaded row, whether shown or not. */
    public ObservableList<ProductRow> rows() {
        return rows;
    }

    /** The rows the search and facets let through, in load order (the view sorts). */
    public FilteredList<ProductRow> shownRows() {
        return shown;
    }

    /** What the user typed into the search field. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** The selected row, or null. */
    public ObjectProperty<ProductRow> selectedProperty() {
        return selected;
    }

    /** Why the table is empty, e.g. {@code No products match 'xyz'}; empty while rows are shown. */
    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }

    /** {@code 12 of 31 products} or {@code 31 products}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Whether the search or a facet differs from the initial state, so "Clear filters" has something to do. */
    public ReadOnlyBooleanProperty filtersChangedProperty() {
        return filtersChanged.getReadOnlyProperty();
    }

    /** The domain facet. */
    public Facet<String> domainFacet() {
        return domain;
    }

    /** The SLA tier facet. */
    public Facet<Integer> tierFacet() {
        return tier;
    }

    /** The quality facet (gold, silver, bronze, then other classes). */
    public Facet<String> qualityFacet() {
        return quality;
    }

    /** The tag facet. */
    public Facet<String> tagFacet() {
        return tag;
    }

    /** The lifecycle facet; only active products are checked at first. */
    public Facet<Lifecycle> lifecycleFacet() {
        return lifecycle;
    }

    /** Clears the search text and restores every facet to its default. */
    public void clearFilters() {
        searchText.set("");
        facets.forEach(Facet::reset);
    }

    /** Sets what opening a product does (the main window opens its page). */
    public void setOpener(Consumer<DataProduct> opener) {
        this.opener = Objects.requireNonNull(opener);
    }

    /** Opens the product of {@code row}. */
    public void open(ProductRow row) {
        if (row != null) {
            opener.accept(row.product());
        }
    }

    /** Opens the selected product, if any. */
    public void openSelected() {
        open(selected.get());
    }

    /** Finds a loaded row by its topic. */
    public Optional<ProductRow> rowForTopic(String topic) {
        return rows.stream().filter(r -> r.product().topic().equals(topic)).findFirst();
    }

    private void refilter() {
        // the shared ProductFilter does the text match (metadata and schema field names); facets are multi-valued
        ProductFilter text = new ProductFilter(searchText.get(), null, null, null, true);
        String[] words = words(searchText.get());
        shown.setPredicate(row -> matches(row, words) && facets.stream().allMatch(f -> f.accepts(row.product())));
        boolean searching = searchText.get() != null && !searchText.get().isBlank();
        boolean changed = searching || facets.stream().anyMatch(Facet::isChangedFromDefault);
        filtersChanged.set(changed);
        summary.set(rows.size() == shown.size() ? Formats.count(rows.size(), "product", "products")
                : shown.size() + " of " + Formats.count(rows.size(), "product", "products"));
        emptyMessage.set(emptyMessage(searching, text));
    }

    /**
     * Whether every search word occurs in the row's text: {@link ProductFilter}'s rule (name, topic, domain, owner,
     * description, tags and schema field names, case-insensitive), on the text computed once per load.
     */
    private boolean matches(ProductRow row, String[] words) {
        if (words.length == 0) {
            return true;
        }
        String text = searchable.get(row);
        if (text == null) {
            text = searchableText(row);
        }
        for (String word : words) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String[] words(String text) {
        return text == null || text.isBlank() ? new String[0] : text.toLowerCase(Locale.ROOT).trim().split("\\s+");
    }

    /** The text {@link ProductFilter} searches, lower-cased: the same parts, in the same order. */
    static String searchableText(ProductRow row) {
        DataProduct p = row.product();
        StringBuilder s = new StringBuilder();
        for (String part : new String[] {p.name(), p.topic(), p.domain(), p.owner(), p.description()}) {
            if (part != null) {
                s.append(part).append('\n');
            }
        }
        p.tags().forEach(t -> s.append(t).append('\n'));
        row.schemaFieldNames().forEach(f -> s.append(f).append('\n'));
        return s.toString().toLowerCase(Locale.ROOT);
    }

    private String emptyMessage(boolean searching, ProductFilter text) {
        if (!shown.isEmpty() || !loaded.get()) {
            return "";
        }
        if (rows.isEmpty()) {
            return "No data products in this catalog yet. Import a catalog sheet with File \u203a Import files\u2026";
        }
        if (!searching) {
            return "No products match the selected filters";
        }
        String base = "No products match '" + searchText.get().trim() + "'";
        long hiddenByFacets = rows.stream().filter(r -> text.test(r.product(), r.schemaFieldNames())).count();
        return hiddenByFacets == 0 ? base : base + " with the selected filters ("
                + Formats.count(hiddenByFacets, "product matches", "products match") + " without them)";
    }

    private static List<String> optional(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value);
    }

    private static int qualityRank(String quality) {
        int rank = QUALITY_ORDER.indexOf(quality.toLowerCase(Locale.ROOT));
        return rank < 0 ? QUALITY_ORDER.size() : rank;
    }

    private static String lifecycleLabel(Lifecycle lifecycle) {
        return lifecycle == Lifecycle.ACTIVE ? "Active" : "Deprecated";
    }
}
