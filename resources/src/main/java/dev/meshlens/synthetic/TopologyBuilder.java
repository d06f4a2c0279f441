package dev.meshlens.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the {@link Topology} of a synthetic mesh from its spec and seed, in phases that each draw from their
 * own random stream (so that changing one phase does not reshuffle the others):
 * <ol>
 *   <li>domains, products with a processing level (0 = sources, up to 19) and names;</li>
 *   <li>processing services writing the products of one level and domain, a few second writers, consuming-only
 *       services (sinks), lake exporters that read whole domains by prefix, and the archiver reading
 *       {@code *};</li>
 *   <li>popularity ranks (Zipf-like weights {@code 1 / rank^0.8}, sources most popular);</li>
 *   <li>an anchor read per processing service on the level below (so chains reach the top level), a few
 *       reads that close cycles, then weighted reads of lower levels sized to land on the edge target;</li>
 *   <li>SLA tiers consistent along lineage, then a few injected violations (tier 1 fed by tier 4).</li>
 * </ol>
 * Floating point draws use {@link StrictMath}, whose results are the same on every JVM and platform, so that a
 * seed gives the same mesh everywhere ({@code Math.pow} may differ in the last bit between JIT and interpreter).
 */
final class TopologyBuilder {
    private static final double PRODUCERS_PER_PRODUCT_SINKS = 0.45;
    private static final double ZIPF_EXPONENT = 0.8;
    private static final double LEVEL_DECAY = 0.82;
    private static final double REVOKE_RATE = 0.005;
    private static final double HOST_RESTRICTED_RATE = 0.01;
    private static final double UNUSED_RATE = 0.15;
    private static final double WRITERLESS_RATE = 0.01;
    private static final double SECOND_WRITER_RATE = 0.02;
    private static final double ALL_GRANT_RATE = 0.01;
    private static final double DEPRECATED_RATE = 0.02;
    private static final double REGISTERED_RATE = 0.95;
    private static final double UNDECLARED_TIER_RATE = 0.02;
    private static final double LISTED_SERVICE_RATE = 0.95;

    private static final long SALT_DOMAINS = 1;
    private static final long SALT_PRODUCTS = 2;
    private static final long SALT_PROCESSORS = 3;
    private static final long SALT_SERVICES = 4;
    private static final long SALT_RANKS = 5;
    private static final long SALT_ANCHORS = 6;
    private static final long SALT_CYCLES = 7;
    private static final long SALT_FLAGS = 8;
    private static final long SALT_READS = 9;
    private static final long SALT_READ_FLAGS = 10;
    private static final long SALT_TIERS = 11;
    private static final long SALT_VIOLATIONS = 12;
    private static final long SALT_ROOTS = 13;
    private static final long SALT_PARTITIONS = 14;
    private static final long SALT_NAMES = 15;

    private final MeshSpec spec;
    private final long seed;
    private final Topology t = new Topology();

    private int levels;
    private double[] domainWeights;
    private List<IntList> outputs;
    private IntList kinds;
    private IntList serviceDomains;
    private IntList serviceLevels;
    private List<int[]> lakeDomainList;
    private int[] productsByLevel;
    private int[] levelStart;
    private double[] cumulativeWeight;
    private List<IntList> readLists;
    private List<IntList> readFlagLists;

    private TopologyBuilder(MeshSpec spec, long seed) {
        this.spec = spec;
        this.seed = seed;
    }

    static Topology build(MeshSpec spec, long seed) {
        return new TopologyBuilder(spec, seed).build();
    }

    private SplittableRandom rng(long salt) {
        return new SplittableRandom(Hash.of(seed, salt, 0));
    }

    private Topology build() {
        t.spec = spec;
        t.seed = seed;
        domains();
        products();
        processors();
        otherServices();
        names();
        ranks();
        anchorsAndChain();
        List<long[]> cycleReads = cycles();
        productFlags();
        reads(cycleReads);
        indexReads();
        partitions();
        tiers();
        registrationAndViolations();
        serviceAttributes();
        roots();
        return t;
    }

    // ---- domains and products

