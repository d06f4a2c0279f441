package dev.meshlens.engine.change;

import dev.meshlens.engine.lineage.ConsumerDetail;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import dev.meshlens.engine.lineage.VisitedNode;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.schema.CompatibilityChecker;
import dev.meshlens.engine.schema.CompatibilityMode;
import dev.meshlens.engine.schema.CompatibilityResult;
import dev.meshlens.engine.schema.SchemaTexts;
import dev.meshlens.engine.schema.SubjectNaming;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The impact of a proposed schema change on one product, in the JGraphT algorithm style: the catalog state and
 * its lineage graph are given once, questions follow.
 *
 * <p>The product's subject is the one its catalog entry names ({@code registry:<subject>}, or a registry URL
 * with {@code /subjects/<subject>}); without one, TopicNameStrategy's {@code <topic>-value}. The proposal is
 * judged with {@link CompatibilityChecker} against the subject's registered versions in the state, under the
 * subject's own level or a given mode. Whatever the verdict, the answer lists who depends on the product: its
 * direct consumers, and everything downstream with owner, tier and depth, so an owner knows whom a breaking
 * change would break.
 *
 * <p>Thread-safe: every query works on immutable inputs.
 */
public final class BreakingChangeImpact {
    private static final Pattern REGISTRY_URI = Pattern.compile("^registry:(?://)?(.+)$");
    private static final Pattern SUBJECT_IN_URL = Pattern.compile("/subjects/([^/?#]+)");
    private static final Comparator<Integer> TIER_ORDER = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    private final CatalogState state;
    private final LineageGraph graph;
    private final LineageTraversal traversal;
    private final Map<String, ServiceInfo> servicesByPrincipal = new HashMap<>();
    private final Map<String, DataProduct> productsByTopic = new HashMap<>();

    /**
     * @param graph the lineage graph built from {@code state}
     * @throws NullPointerException when an argument is null
     */
    public BreakingChangeImpact(CatalogState state, LineageGraph graph) {
        this.state = Objects.requireNonNull(state, "state");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.traversal = new LineageTraversal(graph);
        state.content().services().forEach(s -> servicesByPrincipal.putIfAbsent(s.principal(), s));
        // canonical content lists products by topic, then name: the first entry of a topic is its entry here
        state.content().products().forEach(p -> productsByTopic.putIfAbsent(p.topic(), p));
    }

    /**
     * The registry subject of {@code topic}'s values: the one the catalog entry's schema URI names
     * ({@code registry:orders-value}, {@code registry://orders-value},
     * {@code https://registry/subjects/orders-value/versions/latest}), else {@code <topic>-value}.
     */
    public String subjectOf(String topic) {
        Objects.requireNonNull(topic, "topic");
        DataProduct product = productsByTopic.get(topic);
        return Optional.ofNullable(product).map(DataProduct::schemaUri).flatMap(BreakingChangeImpact::subjectIn)
                .orElseGet(() -> SubjectNaming.valueSubject(topic));
    }

