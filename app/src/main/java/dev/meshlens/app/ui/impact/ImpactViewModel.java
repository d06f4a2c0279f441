package dev.meshlens.app.ui.impact;

import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.service.ConsumerRow;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.model.DataProduct;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Planning a breaking change to a product: every consumer it would reach, direct and through downstream
 * products, with owners, tiers and whether each is active, and their contacts to copy.
 */
public final class ImpactViewModel {
    private final DataProduct product;
    private final LoadedCatalog catalog;
    private final Consumer<String> clipboard;
    private final ObservableList<ImpactRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final Set<String> seen = new java.util.HashSet<>();

    /** @param clipboard receives the contacts the user copies */
    public ImpactViewModel(LoadedCatalog catalog, DataProduct product, Consumer<String> clipboard) {
        this.catalog = Objects.requireNonNull(catalog);
        this.product = Objects.requireNonNull(product);
        this.clipboard = Objects.requireNonNull(clipboard);
        Map<String, DataProduct> byTopic = catalog.products().stream()
                .collect(Collectors.toMap(DataProduct::topic, Function.identity(), (a, b) -> a));
        List<ImpactRow> found = new ArrayList<>();
        add(found, product.topic(), product.name(), 0);
        List<String> downstream = catalog.facts(product.topic()).downstreamTopics();
        for (int i = 0; i < downstream.size(); i++) {
            String topic = downstream.get(i);
            DataProduct p = byTopic.get(topic);
            add(found, topic, p == null ? topic : p.name(), i + 1);
        }
        rows.setAll(found);
    }

    private void add(List<ImpactRow> found, String topic, String via, int depth) {
        for (ConsumerRow c : catalog.facts(topic).consumers()) {
            // a consumer reached several ways is listed once, where it is reached first (direct before indirect)
            String identity = c.principal() != null ? c.principal() : "group:" + c.group();
            if (seen.add(identity)) {
                found.add(new ImpactRow(c.displayName(), c.principal(), c.group(), c.owner(), c.tier(), c.state(),
                        via, depth == 0 ? 0 : 1));
            }
        }
    }

    /** {@code Breaking change to Orders placed}. */
    public String title() {
        return "Breaking change to " + product.name();
    }

    /** How many consumers are reached, directly and not, and how many are active. */
    public String summary() {
        long direct = rows.stream().filter(r -> r.depth() == 0).count();
        long active = rows.stream().filter(ImpactRow::active).count();
        long products = rows.stream().filter(r -> r.depth() > 0).map(ImpactRow::via).distinct().count();
        return "A breaking change to " + product.topic() + " reaches " + Formats.count(rows.size(), "consumer",
                "consumers") + ": " + direct + " direct, " + (rows.size() - direct) + " through "
                + Formats.count(products, "downstream product", "downstream products") + "; " + active
                + " active as of snapshot #" + catalog.snapshot().id() + ".";
    }

    /** The consumers reached, each once: direct ones first, then by downstream product, nearest first. */
    public ObservableList<ImpactRow> rows() {
        return rows;
    }

    /**
     * Copies the owners of every consumer reached, one per team, comma-separated.
     *
     * @return the text copied, empty when nobody declares an owner
     */
    public String copyContacts() {
        Set<String> owners = new LinkedHashSet<>();
        rows.stream().map(ImpactRow::owner).filter(o -> o != null && !o.isBlank()).forEach(owners::add);
        String text = String.join(", ", owners);
        if (!owners.isEmpty()) {
            clipboard.accept(text);
        }
        notice.set(owners.isEmpty() ? "No consumer declares an owner; nothing copied."
                : "Copied " + Formats.count(owners.size(), "contact", "contacts") + ".");
        return text;
    }

    /** The outcome of the last copy. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
