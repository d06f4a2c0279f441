package dev.meshlens.app.ui.catalog;

import dev.meshlens.engine.model.DataProduct;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One facet filter of the catalog (domain, tier, quality, tag, lifecycle): the values the loaded products carry,
 * how many products carry each, and which values the user checked. A product passes when nothing is checked or
 * it carries at least one checked value.
 *
 * @param <T> the value type, e.g. {@code String} for domains, {@code Integer} for tiers
 */
public final class Facet<T> {
    private final String name;
    private final Function<DataProduct, Collection<T>> valuesOf;
    private final Comparator<T> order;
    private final Function<T, String> label;
    private final List<T> fixedValues;
    private final List<T> defaultSelection;
    private final ObservableList<T> available = FXCollections.observableArrayList();
    private final ObservableList<T> selected = FXCollections.observableArrayList();
    private final Map<T, Integer> counts = new LinkedHashMap<>();

    private Facet(String name, Function<DataProduct, Collection<T>> valuesOf, Comparator<T> order,
                  Function<T, String> label, List<T> fixedValues, List<T> defaultSelection) {
        this.name = Objects.requireNonNull(name);
        this.valuesOf = Objects.requireNonNull(valuesOf);
        this.order = Objects.requireNonNull(order);
        this.label = Objects.requireNonNull(label);
        this.fixedValues = List.copyOf(fixedValues);
        this.defaultSelection = List.copyOf(defaultSelection);
        available.setAll(this.fixedValues);
        selected.setAll(this.defaultSelection);
    }

    /**
     * A facet whose values are whatever the loaded products carry.
     *
     * @param name     what the facet is called in the window, e.g. {@code Domain}
     * @param valuesOf the values a product carries (none when it declares nothing)
     * @param order    the order in which values are offered
     * @param label    how a value is written, e.g. {@code Tier 1}
     */
    public static <T> Facet<T> of(String name, Function<DataProduct, Collection<T>> valuesOf, Comparator<T> order,
                                  Function<T, String> label) {
        return new Facet<>(name, valuesOf, order, label, List.of(), List.of());
    }

    /**
     * A facet with a fixed set of values, offered even when no product carries them, and a default selection
     * (e.g. lifecycle: only active products until the user asks for deprecated ones).
     */
    public static <T> Facet<T> fixed(String name, Function<DataProduct, Collection<T>> valuesOf, List<T> values,
                                     Function<T, String> label, List<T> defaultSelection) {
        return new Facet<>(name, valuesOf, Comparator.comparingInt(values::indexOf), label, values,
                defaultSelection);
    }

    /** What the facet is called in the window. */
    public String name() {
        return name;
    }

    /** The values to offer, in order. Change only through {@link #load(Collection)}. */
    public ObservableList<T> available() {
        return available;
    }

    /** The checked values; the view and tests change this list directly. */
    public ObservableList<T> selected() {
        return selected;
    }

    /** How many loaded products carry {@code value}. */
    public int count(T value) {
        return counts.getOrDefault(value, 0);
    }

    /** {@code sales (6)}: the value's label and how many loaded products carry it. */
    public String labelWithCount(T value) {
        return label.apply(value) + " (" + count(value) + ")";
    }

    /** The value's label alone, e.g. {@code Tier 1}. */
    public String label(T value) {
        return label.apply(value);
    }

    /** Whether the selection differs from the facet's default, i.e. the user narrowed (or widened) it. */
    public boolean isChangedFromDefault() {
        return !Set.copyOf(selected).equals(Set.copyOf(defaultSelection));
    }

    /** Whether the selection narrows the table at all. */
    public boolean isNarrowing() {
        return !selected.isEmpty();
    }

    /** Whether {@code product} passes this facet. */
    public boolean accepts(DataProduct product) {
        if (selected.isEmpty()) {
            return true;
        }
        for (T value : valuesOf.apply(product)) {
            if (selected.contains(value)) {
                return true;
            }
        }
        return false;
    }

    /** Restores the default selection. */
    public void reset() {
        selected.setAll(defaultSelection);
    }

    /**
     * Offers the values {@code products} carry; checked values that no product carries any more are unchecked
     * (fixed values stay offered and checked).
     */
    public void load(Collection<DataProduct> products) {
        counts.clear();
        Set<T> values = new LinkedHashSet<>(fixedValues);
        for (DataProduct product : products) {
            for (T value : valuesOf.apply(product)) {
                values.add(value);
                counts.merge(value, 1, Integer::sum);
            }
        }
        List<T> sorted = new ArrayList<>(values);
        sorted.sort(order);
        List<T> keep = selected.stream().filter(values::contains).toList();
        available.setAll(sorted);
        if (!keep.equals(selected)) {
            selected.setAll(keep);
        }
    }
}
