package dev.meshlens.synthetic.format;

import dev.meshlens.engine.model.DataProduct;

import java.util.Locale;

/**
 * Writes the catalog sheet ({@code catalog.csv}) that data owners maintain: the header
 * {@value #HEADER}, then one RFC 4180 record per data product, tags joined with {@code ;}, the SLA written
 * {@code Tier n} unless the caller gives its own spelling, the lifecycle in lower case.
 */
public final class CatalogCsvWriter {
    /** The header line, without its line end. */
    public static final String HEADER =
            "Name,Topic,Bootstrap URI,Owner,SLA,Quality,Schema URI,Description,Domain,Tags,Lifecycle";

    private final CsvWriter csv;

    /**
     * Starts the sheet by writing its header.
     *
     * @throws java.io.UncheckedIOException when writing fails
     */
    public CatalogCsvWriter(Appendable out) {
        csv = new CsvWriter(out);
        csv.record(HEADER.split(","));
    }

    /**
     * Writes one product with its SLA written {@code Tier n} (empty when undeclared).
     *
     * @throws java.io.UncheckedIOException when writing fails
     */
    public void product(DataProduct product) {
        product(product, product.slaTier() == null ? "" : "Tier " + product.slaTier());
    }

    /**
     * Writes one product with the SLA cell spelled as given (sheets say {@code Tier 1}, {@code T1} or {@code 1}).
     *
     * @throws java.io.UncheckedIOException when writing fails
     */
    public void product(DataProduct product, String slaText) {
        csv.record(product.name(), product.topic(), product.bootstrapUri(), product.owner(), slaText,
                product.quality(), product.schemaUri(), product.description(), product.domain(),
                String.join(";", product.tags()), product.lifecycle().name().toLowerCase(Locale.ROOT));
    }

    /** Products written so far. */
    public long products() {
        return csv.records() - 1;
    }
}