    private void domains() {
        int d = spec.domains();
        SplittableRandom rng = rng(SALT_DOMAINS);
        List<String> pool = new ArrayList<>();
        for (String base : Vocabulary.DOMAINS) {
            if (!base.equals("customer") && !base.equals("payments")) {
                pool.add(base);
            }
        }
        shuffle(pool, rng);
        t.domainNames = new String[d];
        t.piiDomain = new boolean[d];
        t.financialDomain = new boolean[d];
        String[] bases = new String[d];
        bases[0] = "customer";
        bases[1] = "payments";
        bases[2] = Vocabulary.PLATFORM;
        t.domainNames[0] = "customer";
        t.domainNames[1] = "payments";
        t.domainNames[2] = Vocabulary.PLATFORM;
        t.platformDomain = 2;
        for (int i = 3; i < d; i++) {
            int round = (i - 3) / pool.size();
            String base = pool.get((i - 3) % pool.size());
            String suffix = round == 0 ? "" : round <= Vocabulary.REGIONS.length ? Vocabulary.REGIONS[round - 1]
                    : "-" + (round + 1);
            bases[i] = base;
            t.domainNames[i] = base + suffix;
        }
        domainWeights = new double[d];
        for (int i = 0; i < d; i++) {
            t.piiDomain[i] = Vocabulary.PII_DOMAINS.contains(bases[i]);
            t.financialDomain[i] = Vocabulary.FINANCIAL_DOMAINS.contains(bases[i]);
            // a skewed spread: a few big domains, a long tail of small ones
            domainWeights[i] = 1.0 / Math.sqrt(i + 1.0) * (0.6 + 0.8 * rng.nextDouble());
        }
        domainWeights[t.platformDomain] *= 0.3;
    }

    private int lakeExporterCount() {
        return Math.max(2, Math.min(spec.domains() - 3, (int) Math.round(spec.domains() / 6.0)));
    }

    private void products() {
        int n = spec.products();
        int lake = lakeExporterCount() + 1;
        int regular = n - lake;
        t.products = n;
        t.regularProducts = regular;
        t.domainOf = new int[n];
        t.level = new byte[n];
        t.entityOf = new short[n];
        t.eventOf = new short[n];
        t.topics = new String[n];
        levels = Math.min(MeshSpec.MAX_CHAIN_LEVELS, Math.max(2, regular / 10));
        SplittableRandom rng = rng(SALT_PRODUCTS);
        double[] domainCumulative = cumulative(domainWeights);
        double[] levelWeights = new double[levels];
        for (int l = 0; l < levels; l++) {
            levelWeights[l] = StrictMath.pow(LEVEL_DECAY, l);
        }
        double[] levelCumulative = cumulative(levelWeights);
        for (int p = 0; p < regular; p++) {
            // the first products seed every domain and, twice over, every level
            t.domainOf[p] = p < spec.domains() ? p : sample(domainCumulative, domainCumulative.length, rng);
            t.level[p] = (byte) (p < 2 * levels ? p % levels : sample(levelCumulative, levels, rng));
        }
        for (int p = regular; p < n; p++) {
            t.domainOf[p] = t.platformDomain;
            t.level[p] = (byte) Topology.LAKE_LEVEL;
            t.entityOf[p] = -1;
            t.eventOf[p] = -1;
        }
        // names: a per-domain bijection onto entity x event combinations, versions once they run out
        int events = Vocabulary.EVENTS.length;
        int combinations = Vocabulary.ENTITIES.length * events;
        int[] counter = new int[spec.domains()];
        int[] stride = new int[spec.domains()];
        int[] offset = new int[spec.domains()];
        SplittableRandom nameRng = rng(SALT_NAMES);
        for (int d = 0; d < spec.domains(); d++) {
            int s;
            do {
                s = 1 + nameRng.nextInt(combinations - 1);
            } while (gcd(s, combinations) != 1);
            stride[d] = s;
            offset[d] = nameRng.nextInt(combinations);
        }
        for (int p = 0; p < regular; p++) {
            int d = t.domainOf[p];
            int k = counter[d]++;
            int index = (int) ((offset[d] + (long) k * stride[d]) % combinations);
            int version = k / combinations;
            t.entityOf[p] = (short) (index / events);
            t.eventOf[p] = (short) (index % events);
            t.topics[p] = t.domainNames[d] + "." + Vocabulary.ENTITIES[index / events] + "."
                    + Vocabulary.EVENTS[index % events] + (version > 0 ? "-v" + (version + 1) : "");
        }
    }

    // ---- services

