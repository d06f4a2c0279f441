package dev.meshlens.engine.access;

import dev.meshlens.engine.lineage.ConsumerState;
import dev.meshlens.engine.lineage.EdgeFacts;
import dev.meshlens.engine.lineage.GroupNode;
import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.SourceKind;
import org.jgrapht.Graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sensitive-data reach: every principal that can read a product carrying a tag (PII, financial, ...), directly
 * or through a product derived from it, with the path the data takes to it.
 *
 * <p>Reach follows the lineage graph downstream from each tagged product over every edge: READ edges whatever
 * their state (a permission nobody uses still lets its holder read; a group consuming without ACL reads all the
 * same) and WRITE edges from a reader to the products it may write. Every service reached is a reader; so is a
 * consumer group that stands for an unknown principal. Each reader gets the shortest path; among equally short
 * paths, the one whose node names compare smallest from the tagged product outward.
 *
 * <p>In the JGraphT algorithm style: the constructor takes the lineage graph and the catalog state it was built
 * from and validates them; queries follow. Immutable and thread-safe.
 */
public final class SensitiveReach {
    /** Node order of every path tie-break: by name, then kind (a group id may look like a principal). */
    private static final Comparator<LineageNode> BY_NAME = Comparator.comparing(LineageNode::name)
            .thenComparing(LineageNode::kind);
    private static final Comparator<SensitiveReader> READER_ORDER = Comparator
            .comparing(SensitiveReader::product)
            .thenComparing(SensitiveReader::principal, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SensitiveReader::group, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final LineageGraph lineage;
    private final Graph<LineageNode, LineageEdge> graph;
    private final List<DataProduct> products;
    private final Set<String> registered;
    private final boolean groupsKnown;
    private final boolean servicesKnown;

    /**
     * @param lineage the lineage graph built from {@code state}
     * @param state   the catalog state: its entries carry the tags, services.csv says who is registered
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the graph was not built from {@code state} 
     */
    public SensitiveReach(LineageGraph lineage, CatalogState state) {
        this.lineage = Objects.requireNonNull(lineage, "lineage");
        Objects.requireNonNull(state, "state");
        this.graph = lineage.graph();
        this.products = state.content().products();
        lineage.requireBuiltFrom(state);
        this.registered = state.content().services().stream().map(ServiceInfo::principal).collect(Collectors.toSet());
        this.groupsKnown = state.has(SourceKind.GROUPS);
        this.servicesKnown = state.has(SourceKind.SERVICES);
    }

    /**
     * The topics of the catalog entries carrying {@code tag}, ignoring case.
     *
     * @return sorted, each topic once
     * @throws IllegalArgumentException when {@code tag} is blank
     */
    public List<String> taggedProducts(String tag) {
        String wanted = normalize(tag);
        return products.stream().filter(p -> p.hasTag(wanted)).map(DataProduct::topic).distinct().sorted().toList();
    }

    /**
     * Every reader of every product carrying {@code tag}: one row per (reader, tagged product) with the shortest
     * path from the product to the reader, flagged when the reader has no group on the topic it reads, is not in
     * services.csv, or reads without a matching ACL.
     *
     * @param tag matched ignoring case, e.g. {@code PII} finds products tagged {@code pii}
     * @throws IllegalArgumentException when {@code tag} is blank
     */
    public SensitiveReachReport readersOf(String tag) {
        String wanted = normalize(tag);
        List<String> tagged = taggedProducts(wanted);
        List<SensitiveReader> readers = new ArrayList<>();
        for (String topic : tagged) {
            reach(new ProductNode(topic), readers);
        }
        readers.sort(READER_ORDER);
        return new SensitiveReachReport(wanted, tagged, readers);
    }

    private static String normalize(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("the tag must not be blank");
        }
        return tag.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Breadth-first downstream from {@code tagged}, expanding successors in name order and keeping each node's
     * first parent: nodes are then discovered level by level in the order of their paths, so each parent chain is
     * the smallest shortest path.
     */
    private void reach(ProductNode tagged, List<SensitiveReader> readers) {
        Map<LineageNode, LineageNode> parent = new HashMap<>();
        parent.put(tagged, null);
        ArrayDeque<LineageNode> queue = new ArrayDeque<>();
        queue.add(tagged);
        while (!queue.isEmpty()) {
            LineageNode node = queue.poll();
            List<LineageNode> successors = new ArrayList<>();
            for (LineageEdge edge : graph.outgoingEdgesOf(node)) {
                LineageNode target = graph.getEdgeTarget(edge);
                if (!parent.containsKey(target)) {
                    successors.add(target);
                }
            }
            successors.sort(BY_NAME);
            for (LineageNode next : successors) {
                parent.put(next, node);
                queue.add(next);
                if (!(next instanceof ProductNode)) {
                    readers.add(reader(tagged, (ProductNode) node, next, parent));
                }
            }
        }
    }

    private SensitiveReader reader(ProductNode tagged, ProductNode reads, LineageNode reader,
                                   Map<LineageNode, LineageNode> parent) {
        EdgeFacts facts = lineage.facts(graph.getEdge(reads, reader));
        boolean authorized = facts.state() != ConsumerState.UNAUTHORIZED;
        List<String> path = pathTo(reader, parent);
        if (reader instanceof GroupNode group) {
            return new SensitiveReader(null, group.groupId(), tagged.topic(), reads.topic(), reads.equals(tagged),
                    path, true, null, authorized);
        }
        String principal = ((ServiceNode) reader).principal();
        Boolean hasGroup = groupsKnown ? !facts.groups().isEmpty() : null;
        Boolean isRegistered = servicesKnown ? registered.contains(principal) : null;
        return new SensitiveReader(principal, null, tagged.topic(), reads.topic(), reads.equals(tagged), path,
                hasGroup, isRegistered, authorized);
    }

    private static List<String> pathTo(LineageNode end, Map<LineageNode, LineageNode> parent) {
        List<String> names = new ArrayList<>();
        for (LineageNode node = end; node != null; node = parent.get(node)) {
            names.add(node.name());
        }
        Collections.reverse(names);
        return List.copyOf(names);
    }
}
