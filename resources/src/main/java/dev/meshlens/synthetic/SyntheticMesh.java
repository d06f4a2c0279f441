package dev.meshlens.synthetic;

import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.synthetic.format.CatalogCsvWriter;
import dev.meshlens.synthetic.format.GroupMappingCsvWriter;
import dev.meshlens.synthetic.format.KafkaAclListingWriter;
import dev.meshlens.synthetic.format.KafkaConsumerGroupsWriter;
import dev.meshlens.synthetic.format.KafkaTopicsWriter;
import dev.meshlens.synthetic.format.ServicesCsvWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A synthetic data mesh, deterministic by seed: the same spec and seed give the same facts and the same files,
 * byte for byte, on any machine.
 *
 * <p>The mesh has the shape of a real one: domains with owners; source, processing and consuming-only
 * services; a Zipf-like fan-out (a few products read by thousands of services); chains twenty levels deep;
 * a few cycles; LITERAL ACLs mostly, PREFIXED ones for lake exporters reading whole domains, a few DENY and
 * {@code *}; GROUP ACLs; consumer groups that are up to date, lagging, replaying, stopped or never consumed;
 * topics with partitions and configs; a catalog for about 95 % of the topics (plus a few announced products
 * whose topic does not exist), SLA tiers with a few injected violations, quality, PII and financial tags, a few
 * deprecated products; and a service sheet with tiers.
 *
 * <p>Only the shape is held in memory (primitive arrays, a few tens of megabytes for {@link MeshSize#L});
 * facts are produced while they are written, so {@link #writeTo(MeshSink)} and {@link #writeFiles(Path)} never
 * hold a whole listing. Ground truth for tests and benchmarks comes with it: the products, 100 fixed random
 * roots, the product with the largest fan-out, the longest chain, the cycles and the injected tier violations.
 *
 * <p>A lineage edge, as {@link #edgeCount()} counts it, is a principal's READ or WRITE relation to a product
 * topic once the ACLs are resolved the way Kafka's StandardAuthorizer resolves them (LITERAL, PREFIXED and
 * {@code *} patterns; DENY wins; ALL implies READ and WRITE); {@code User:*} counts as one principal and
 * Kafka's internal topics are not products.
 *
 * <p>Instances are immutable after {@link #generate} and safe to share between threads.
 */
public final class SyntheticMesh {
    /** The cluster name the products carry. */
    public static final String CLUSTER = "synthetic";

    /** The file names {@link #writeFiles(Path)} writes. */
    public static final String ACLS_FILE = "acls.txt";
    public static final String GROUPS_FILE = "groups.txt";
    public static final String GROUPS_STATE_FILE = "groups-state.txt";
    public static final String TOPICS_FILE = "topics.txt";
    public static final String CATALOG_FILE = "catalog.csv";
    public static final String SERVICES_FILE = "services.csv";
    public static final String GROUP_MAPPING_FILE = "group-mapping.csv";

    private static final int WRITE_BUFFER = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticMesh.class);

    private final MeshSpec spec;
    private final long seed;
    private final Topology topology;
    private final TopicPlan topics;
    private final GroupPlan groups;
    private final AclPlan acls;
    private final CatalogPlan catalog;

    private SyntheticMesh(MeshSpec spec, long seed) {
        long start = System.nanoTime();
        this.spec = spec;
        this.seed = seed;
        this.topology = TopologyBuilder.build(spec, seed);
        this.topics = new TopicPlan(topology);
        this.groups = new GroupPlan(topology, topics);
        this.acls = new AclPlan(topology, groups);
        this.catalog = new CatalogPlan(topology, groups);
        LOG.debug("generated a {}-product mesh (seed {}): {} services, {} groups in {} ms", spec.products(), seed,
                topology.services, groups.groups().size(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Generates a mesh of a named size.
     *
     * @param seed any value; equal seeds give equal meshes
     */
    public static SyntheticMesh generate(MeshSize size, long seed) {
        return new SyntheticMesh(size.spec(), seed);
    }

    /**
     * Generates a mesh of a custom size, e.g. {@code MeshSpec.ofProducts(60_000)}.
     *
     * @param seed any value; equal seeds give equal meshes
     */
    public static SyntheticMesh generate(MeshSpec spec, long seed) {
        return new SyntheticMesh(Objects.requireNonNull(spec, "spec"), seed);
    }

    /** The size this mesh was generated for. */
    public MeshSpec spec() {
        return spec;
    }

    /** The seed this mesh was generated from. */
    public long seed() {
        return seed;
    }

    // ---- ground truth

    /** The number of product topics (Kafka's internal topics not counted). */
    public int productCount() {
        return topology.products;
    }

    /** Every product topic, sorted by name. */
    public List<String> productTopics() {
        List<String> names = new ArrayList<>(topology.products);
        for (int p : topology.byName) {
            names.add(topology.topics[p]);
        }
        return names;
    }

    /**
     * The catalog entries as {@code catalog.csv} holds them, sorted by topic: about 95 % of the product topics
     * plus the announced products whose topic does not exist yet. Builds the list on each call.
     */
    public List<DataProduct> catalogProducts() {
        List<DataProduct> products = new ArrayList<>();
        catalog.forEach((product, sla) -> products.add(product));
        return products;
    }

    /** Product topics without a catalog entry (unregistered streams), sorted. */
    public List<String> unregisteredTopics() {
        List<String> names = new ArrayList<>();
        for (int p : topology.byName) {
            if (!topology.registered[p]) {
                names.add(topology.topics[p]);
            }
        }
        return names;
    }

    /** The number of catalog entries whose topic does not exist. */
    public int catalogEntriesWithoutTopic() {
        return catalog.phantomCount();
    }

    /**
     * 100 product topics drawn uniformly for this seed (fewer when the mesh has fewer products): fixed starting
     * points for impact queries, in draw order.
     */
    public List<String> randomRoots() {
        return names(topology.roots);
    }

    /** The product topic with the most direct consumers (principals allowed to READ it). */
    public String bigFanOutProduct() {
        int best = 0;
        int bestCount = -1;
        for (int p = 0; p < topology.products; p++) {
            int count = topology.resolvedReaders(p);
            if (count > bestCount || count == bestCount && topology.topics[p].compareTo(topology.topics[best]) < 0) {
                best = p;
                bestCount = count;
            }
        }
        return topology.topics[best];
    }

    /**
     * The direct consumers of a product topic: principals allowed to READ it once ACLs are resolved,
     * {@code User:*} counted as one.
     *
     * @throws IllegalArgumentException when the topic is not a product of this mesh
     */
    public int directConsumerCount(String topic) {
        return topology.resolvedReaders(product(topic));
    }

    /**
     * The longest designed chain: product topics from a source to a product of the deepest level, each read
     * by a service that writes the next. Its length minus one is the chain depth (19 for S, M and L).
     */
    public List<String> longestChain() {
        return names(topology.chain);
    }

    /**
     * The designed cycles: each a list of product topics where a service reads each one and writes the
     * next, and a service reads the last and writes the first.
     */
    public List<List<String>> cycles() {
        List<List<String>> cycles = new ArrayList<>();
        for (int[] cycle : topology.cycles) {
            cycles.add(names(cycle));
        }
        return cycles;
    }

    /**
     * Products whose declared tier is 1 while a product declaring tier 4 feeds them directly (the injected
     * violations; apart from them, declared tiers are consistent along lineage).
     */
    public List<String> tierViolations() {
        return names(topology.injectedProducts);
    }

    /** Principals of services declaring tier 1 while reading a product that declares tier 4. */
    public List<String> tierViolatingServices() {
        List<String> principals = new ArrayList<>();
        for (int s : topology.injectedServices) {
            principals.add(topology.principal(s));
        }
        return principals;
    }

    /** Lineage edges: resolved READ plus WRITE relations between principals and product topics. */
    public long edgeCount() {
        return readEdgeCount() + writeEdgeCount();
    }

    /** Resolved READ relations between principals and product topics. */
    public long readEdgeCount() {
        return topology.readEdges();
    }

    /** Resolved WRITE relations between principals and product topics. */
    public long writeEdgeCount() {
        return topology.writeEdges();
    }

    /** Principals that read or write products (services), listed in {@code services.csv} or not. */
    public int serviceCount() {
        return topology.services;
    }

    /** Consumer groups, the never-consumed ones included. */
    public int groupCount() {
        return groups.groups().size();
    }

    /** The domains, e.g. {@code customer}, {@code payments}, {@code platform}. */
    public List<String> domains() {
        return List.of(topology.domainNames);
    }

    // ---- facts

    /**
     * Streams every fact into {@code sink}: covers ACLS, TOPICS, GROUPS, CATALOG, SERVICES and GROUP_MAPPING,
     * then the ACL bindings, topics (with {@code __consumer_offsets}), consumer groups (whole: state, members and
     * offsets in one part), catalog products, services and group mappings. Nothing is held beyond the fact at
     * hand and one consumer group.
     */
    public void writeTo(MeshSink sink) {
        for (SourceKind source : List.of(SourceKind.ACLS, SourceKind.TOPICS, SourceKind.GROUPS, SourceKind.CATALOG,
                SourceKind.SERVICES, SourceKind.GROUP_MAPPING)) {
            sink.cover(source);
        }
        acls.forEach((type, pattern, name, bindings) -> {
            bindings.forEach(sink::acl);
            return true;
        });
        topics.forEach((topic, placements) -> sink.topic(topic));
        groups.forEach(sink::group);
        catalog.forEach((product, sla) -> sink.product(product));
        catalog.forEachService(sink::service);
        catalog.forEachMapping(sink::groupMapping);
    }

    /**
     * Writes the files the importers read into {@code directory} (created if missing, files replaced):
     * {@value #ACLS_FILE}, {@value #GROUPS_FILE}, {@value #GROUPS_STATE_FILE}, {@value #TOPICS_FILE},
     * {@value #CATALOG_FILE}, {@value #SERVICES_FILE} and {@value #GROUP_MAPPING_FILE}, in UTF-8.
     *
     * @return the files written, in that order
     * @throws IOException when a file cannot be written
     */
    public List<Path> writeFiles(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        written.add(write(directory.resolve(ACLS_FILE), this::writeAcls));
        written.add(write(directory.resolve(GROUPS_FILE), this::writeGroupOffsets));
        written.add(write(directory.resolve(GROUPS_STATE_FILE), this::writeGroupStates));
        written.add(write(directory.resolve(TOPICS_FILE), this::writeTopics));
        written.add(write(directory.resolve(CATALOG_FILE), this::writeCatalog));
        written.add(write(directory.resolve(SERVICES_FILE), this::writeServices));
        written.add(write(directory.resolve(GROUP_MAPPING_FILE), this::writeGroupMapping));
        return written;
    }

    /**
     * Writes what {@code kafka-acls --bootstrap-server ... --list} prints for this mesh.
     *
     * @return the number of lines written
     * @throws UncheckedIOException when writing fails
     */
    public long writeAcls(Appendable out) {
        KafkaAclListingWriter writer = new KafkaAclListingWriter(out);
        acls.forEach((type, pattern, name, bindings) -> {
            writer.resource(type, pattern, name, bindings);
            return true;
        });
        return writer.lines();
    }

    /**
     * Writes what {@code kafka-consumer-groups --bootstrap-server ... --describe --all-groups} prints on
     * standard output for this mesh.
     *
     * @return the number of partition rows written
     * @throws UncheckedIOException when writing fails
     */
    public long writeGroupOffsets(Appendable out) {
        KafkaConsumerGroupsWriter writer = new KafkaConsumerGroupsWriter(out);
        groups.forEach(writer::offsets);
        return writer.rows();
    }

    /**
     * Writes what {@code kafka-consumer-groups --bootstrap-server ... --describe --all-groups --state} prints.
     * Only states are needed, so no offsets are computed.
     *
     * @return the number of groups written
     * @throws UncheckedIOException when writing fails
     */
    public long writeGroupStates(Appendable out) {
        KafkaConsumerGroupsWriter writer = new KafkaConsumerGroupsWriter(out);
        for (GroupPlan.GroupRef ref : groups.groups()) {
            writer.state(groups.group(ref, false));
        }
        return writer.rows();
    }

    /**
     * Writes what {@code kafka-topics --bootstrap-server ... --describe} prints for this mesh.
     *
     * @return the number of lines written
     * @throws UncheckedIOException when writing fails
     */
    public long writeTopics(Appendable out) {
        KafkaTopicsWriter writer = new KafkaTopicsWriter(out);
        topics.forEach(writer::topic);
        return writer.lines();
    }

    /**
     * Writes the catalog sheet.
     *
     * @return the number of products written
     * @throws UncheckedIOException when writing fails
     */
    public long writeCatalog(Appendable out) {
        CatalogCsvWriter writer = new CatalogCsvWriter(out);
        catalog.forEach(writer::product);
        return writer.products();
    }

    /**
     * Writes the service sheet.
     *
     * @return the number of services written
     * @throws UncheckedIOException when writing fails
     */
    public long writeServices(Appendable out) {
        ServicesCsvWriter writer = new ServicesCsvWriter(out);
        catalog.forEachService(writer::service);
        return writer.services();
    }

    /**
     * Writes the group mapping sheet.
     *
     * @throws UncheckedIOException when writing fails
     */
    public void writeGroupMapping(Appendable out) {
        GroupMappingCsvWriter writer = new GroupMappingCsvWriter(out);
        catalog.forEachMapping(writer::mapping);
    }

    /** The ACL plan, for {@link SyntheticAclListing}. */
    AclPlan aclPlan() {
        return acls;
    }

    private int product(String topic) {
        int low = 0;
        int high = topology.byName.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = topology.topics[topology.byName[mid]].compareTo(topic);
            if (cmp == 0) {
                return topology.byName[mid];
            }
            if (cmp < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        throw new IllegalArgumentException("'" + topic + "' is not a product topic of this mesh");
    }

    private List<String> names(int[] products) {
        return Arrays.stream(products).mapToObj(p -> topology.topics[p]).toList();
    }

    private interface Content {
        void writeTo(Appendable out);
    }

    private static Path write(Path file, Content content) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), WRITE_BUFFER)) {
            content.writeTo(out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return file;
    }
}
