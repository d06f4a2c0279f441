package dev.meshlens.importers.file;

import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.SlaTier;
import dev.meshlens.engine.model.SourceKind;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads the catalog sheet owners fill in: one data product per row, with the columns
 * {@code Name,Topic,Bootstrap URI,Owner,SLA,Quality,Schema URI,Description} and optionally
 * {@code Domain,Tags,Lifecycle}, in any order (see importers/FORMATS.md). Every product belongs to the
 * cluster of the import. Covers {@link SourceKind#CATALOG}, so a sheet with a header only means "no products".
 */
public final class CatalogCsvParser implements MeshFileParser {
    static final List<String> REQUIRED = List.of("Name", "Topic", "Bootstrap URI", "Owner", "SLA", "Quality",
            "Schema URI", "Description");
    static final List<String> OPTIONAL = List.of("Domain", "Tags", "Lifecycle");

    private final String cluster;

    /** A parser for the cluster named {@code default}. */
    public CatalogCsvParser() {
        this("default");
    }

    /** A parser whose products all belong to {@code cluster}, the cluster the import is for. */
    public CatalogCsvParser(String cluster) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
    }

    /**
     * {@inheritDoc}
     *
     * <p>Every row must name its topic; a blank name means the topic's name; SLA accepts {@code 1},
     * {@code Tier 1}, {@code T1}; quality is kept as written; tags are separated by {@code ;}, {@code |} or
     * commas inside a quoted field; lifecycle is {@code active} (the default) or {@code deprecated}.
     */
    @Override
    public void parse(String fileName, Reader reader, MeshSink sink) throws IOException {
        try (CsvRecords records = new CsvRecords(fileName, reader)) {
            CsvHeader header = CsvHeader.read(fileName, records, "catalog CSV", REQUIRED, OPTIONAL);
            for (CsvRecord record = records.next(); record != null; record = records.next()) {
                header.checkWidth(record);
                sink.product(product(header, record));
            }
        }
        sink.cover(SourceKind.CATALOG);
    }

    private DataProduct product(CsvHeader header, CsvRecord record) {
        String topic = header.required(record, "Topic", "every data product names the topic it is published on");
        Integer tier;
        try {
            tier = SlaTier.parse(header.value(record, "SLA"));
        } catch (IllegalArgumentException e) {
            throw header.error(record, "SLA", e.getMessage());
        }
        Lifecycle lifecycle;
        try {
            lifecycle = Lifecycle.parse(header.value(record, "Lifecycle"));
        } catch (IllegalArgumentException e) {
            throw header.error(record, "Lifecycle", "'" + header.value(record, "Lifecycle")
                    + "' is neither active nor deprecated");
        }
        return new DataProduct(header.value(record, "Name"), topic, cluster, header.value(record, "Bootstrap URI"),
                header.value(record, "Domain"), header.value(record, "Owner"), header.value(record, "Description"),
                tier, header.value(record, "Quality"), tags(header.value(record, "Tags")),
                header.value(record, "Schema URI"), lifecycle);
    }

    /** Splits a tags cell on {@code ;}, {@code |} and commas, dropping blanks and repeats, keeping the order. */
    static List<String> tags(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split("[;|,]")).map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList();
    }
}
