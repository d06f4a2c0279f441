package dev.meshlens.app.ui.lineage;

import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.service.LinkedProduct;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.service.TopicFacts;
import dev.meshlens.engine.model.DataProduct;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where a product comes from and what it feeds, as lists of products nearest first, as of the snapshot viewed.
 */
public final class LineageViewModel {
    private final DataProduct product;
    private final LoadedCatalog catalog;
    private final ObservableList<LinkedProduct> upstream = FXCollections.observableArrayList();
    private final ObservableList<LinkedProduct> downstream = FXCollections.observableArrayList();
    private final Consumer<DataProduct> opener;

    /** @param opener opens a product page when the user picks a linked product */
    public LineageViewModel(LoadedCatalog catalog, DataProduct product, Consumer<DataProduct> opener) {
        this.catalog = Objects.requireNonNull(catalog);
        this.product = Objects.requireNonNull(product);
        this.opener = Objects.requireNonNull(opener);
        TopicFacts facts = catalog.facts(product.topic());
        upstream.setAll(catalog.linked(facts.upstreamTopics()));
        downstream.setAll(catalog.linked(facts.downstreamTopics()));
    }

    /** {@code Lineage of Orders placed · snapshot #3}. */
    public String title() {
        return "Lineage of " + product.name() + " \u00b7 snapshot #" + catalog.snapshot().id();
    }

    /** One sentence on how many products feed and are fed. */
    public String summary() {
        return Formats.count(upstream.size(), "topic feeds", "topics feed") + " " + product.name() + "; "
                + Formats.count(downstream.size(), "topic is", "topics are") + " derived from it.";
    }

    /** Topics upstream, nearest first. */
    public ObservableList<LinkedProduct> upstream() {
        return upstream;
    }

    /** Topics downstream, nearest first. */
    public ObservableList<LinkedProduct> downstream() {
        return downstream;
    }

    /** Opens the page of {@code linked} when a catalog entry describes it. */
    public void open(LinkedProduct linked) {
        if (linked != null) {
            catalog.productOn(linked.topic()).ifPresent(opener);
        }
    }
}
