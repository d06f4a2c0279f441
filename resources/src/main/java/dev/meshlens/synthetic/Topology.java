package dev.meshlens.synthetic;

/**
 * The shape of a synthetic mesh in primitive arrays: domains, product topics, services and who reads and
 * writes what. Everything the facts are printed from is here or is a pure function of the seed and an index
 * ({@link Hash}); an L mesh (100,000 products, a million edges) takes a few tens of megabytes.
 *
 * <p>Products and services are numbered from 0. Reads are stored per service, sorted by product, with flags;
 * {@code readerStart}/{@code readerPos} index them per product.
 */
final class Topology {
    static final byte PROCESSOR = 0;
    static final byte SINK = 1;
    static final byte LAKE_EXPORTER = 2;
    static final byte ARCHIVER = 3;

    /** The service's chain read: one product of the level just below, so that chains reach every level. */
    static final byte ANCHOR = 1;
    /** A read that closes a cycle. */
    static final byte CYCLE = 2;
    /** Revoked by a literal DENY READ for the same principal: not an edge, though the group still consumes. */
    static final byte REVOKED = 4;
    /** Allowed from one host only. */
    static final byte HOST_RESTRICTED = 8;
    /** Allowed but never consumed: no group of the service has offsets on it. */
    static final byte UNUSED = 16;

    /** The level of the platform's lake exports, above every processing level. */
    static final int LAKE_LEVEL = MeshSpec.MAX_CHAIN_LEVELS;

    MeshSpec spec;
    long seed;

    // domains
    String[] domainNames;
    boolean[] piiDomain;
    boolean[] financialDomain;
    int platformDomain;
    /** Products of each domain, sorted by topic name. */
    int[] domainStart;
    int[] domainProducts;
    /** Lake exporters reading each domain by prefix. */
    int[][] exportersOfDomain;

    // products
    int products;
    int regularProducts;
    String[] topics;
    int[] domainOf;
    byte[] level;
    /** Index into {@link Vocabulary#ENTITIES} and {@link Vocabulary#EVENTS}; -1 for the platform's own topics. */
    short[] entityOf;
    short[] eventOf;
    int[] rank;
    byte[] partitions;
    int[] primaryWriter;
    int[] secondWriter;
    boolean[] allGrant;
    boolean[] deprecated;
    boolean[] frozen;
    boolean[] publicRead;
    boolean[] registered;
    /** The tier each product can honestly promise (injected violations included); 1 to 4. */
    byte[] tier;
    /** The tier the catalog declares; 0 when the product is unregistered or declares none. */
    byte[] declaredTier;
    /** Product ids sorted by topic name. */
    int[] byName;

    // services
    int services;
    String[] serviceNames;
    byte[] kind;
    int[] serviceDomain;
    byte[] serviceLevel;
    int[] anchor;
    int[] outStart;
    int[] outs;
    int[] readStart;
    int[] reads;
    byte[] readFlags;
    int[] readerStart;
    /** Positions in {@link #reads} of the literal reads of each product, by service id. */
    int[] readerPos;
    /** The service of each position in {@link #reads}. */
    int[] readService;
    int[][] lakeDomains;
    int archiver;
    byte[] serviceTier;
    boolean[] listed;
    boolean[] production;

    // ground truth
    int[] chain;
    int[][] cycles;
    int[] injectedProducts;
    int[] injectedServices;
    int[] roots;

    String principal(int service) {
        return "User:" + serviceNames[service];
    }

    int domainSize(int domain) {
        return domainStart[domain + 1] - domainStart[domain];
    }

    boolean isRevoked(int readPosition) {
        return (readFlags[readPosition] & REVOKED) != 0;
    }

    /** Principals that may WRITE the product once ACLs are resolved. */
    int resolvedWriters(int product) {
        if (frozen[product]) {
            return 0;
        }
        return (primaryWriter[product] >= 0 ? 1 : 0) + (secondWriter[product] >= 0 ? 1 : 0);
    }

    /** Principals that may READ the product once ACLs are resolved, {@code User:*} counted as one. */
    int resolvedReaders(int product) {
        int count = 0;
        for (int i = readerStart[product]; i < readerStart[product + 1]; i++) {
            if (!isRevoked(readerPos[i])) {
                count++;
            }
        }
        if (allGrant[product]) {
            count++;
        }
        count += exportersOfDomain[domainOf[product]].length;
        if (!piiDomain[domainOf[product]]) {
            count++;
        }
        if (publicRead[product]) {
            count++;
        }
        return count;
    }

    long writeEdges() {
        long edges = 0;
        for (int p = 0; p < products; p++) {
            edges += resolvedWriters(p);
        }
        return edges;
    }

    long readEdges() {
        long edges = 0;
        for (int p = 0; p < products; p++) {
            edges += resolvedReaders(p);
        }
        return edges;
    }
}