    private void processors() {
        int n = spec.products();
        int regular = t.regularProducts;
        outputs = new ArrayList<>();
        kinds = new IntList(n);
        serviceDomains = new IntList(n);
        serviceLevels = new IntList(n);
        lakeDomainList = new ArrayList<>();
        t.primaryWriter = new int[n];
        t.secondWriter = new int[n];
        Arrays.fill(t.primaryWriter, -1);
        Arrays.fill(t.secondWriter, -1);
        SplittableRandom rng = rng(SALT_PROCESSORS);

        boolean[] writerless = new boolean[n];
        int firstSource = -1;
        boolean anyWriterless = false;
        for (int p = 0; p < regular; p++) {
            if (t.level[p] == 0) {
                firstSource = firstSource < 0 ? p : firstSource;
                writerless[p] = rng.nextDouble() < WRITERLESS_RATE;
                anyWriterless |= writerless[p];
            }
        }
        if (!anyWriterless) {
            writerless[firstSource] = true;
        }
        List<IntList> buckets = new ArrayList<>();
        for (int i = 0; i < levels * spec.domains(); i++) {
            buckets.add(new IntList(4));
        }
        for (int p = 0; p < regular; p++) {
            if (!writerless[p]) {
                buckets.get(t.level[p] * spec.domains() + t.domainOf[p]).add(p);
            }
        }
        List<IntList> processorsByLevel = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            processorsByLevel.add(new IntList());
        }
        for (int b = 0; b < buckets.size(); b++) {
            int[] bucket = buckets.get(b).toArray();
            shuffle(bucket, rng);
            int i = 0;
            while (i < bucket.length) {
                int size = Math.min(bucket.length - i, chunkSize(rng.nextDouble()));
                int service = newService(Topology.PROCESSOR, b % spec.domains(), b / spec.domains());
                for (int j = 0; j < size; j++) {
                    outputs.get(service).add(bucket[i + j]);
                    t.primaryWriter[bucket[i + j]] = service;
                }
                processorsByLevel.get(b / spec.domains()).add(service);
                i += size;
            }
        }
        for (int p = 0; p < regular; p++) {
            if (t.level[p] > 0 && rng.nextDouble() < SECOND_WRITER_RATE) {
                IntList candidates = processorsByLevel.get(t.level[p]);
                int other = candidates.get(rng.nextInt(candidates.size()));
                if (other != t.primaryWriter[p]) {
                    t.secondWriter[p] = other;
                    outputs.get(other).add(p);
                }
            }
        }
    }

    private static int chunkSize(double u) {
        return u < 0.40 ? 1 : u < 0.70 ? 2 : u < 0.85 ? 3 : u < 0.95 ? 4 : 5;
    }

    private int newService(int kind, int domain, int level) {
        kinds.add(kind);
        serviceDomains.add(domain);
        serviceLevels.add(level);
        outputs.add(new IntList(2));
        lakeDomainList.add(null);
        return kinds.size() - 1;
    }

    private void otherServices() {
        SplittableRandom rng = rng(SALT_SERVICES);
        double[] domainCumulative = cumulative(domainWeights);
        int sinks = (int) Math.round(spec.products() * PRODUCERS_PER_PRODUCT_SINKS);
        for (int i = 0; i < sinks; i++) {
            newService(Topology.SINK, sample(domainCumulative, domainCumulative.length, rng), Topology.LAKE_LEVEL + 1);
        }
        // lake exporters: each reads one to three whole domains by prefix, each a different first domain
        List<Integer> businessDomains = new ArrayList<>();
        for (int d = 0; d < spec.domains(); d++) {
            if (d != t.platformDomain) {
                businessDomains.add(d);
            }
        }
        shuffle(businessDomains, rng);
        int lakeProduct = t.regularProducts;
        for (int i = 0; i < lakeExporterCount(); i++) {
            int first = businessDomains.get(i);
            Set<Integer> read = new java.util.LinkedHashSet<>();
            read.add(first);
            int extra = rng.nextInt(3);
            for (int e = 0; e < extra; e++) {
                read.add(businessDomains.get(rng.nextInt(businessDomains.size())));
            }
            int service = newService(Topology.LAKE_EXPORTER, t.platformDomain, Topology.LAKE_LEVEL);
            lakeDomainList.set(service, read.stream().mapToInt(Integer::intValue).toArray());
            outputs.get(service).add(lakeProduct);
            t.primaryWriter[lakeProduct] = service;
            t.topics[lakeProduct] = Vocabulary.PLATFORM + "." + t.domainNames[first] + ".lake-export";
            lakeProduct++;
        }
        t.archiver = newService(Topology.ARCHIVER, t.platformDomain, Topology.LAKE_LEVEL);
        outputs.get(t.archiver).add(lakeProduct);
        t.primaryWriter[lakeProduct] = t.archiver;
        t.topics[lakeProduct] = Vocabulary.PLATFORM + ".archive.manifests";

        int s = kinds.size();
        t.services = s;
        t.kind = new byte[s];
        t.serviceDomain = serviceDomains.toArray();
        t.serviceLevel = new byte[s];
        t.lakeDomains = lakeDomainList.toArray(new int[0][]);
        t.outStart = new int[s + 1];
        for (int i = 0; i < s; i++) {
            t.kind[i] = (byte) kinds.get(i);
            t.serviceLevel[i] = (byte) serviceLevels.get(i);
            t.outStart[i + 1] = t.outStart[i] + outputs.get(i).size();
        }
        t.outs = new int[t.outStart[s]];
        for (int i = 0; i < s; i++) {
            int[] out = outputs.get(i).toArray();
            System.arraycopy(out, 0, t.outs, t.outStart[i], out.length);
        }
        outputs = null;

        List<IntList> exporters = new ArrayList<>();
        for (int d = 0; d < spec.domains(); d++) {
            exporters.add(new IntList(1));
        }
        for (int i = 0; i < s; i++) {
            if (t.lakeDomains[i] != null) {
                for (int d : t.lakeDomains[i]) {
                    exporters.get(d).add(i);
                }
            }
        }
        t.exportersOfDomain = new int[spec.domains()][];
        for (int d = 0; d < spec.domains(); d++) {
            t.exportersOfDomain[d] = exporters.get(d).toArray();
        }
    }

    private void names() {
        t.serviceNames = new String[t.services];
        Set<String> used = new HashSet<>();
        for (int s = 0; s < t.services; s++) {
            String base;
            long h = Hash.of(seed, SALT_NAMES, s);
            switch (t.kind[s]) {
                case Topology.PROCESSOR -> {
                    int first = t.outs[t.outStart[s]];
                    String[] roles = t.serviceLevel[s] == 0 ? Vocabulary.SOURCE_ROLES : Vocabulary.PROCESSOR_ROLES;
                    base = t.domainNames[t.serviceDomain[s]] + "-" + Vocabulary.ENTITIES[t.entityOf[first]] + "-"
                            + roles[Hash.below(h, roles.length)];
                }
                case Topology.SINK -> base = t.domainNames[t.serviceDomain[s]] + "-"
                        + Vocabulary.ENTITIES[Hash.below(h, Vocabulary.ENTITIES.length)] + "-"
                        + Vocabulary.SINK_ROLES[Hash.below(Hash.mix(h), Vocabulary.SINK_ROLES.length)];
                case Topology.LAKE_EXPORTER -> base = "lake-export-" + t.domainNames[t.lakeDomains[s][0]];
                default -> base = "platform-archiver";
            }
            String name = base;
            for (int k = 2; !used.add(name); k++) {
                name = base + "-" + k;
            }
            t.serviceNames[s] = name;
        }
        // product ids by topic name, and each domain's products in that order
        Integer[] order = new Integer[t.products];
        for (int p = 0; p < t.products; p++) {
            order[p] = p;
        }
        Arrays.sort(order, Comparator.comparing(p -> t.topics[p]));
        t.byName = new int[t.products];
        for (int i = 0; i < t.products; i++) {
            t.byName[i] = order[i];
        }
        t.domainStart = new int[spec.domains() + 1];
        for (int p = 0; p < t.products; p++) {
            t.domainStart[t.domainOf[p] + 1]++;
        }
        for (int d = 0; d < spec.domains(); d++) {
            t.domainStart[d + 1] += t.domainStart[d];
        }
        int[] fill = Arrays.copyOf(t.domainStart, spec.domains());
        t.domainProducts = new int[t.products];
        for (int p : t.byName) {
            t.domainProducts[fill[t.domainOf[p]]++] = p;
        }
    }

    // ---- popularity, anchors, chain, cycles

    private void ranks() {
        int n = t.products;
        SplittableRandom rng = rng(SALT_RANKS);
        double[] key = new double[n];
        for (int p = 0; p < n; p++) {
            // sources are the most popular products, with noise so that a few deeper ones rank high too
            key[p] = t.level[p] + 2.5 * rng.nextDouble();
        }
        Integer[] order = new Integer[n];
        for (int p = 0; p < n; p++) {
            order[p] = p;
        }
        Arrays.sort(order, Comparator.comparingDouble(p -> key[p]));
        t.rank = new int[n];
        for (int r = 0; r < n; r++) {
            t.rank[order[r]] = r;
        }
        Integer[] byLevel = new Integer[n];
        for (int p = 0; p < n; p++) {
            byLevel[p] = p;
        }
        Arrays.sort(byLevel, Comparator.comparingInt((Integer p) -> t.level[p]).thenComparingInt(p -> t.rank[p]));
        productsByLevel = new int[n];
        levelStart = new int[Topology.LAKE_LEVEL + 2];
        cumulativeWeight = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int p = byLevel[i];
            productsByLevel[i] = p;
            levelStart[t.level[p] + 1]++;
            sum += StrictMath.pow(t.rank[p] + 1.0, -ZIPF_EXPONENT);
            cumulativeWeight[i] = sum;
        }
        for (int l = 0; l <= Topology.LAKE_LEVEL; l++) {
            levelStart[l + 1] += levelStart[l];
        }
    }

    private void anchorsAndChain() {
        SplittableRandom rng = rng(SALT_ANCHORS);
        t.anchor = new int[t.services];
        Arrays.fill(t.anchor, -1);
        for (int s = 0; s < t.services; s++) {
            int l = t.serviceLevel[s];
            if (t.kind[s] == Topology.PROCESSOR && l > 0) {
                int from = levelStart[l - 1];
                t.anchor[s] = productsByLevel[from + rng.nextInt(levelStart[l] - from)];
            }
        }
        // the longest chain: from a product of the top processing level down the anchors to a source
        int top = levels - 1;
        int end = productsByLevel[levelStart[top] + rng.nextInt(levelStart[top + 1] - levelStart[top])];
        IntList chain = new IntList(levels);
        chain.add(end);
        int product = end;
        while (t.level[product] > 0) {
            product = t.anchor[t.primaryWriter[product]];
            chain.add(product);
        }
        int[] reversed = chain.toArray();
        for (int i = 0; i < reversed.length / 2; i++) {
            int tmp = reversed[i];
            reversed[i] = reversed[reversed.length - 1 - i];
            reversed[reversed.length - 1 - i] = tmp;
        }
        t.chain = reversed;
    }

    /** Picks reads that close cycles of 2 to 5 products; returns them as {service, product} pairs. */
    private List<long[]> cycles() {
        SplittableRandom rng = rng(SALT_CYCLES);
        IntList deep = new IntList();
        for (int s = 0; s < t.services; s++) {
            if (t.kind[s] == Topology.PROCESSOR && t.serviceLevel[s] >= 2) {
                deep.add(s);
            }
        }
        int wanted = Math.max(3, t.products / 1000);
        List<long[]> reads = new ArrayList<>();
        List<int[]> cycles = new ArrayList<>();
        Set<Long> used = new HashSet<>();
        for (int attempt = 0; attempt < 50 * wanted && cycles.size() < wanted && deep.size() > 0; attempt++) {
            int s = deep.get(rng.nextInt(deep.size()));
            int m = 1 + rng.nextInt(Math.min(4, t.serviceLevel[s] - 1));
            int[] path = new int[m + 1];
            path[m] = t.outs[t.outStart[s]];
            int a = t.anchor[s];
            int writer = -1;
            for (int i = 1; i <= m; i++) {
                path[m - i] = a;
                writer = t.primaryWriter[a];
                a = t.anchor[writer];
            }
            int product = path[m];
            if (used.add(((long) writer << 32) | product)) {
                reads.add(new long[] {writer, product});
                cycles.add(path);
            }
        }
        t.cycles = cycles.toArray(new int[0][]);
        return reads;
    }

    private void productFlags() {
        int n = t.products;
        t.allGrant = new boolean[n];
        t.deprecated = new boolean[n];
        t.frozen = new boolean[n];
        t.publicRead = new boolean[n];
        boolean[] protectedProduct = new boolean[n];
        for (int p : t.chain) {
            protectedProduct[p] = true;
        }
        for (int[] cycle : t.cycles) {
            for (int p : cycle) {
                protectedProduct[p] = true;
            }
        }
        for (int p = 0; p < t.regularProducts; p++) {
            long h = Hash.of(seed, SALT_FLAGS, p);
            double u = Hash.unit(h);
            t.deprecated[p] = u < DEPRECATED_RATE;
            // half the deprecated topics are frozen: DENY WRITE for User:*, so they have no writer left
            t.frozen[p] = u < DEPRECATED_RATE / 2 && !protectedProduct[p] && t.primaryWriter[p] >= 0;
            t.allGrant[p] = t.level[p] > 0 && t.primaryWriter[p] >= 0
                    && Hash.unit(Hash.mix(h)) < ALL_GRANT_RATE;
        }
        SplittableRandom rng = rng(SALT_FLAGS);
        int sources = levelStart[1];
        for (int i = 0; i < Math.min(3, sources); i++) {
            t.publicRead[productsByLevel[rng.nextInt(sources)]] = true;
        }
    }

    // ---- reads

    private void reads(List<long[]> cycleReads) {
        int n = t.products;
        int s = t.services;
        readLists = new ArrayList<>(s);
        readFlagLists = new ArrayList<>(s);
        for (int i = 0; i < s; i++) {
            readLists.add(null);
            readFlagLists.add(null);
        }
        long fixed = 0;
        for (int p = 0; p < n; p++) {
            if (!t.frozen[p]) {
                fixed += (t.primaryWriter[p] >= 0 ? 1 : 0) + (t.secondWriter[p] >= 0 ? 1 : 0);
            }
            fixed += t.allGrant[p] ? 1 : 0;
            fixed += t.piiDomain[t.domainOf[p]] ? 0 : 1;
            fixed += t.exportersOfDomain[t.domainOf[p]].length;
            fixed += t.publicRead[p] ? 1 : 0;
        }
        IntList consumers = new IntList(s);
        int sinks = 0;
        for (int i = 0; i < s; i++) {
            if (t.anchor[i] >= 0) {
                fixed++;
                consumers.add(i);
            } else if (t.kind[i] == Topology.SINK) {
                consumers.add(i);
                sinks++;
            }
        }
        fixed += cycleReads.size();
        double budget = Math.max(sinks, spec.targetEdges() - fixed) / (1 - REVOKE_RATE);

        SplittableRandom rng = rng(SALT_READS);
        double[] appetite = new double[consumers.size()];
        double total = 0;
        for (int i = 0; i < appetite.length; i++) {
            // exponential appetites, one service in a hundred a heavy reader
            appetite[i] = -StrictMath.log(1 - rng.nextDouble()) * (rng.nextDouble() < 0.01 ? 8 : 1);
            total += appetite[i];
        }
        int[] stamp = new int[n];
        for (int i = 0; i < appetite.length; i++) {
            int service = consumers.get(i);
            boolean sink = t.kind[service] == Topology.SINK;
            int eligible = sink ? n : levelStart[t.serviceLevel[service]];
            int wanted = (int) Math.round(budget * appetite[i] / total);
            IntList list = new IntList(Math.max(2, wanted + 1));
            IntList flags = new IntList(Math.max(2, wanted + 1));
            if (!sink) {
                list.add(t.anchor[service]);
                flags.add(Topology.ANCHOR);
                stamp[t.anchor[service]] = service + 1;
                eligible--;
            } else {
                wanted = Math.max(1, wanted);
            }
            wanted = Math.min(wanted, eligible);
            int end = sink ? n : levelStart[t.serviceLevel[service]];
            double range = cumulativeWeight[end - 1];
            int drawn = 0;
            for (int attempt = 0; drawn < wanted && attempt < 30 * wanted + 100; attempt++) {
                int index = Arrays.binarySearch(cumulativeWeight, 0, end, rng.nextDouble() * range);
                int product = productsByLevel[Math.min(end - 1, index < 0 ? -index - 1 : index)];
                if (stamp[product] != service + 1) {
                    stamp[product] = service + 1;
                    list.add(product);
                    flags.add(0);
                    drawn++;
                }
            }
            readLists.set(service, list);
            readFlagLists.set(service, flags);
        }
        for (long[] read : cycleReads) {
            int service = (int) read[0];
            readLists.get(service).add((int) read[1]);
            readFlagLists.get(service).add(Topology.CYCLE);
        }
    }

    private void indexReads() {
        int s = t.services;
        t.readStart = new int[s + 1];
        for (int i = 0; i < s; i++) {
            t.readStart[i + 1] = t.readStart[i] + (readLists.get(i) == null ? 0 : readLists.get(i).size());
        }
        int total = t.readStart[s];
        t.reads = new int[total];
        t.readFlags = new byte[total];
        t.readService = new int[total];
        for (int i = 0; i < s; i++) {
            IntList list = readLists.get(i);
            if (list == null) {
                continue;
            }
            int[] products = list.toArray();
            int[] flags = readFlagLists.get(i).toArray();
            long[] packed = new long[products.length];
            for (int j = 0; j < products.length; j++) {
                packed[j] = ((long) products[j] << 8) | flags[j];
            }
            Arrays.sort(packed);
            for (int j = 0; j < packed.length; j++) {
                int position = t.readStart[i] + j;
                int product = (int) (packed[j] >>> 8);
                byte flag = (byte) (packed[j] & 0xff);
                if (flag == 0) {
                    double u = Hash.unit(Hash.of(seed, SALT_READ_FLAGS, i, product));
                    if (u < REVOKE_RATE) {
                        flag = Topology.REVOKED;
                    } else if (u < REVOKE_RATE + HOST_RESTRICTED_RATE) {
                        flag = Topology.HOST_RESTRICTED;
                    } else if (u < REVOKE_RATE + HOST_RESTRICTED_RATE + UNUSED_RATE) {
                        flag = Topology.UNUSED;
                    }
                }
                t.reads[position] = product;
                t.readFlags[position] = flag;
                t.readService[position] = i;
            }
        }
        readLists = null;
        readFlagLists = null;
        int n = t.products;
        t.readerStart = new int[n + 1];
        for (int position = 0; position < total; position++) {
            t.readerStart[t.reads[position] + 1]++;
        }
        for (int p = 0; p < n; p++) {
            t.readerStart[p + 1] += t.readerStart[p];
        }
        int[] fill = Arrays.copyOf(t.readerStart, n);
        t.readerPos = new int[total];
        // positions grow with the service id, so each product's readers come out sorted by service
        for (int position = 0; position < total; position++) {
            t.readerPos[fill[t.reads[position]]++] = position;
        }
    }

    private void partitions() {
        t.partitions = new byte[t.products];
        for (int p = 0; p < t.products; p++) {
            double u = Hash.unit(Hash.of(seed, SALT_PARTITIONS, p));
            int count;
            // the most read topics are the busiest: more partitions (which multiplies the rows every consumer
            // group shows, so the spread stays moderate)
            if (t.rank[p] < t.products / 200) {
                count = u < 0.5 ? 6 : 12;
            } else if (t.rank[p] < t.products / 50) {
                count = u < 0.5 ? 3 : 6;
            } else if (p >= t.regularProducts) {
                count = 1 + (int) (u * 3);
            } else {
                count = u < 0.45 ? 1 : u < 0.70 ? 2 : u < 0.85 ? 3 : u < 0.95 ? 6 : u < 0.99 ? 12 : 24;
            }
            t.partitions[p] = (byte) count;
        }
    }

    // ---- tiers

    private void tiers() {
        int n = t.products;
        t.tier = new byte[n];
        SplittableRandom rng = rng(SALT_TIERS);
        for (int p = 0; p < n; p++) {
            double u = rng.nextDouble();
            int own;
            if (p >= t.regularProducts) {
                own = 4;
            } else if (t.level[p] == 0 && t.rank[p] < n / 10) {
                own = u < 0.7 ? 1 : 2;
            } else if (t.level[p] == 0) {
                own = u < 0.30 ? 1 : u < 0.75 ? 2 : u < 0.98 ? 3 : 4;
            } else {
                // weak promises are rare at the source of a promise: everything downstream inherits them
                own = u < 0.35 ? 1 : u < 0.75 ? 2 : u < 0.98 ? 3 : 4;
            }
            t.tier[p] = (byte) own;
        }
        // a product cannot promise better than anything upstream: raise to the worst input, in level order,
        // then again until the cycles settle
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int p : productsByLevel) {
                int worst = t.tier[p];
                worst = Math.max(worst, worstInput(t.primaryWriter[p]));
                worst = Math.max(worst, worstInput(t.secondWriter[p]));
                if (worst != t.tier[p]) {
                    t.tier[p] = (byte) worst;
                    changed = true;
                }
            }
        }
    }

    /** The worst tier among everything a service reads (4 for the lake exporters and the archiver). */
    private int worstInput(int service) {
        if (service < 0) {
            return 1;
        }
        if (t.kind[service] != Topology.PROCESSOR && t.kind[service] != Topology.SINK) {
            return 4;
        }
        int worst = 1;
        for (int i = t.readStart[service]; i < t.readStart[service + 1]; i++) {
            worst = Math.max(worst, t.tier[t.reads[i]]);
        }
        return worst;
    }

    private void registrationAndViolations() {
        int n = t.products;
        t.registered = new boolean[n];
        t.declaredTier = new byte[n];
        for (int p = 0; p < n; p++) {
            long h = Hash.of(seed, SALT_TIERS, p);
            t.registered[p] = p >= t.regularProducts || Hash.unit(h) < REGISTERED_RATE;
            boolean declared = t.registered[p] && Hash.unit(Hash.mix(h)) >= UNDECLARED_TIER_RATE;
            t.declaredTier[p] = declared ? t.tier[p] : 0;
        }
        // injected violations: a product declaring tier 1 that a declared tier-4 product feeds directly
        SplittableRandom rng = rng(SALT_VIOLATIONS);
        int wanted = Math.max(3, n / 400);
        boolean[] witness = new boolean[n];
        boolean[] injected = new boolean[n];
        IntList products = new IntList();
        IntList services = new IntList();
        int[] candidates = Arrays.copyOf(productsByLevel, t.regularProducts);
        shuffle(candidates, rng);
        for (int p : candidates) {
            if (products.size() >= wanted) {
                break;
            }
            int writer = t.primaryWriter[p];
            if (t.level[p] < 2 || writer < 0 || t.frozen[p] || t.declaredTier[p] == 0 || witness[p]
                    || t.secondWriter[p] >= 0) {
                continue;
            }
            int found = -1;
            for (int i = t.readStart[writer]; i < t.readStart[writer + 1] && found < 0; i++) {
                int input = t.reads[i];
                if (!t.isRevoked(i) && t.declaredTier[input] == 4 && !injected[input]) {
                    found = input;
                }
            }
            if (found >= 0) {
                witness[found] = true;
                injected[p] = true;
                t.tier[p] = 1;
                t.declaredTier[p] = 1;
                products.add(p);
                services.add(writer);
            }
        }
        t.injectedProducts = products.toArray();
        IntList uniqueServices = new IntList();
        for (int i = 0; i < services.size(); i++) {
            if (!uniqueServices.contains(services.get(i))) {
                uniqueServices.add(services.get(i));
            }
        }
        t.injectedServices = uniqueServices.toArray();
    }

    private void serviceAttributes() {
        int s = t.services;
        t.serviceTier = new byte[s];
        t.listed = new boolean[s];
        t.production = new boolean[s];
        SplittableRandom rng = rng(SALT_VIOLATIONS + 100);
        boolean[] violating = new boolean[s];
        for (int service : t.injectedServices) {
            violating[service] = true;
        }
        int sinkViolations = Math.max(1, t.products / 2000);
        for (int i = 0; i < s; i++) {
            long h = Hash.of(seed, SALT_SERVICES, i);
            int tier;
            switch (t.kind[i]) {
                case Topology.PROCESSOR -> {
                    tier = 4;
                    for (int j = t.outStart[i]; j < t.outStart[i + 1]; j++) {
                        tier = Math.min(tier, t.tier[t.outs[j]]);
                    }
                    // a service promises what its best product promises; honest unless a product was injected
                }
                case Topology.SINK -> {
                    int worst = worstInput(i);
                    tier = Math.min(4, worst + (Hash.unit(h) < 0.3 ? 1 : 0));
                    if (sinkViolations > 0 && worst == 4 && hasDeclaredTierFourInput(i)
                            && rng.nextDouble() < 0.05) {
                        tier = 1;
                        violating[i] = true;
                        sinkViolations--;
                    }
                }
                default -> tier = 4;
            }
            t.serviceTier[i] = (byte) tier;
            double u = Hash.unit(Hash.mix(h));
            t.listed[i] = violating[i] || t.kind[i] != Topology.PROCESSOR && t.kind[i] != Topology.SINK
                    || u < LISTED_SERVICE_RATE;
            t.production[i] = t.kind[i] == Topology.SINK ? Hash.unit(Hash.mix(Hash.mix(h))) < 0.85
                    : t.kind[i] != Topology.PROCESSOR || Hash.unit(Hash.mix(Hash.mix(h))) < 0.95;
        }
        IntList all = new IntList();
        for (int i = 0; i < s; i++) {
            if (violating[i]) {
                all.add(i);
            }
        }
        t.injectedServices = all.toArray();
    }

    private boolean hasDeclaredTierFourInput(int service) {
        for (int i = t.readStart[service]; i < t.readStart[service + 1]; i++) {
            if (!t.isRevoked(i) && t.declaredTier[t.reads[i]] == 4) {
                return true;
            }
        }
        return false;
    }

    private void roots() {
        int[] regular = new int[t.regularProducts];
        for (int p = 0; p < regular.length; p++) {
            regular[p] = p;
        }
        shuffle(regular, rng(SALT_ROOTS));
        t.roots = Arrays.copyOf(regular, Math.min(100, regular.length));
    }

    // ---- helpers

    private static double[] cumulative(double[] weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static int sample(double[] cumulative, int length, SplittableRandom rng) {
        int index = Arrays.binarySearch(cumulative, 0, length, rng.nextDouble() * cumulative[length - 1]);
        return Math.min(length - 1, index < 0 ? -index - 1 : index);
    }

    private static void shuffle(int[] values, SplittableRandom rng) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    private static <T> void shuffle(List<T> values, SplittableRandom rng) {
        for (int i = values.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T tmp = values.get(i);
            values.set(i, values.get(j));
            values.set(j, tmp);
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
