package dev.meshlens.engine.catalog;

import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.Lifecycle;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A catalog search: free text plus facets. Shared by {@code meshlens products} and the desktop search field,
 * so both answer the same.
 *
 * @param text              words that must all occur (case-insensitive) in the product's name, topic, domain,
 *                          owner, description, tags or (see {@link #test(DataProduct, Collection)}) schema field
 *                          names; blank matches everything
 * @param domain            the domain, or null for any
 * @param tier              the SLA tier, or null for any
 * @param tag               a tag the product must carry, or null for any
 * @param includeDeprecated whether deprecated products are shown
 */
public record ProductFilter(String text, String domain, Integer tier, String tag, boolean includeDeprecated)
        implements Predicate<DataProduct> {

    /** A filter that lets every product through, deprecated ones included. */
    public static ProductFilter all() {
        return new ProductFilter(null, null, null, null, true);
    }

    /** Tests the product's own metadata only; see {@link #test(DataProduct, Collection)} to search schemas too. */
    @Override
    public boolean test(DataProduct p) {
        return test(p, List.of());
    }

    /**
     * Tests the product, letting the search words also match the names of its schema's fields, so that searching
     * {@code iban} finds the products that carry one.
     *
     * @param schemaFieldNames the field names of the product's current schema (nested fields as {@code a.b}); may
     *                         be empty
     */
    public boolean test(DataProduct p, Collection<String> schemaFieldNames) {
        if (!includeDeprecated && p.lifecycle() == Lifecycle.DEPRECATED) {
            return false;
        }
        if (domain != null && !domain.equalsIgnoreCase(p.domain())) {
            return false;
        }
        if (tier != null && !tier.equals(p.slaTier())) {
            return false;
        }
        if (tag != null && !p.hasTag(tag)) {
            return false;
        }
        List<String> words = words();
        if (words.isEmpty()) {
            return true;
        }
        String searchable = searchableText(p, schemaFieldNames);
        return words.stream().allMatch(searchable::contains);
    }

    private List<String> words() {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.asList(text.toLowerCase(Locale.ROOT).trim().split("\\s+"));
    }

    private static String searchableText(DataProduct p, Collection<String> schemaFieldNames) {
        StringBuilder s = new StringBuilder();
        for (String part : new String[] {p.name(), p.topic(), p.domain(), p.owner(), p.description()}) {
            if (part != null) {
                s.append(part).append('\n');
            }
        }
        p.tags().forEach(t -> s.append(t).append('\n'));
        schemaFieldNames.forEach(f -> s.append(f).append('\n'));
        return s.toString().toLowerCase(Locale.ROOT);
    }
}