    private static Optional<String> subjectIn(String schemaUri) {
        String uri = schemaUri.trim();
        Matcher registry = REGISTRY_URI.matcher(uri);
        if (registry.matches() && !registry.group(1).isBlank()) {
            return Optional.of(registry.group(1).trim());
        }
        Matcher url = SUBJECT_IN_URL.matcher(uri);
        if (url.find()) {
            return Optional.of(URLDecoder.decode(url.group(1), StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    /** The registered versions of {@code subject} in the state, ascending; empty when none is registered. */
    public List<SchemaVersion> registeredVersions(String subject) {
        Objects.requireNonNull(subject, "subject");
        return state.content().schemas().stream().filter(s -> s.subject().equals(subject))
                .sorted(Comparator.comparingInt(SchemaVersion::version)).toList();
    }

    /**
     * Judges {@code proposed} against the registered versions of {@code subject}.
     *
     * @param mode the mode to judge under, or null for the subject's own level (the registry's default,
     *             BACKWARD, when it declares none)
     * @throws InputException naming the proposal's source and line when its text does not parse, or the
     *                        registered version whose text does not
     */
    public CompatibilityResult judge(String subject, ProposedSchema proposed, CompatibilityMode mode) {
        Objects.requireNonNull(proposed, "proposed");
        SchemaTexts.validate(proposed.source(), proposed.type(), proposed.text());
        CompatibilityChecker checker = new CompatibilityChecker(registeredVersions(subject));
        return mode == null ? checker.check(proposed.type().name(), proposed.text())
                : checker.check(proposed.type().name(), proposed.text(), mode);
    }

    /**
     * The direct consumers of {@code topic}, with owner and tier from services.csv; by tier (1 first, undeclared
     * last), principal (unknown last), then group (none first).
     */
    public List<AffectedConsumer> directConsumers(String topic) {
        List<AffectedConsumer> rows = new ArrayList<>();
        for (ConsumerDetail c : graph.consumers(topic)) {
            ServiceInfo service = c.principal() == null ? null : servicesByPrincipal.get(c.principal());
            rows.add(new AffectedConsumer(c.principal(), c.group(), c.state(), c.lag(),
                    service == null ? null : service.owner(), service == null ? null : service.tier()));
        }
        rows.sort(Comparator.comparing(AffectedConsumer::tier, TIER_ORDER)
                .thenComparing(AffectedConsumer::principal, NULLS_LAST)
                .thenComparing(AffectedConsumer::group, Comparator.nullsFirst(Comparator.naturalOrder())));
        return List.copyOf(rows);
    }

    /**
     * Every product, service and group downstream of {@code topic} (not the product itself), each once at its
     * shortest depth, with owner and tier; by tier (1 first, undeclared last), then name, then kind.
     *
     * @throws IllegalArgumentException when the topic is not in the lineage graph
     */
    public List<AffectedNode> downstream(String topic) {
        ProductNode root = graph.product(topic).orElseThrow(() -> new IllegalArgumentException("no product '"
                + topic + "' in the lineage of cluster " + state.cluster()));
        List<AffectedNode> nodes = new ArrayList<>();
        for (VisitedNode visited : traversal.downstream(root).nodes()) {
            if (visited.depth() > 0) {
                LineageNode node = visited.node();
                nodes.add(new AffectedNode(node.kind(), node.name(), ownerOf(node), tierOf(node), visited.depth()));
            }
        }
        nodes.sort(Comparator.comparing(AffectedNode::tier, TIER_ORDER).thenComparing(AffectedNode::name)
                .thenComparing(AffectedNode::kind));
        return List.copyOf(nodes);
    }

    private String ownerOf(LineageNode node) {
        if (node instanceof ProductNode p) {
            DataProduct product = productsByTopic.get(p.topic());
            return product == null ? null : product.owner();
        }
        if (node instanceof ServiceNode s) {
            ServiceInfo service = servicesByPrincipal.get(s.principal());
            return service == null ? null : service.owner();
        }
        return null;
    }

    private Integer tierOf(LineageNode node) {
        if (node instanceof ProductNode p) {
            DataProduct product = productsByTopic.get(p.topic());
            return product == null ? null : product.slaTier();
        }
        if (node instanceof ServiceNode s) {
            ServiceInfo service = servicesByPrincipal.get(s.principal());
            return service == null ? null : service.tier();
        }
        return null;
    }

    /**
     * The whole answer for a product: its subject and registered versions, the judgement of {@code proposed},
     * its direct consumers and everything downstream.
     *
     * @param product a topic or a catalog product name
     * @param mode    the mode to judge under, or null for the subject's own level
     * @throws IllegalArgumentException when {@code product} names no product of the lineage graph
     * @throws InputException           naming the proposal's source and line when its text does not parse
     */
    public ChangeImpact assess(String product, ProposedSchema proposed, CompatibilityMode mode) {
        Objects.requireNonNull(product, "product");
        String topic = graph.findProduct(product).map(ProductNode::topic).orElseThrow(() ->
                new IllegalArgumentException("no product '" + product + "' in cluster " + state.cluster()));
        String subject = subjectOf(topic);
        CompatibilityResult result = judge(subject, proposed, mode);
        List<Integer> versions = registeredVersions(subject).stream().map(SchemaVersion::version).toList();
        return new ChangeImpact(topic, subject, versions, result, directConsumers(topic), downstream(topic));
    }
}
