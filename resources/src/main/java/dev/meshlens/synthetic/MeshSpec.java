package dev.meshlens.synthetic;

/**
 * The size of a synthetic mesh. Everything else (services, groups, partitions, ACL lines) follows from these
 * numbers: about 0.48 processing services and 0.45 consuming-only services per product, about 0.9 consumer
 * groups per product, about 2.7 partitions per topic and about 18 {@code kafka-acls} lines per product.
 *
 * @param products    data product topics, the platform's lake exports included; at least 100
 * @param domains     business domains, the platform domain included; 3 to {@code products / 5}
 * @param targetEdges lineage edges wanted: READ and WRITE relations between principals and topics after ACL
 *                    resolution; the generator lands within a few percent of it. At least {@code 2 * products}
 */
public record MeshSpec(int products, int domains, long targetEdges) {

    /** Products are spread over at most this many levels of processing below the lake exports. */
    public static final int MAX_CHAIN_LEVELS = 20;

    public MeshSpec {
        if (products < 100) {
            throw new IllegalArgumentException("a synthetic mesh needs at least 100 products, got " + products);
        }
        if (domains < 3 || domains > products / 5) {
            throw new IllegalArgumentException("domains must be between 3 and products / 5 (" + products / 5
                    + "), got " + domains);
        }
        if (targetEdges < 2L * products) {
            throw new IllegalArgumentException("target edges must be at least 2 per product (" + 2L * products
                    + "), got " + targetEdges);
        }
    }

    /**
     * A mesh of {@code products} products shaped like the named sizes: 10 edges per product and
     * {@code 20 * sqrt(products / 1000)} domains, kept between 3 and 200.
     *
     * @throws IllegalArgumentException when {@code products} is below 100
     */
    public static MeshSpec ofProducts(int products) {
        if (products < 100) {
            throw new IllegalArgumentException("a synthetic mesh needs at least 100 products, got " + products);
        }
        int domains = (int) Math.round(20 * Math.sqrt(products / 1000.0));
        domains = Math.max(3, Math.min(200, Math.min(domains, products / 5)));
        return new MeshSpec(products, domains, 10L * products);
    }
}
