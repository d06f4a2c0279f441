package dev.meshlens.engine.access;

import java.util.List;
import java.util.Objects;

/**
 * Who can read the products carrying a tag, in the JSON shape {@code meshlens access} prints.
 *
 * @param tag      the tag asked for, lower-cased (tags match ignoring case)
 * @param products the topics of the catalog entries carrying the tag, sorted: what was examined, so that a
 *                 mistyped tag shows as no product rather than as nobody reading
 * @param readers  one row per reader and tagged product, sorted by product, then principal (groups without
 *                 principal last, by group id)
 */
public record SensitiveReachReport(String tag, List<String> products, List<SensitiveReader> readers) {

    /** @throws NullPointerException when a component is null */
    public SensitiveReachReport {
        Objects.requireNonNull(tag, "tag");
        products = List.copyOf(products);
        readers = List.copyOf(readers);
    }
}
