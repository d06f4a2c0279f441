package dev.meshlens.app.ui.canvas.modes;

import dev.meshlens.app.ui.canvas.CanvasEdge;
import dev.meshlens.app.ui.canvas.CanvasNode;
import dev.meshlens.app.ui.canvas.Detail;
import dev.meshlens.app.ui.canvas.EdgeStyle;
import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.NodeKind;
import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.engine.lineage.EdgeFacts;
import dev.meshlens.engine.lineage.EdgeKind;
import dev.meshlens.engine.lineage.GroupNode;
import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.SlaTier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the catalog declares about lineage nodes (owner, domain, SLA tier), and the canvas nodes and edges the
 * modes draw for them. A product's facts come from its first catalog entry (canonical order), a service's from
 * services.csv; groups declare nothing. Immutable once built; safe on any thread.
 */
public final class NodeFacts {
    private final Map<String, DataProduct> products = new HashMap<>();
    private final Map<String, ServiceInfo> services = new HashMap<>();

    /** Indexes the catalog entries and services of {@code state}. */
    public NodeFacts(CatalogState state) {
        Objects.requireNonNull(state, "state");
        state.content().products().forEach(p -> products.putIfAbsent(p.topic(), p));
        state.content().services().forEach(s -> services.putIfAbsent(s.principal(), s));
    }

    /** The declared SLA tier: the catalog's for a product, services.csv's for a service; null when undeclared. */
    public Integer tier(LineageNode node) {
        if (node instanceof ProductNode p) {
            DataProduct product = products.get(p.topic());
            return product == null ? null : product.slaTier();
        }
        if (node instanceof ServiceNode s) {
            ServiceInfo service = services.get(s.principal());
            return service == null ? null : service.tier();
        }
        return null;
    }

    /** The declared owner, or null when undeclared (always for groups). */
    public String owner(LineageNode node) {
        if (node instanceof ProductNode p) {
            DataProduct product = products.get(p.topic());
            return product == null ? null : product.owner();
        }
        if (node instanceof ServiceNode s) {
            ServiceInfo service = services.get(s.principal());
            return service == null ? null : service.owner();
        }
        return null;
    }

    /** A product's declared domain; null for services and groups, which declare none. */
    public String domain(LineageNode node) {
        if (node instanceof ProductNode p) {
            DataProduct product = products.get(p.topic());
            return product == null ? null : product.domain();
        }
        return null;
    }

    /** The catalog entry of a product node's topic, or null. */
    public DataProduct product(String topic) {
        return products.get(topic);
    }

    /**
     * The text drawn on a node, as the canvas's neighbourhood writes it: a product's catalog name, a service's name
     * in services.csv, else the topic, principal or group id.
     */
    public String label(LineageNode node) {
        if (node instanceof ProductNode p) {
            DataProduct product = products.get(p.topic());
            return product == null ? p.topic() : product.name();
        }
        if (node instanceof ServiceNode s) {
            ServiceInfo service = services.get(s.principal());
            return service != null && service.name() != null && !service.name().isBlank() ? service.name()
                    : s.principal();
        }
        return node.name();
    }

    /** The canvas node kind of a lineage node. */
    public static NodeKind kind(LineageNode node) {
        if (node instanceof ProductNode) {
            return NodeKind.PRODUCT;
        }
        return node instanceof ServiceNode ? NodeKind.SERVICE : NodeKind.GROUP;
    }

    /**
     * The canvas node of {@code node}: labelled as {@link #label(LineageNode)} says, carrying its domain, owner
     * its declared SLA tier (which colours it) and the details the side panel shows.
     */
    public CanvasNode node(LineageNode node, int layer, Set<Mark> marks, List<Detail> extra) {
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("Kind", node.kind()));
        if (node instanceof ProductNode p) {
            details.add(new Detail("Topic", p.topic()));
            DataProduct product = products.get(p.topic());
            if (product != null) {
                details.add(new Detail("Name", product.name()));
                details.add(new Detail("Domain", Formats.orNone(product.domain())));
                details.add(new Detail("Owner", Formats.orNone(product.owner())));
                details.add(new Detail("Tier", Formats.tier(product.slaTier())));
                details.add(new Detail("Quality", Formats.orNone(product.quality())));
                details.add(new Detail("Lifecycle", product.lifecycle().name().toLowerCase(java.util.Locale.ROOT)));
            } else {
                details.add(new Detail("Catalog", "no catalog entry (unregistered stream)"));
            }
        } else if (node instanceof ServiceNode s) {
            details.add(new Detail("Principal", s.principal()));
            ServiceInfo service = services.get(s.principal());
            if (service != null) {
                details.add(new Detail("Name", Formats.orNone(service.name())));
                details.add(new Detail("Owner", Formats.orNone(service.owner())));
                details.add(new Detail("Tier", Formats.tier(service.tier())));
                details.add(new Detail("Production", service.production() ? "yes" : "no"));
            } else {
                details.add(new Detail("Services", "not in services.csv"));
            }
        } else {
            details.add(new Detail("Group", ((GroupNode) node).groupId()));
            details.add(new Detail("Principal", "none can be named for this group"));
        }
        details.addAll(extra);
        return new CanvasNode(LineageIds.id(node), kind(node), label(node), SlaTier.ofNullable(tier(node)), layer,
                domain(node), owner(node), marks, details);
    }

    /** The canvas edge of a lineage edge: a write, or a read drawn in its consumer state with its lag. */
    public static CanvasEdge edge(LineageEdge edge, EdgeFacts facts, Set<Mark> marks) {
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("Edge", edge.from().name() + " " + edge.kind().label() + " " + edge.to().name()));
        details.add(new Detail("Evidence", String.join(", ", facts.evidence())));
        EdgeStyle style = EdgeStyle.WRITE;
        if (edge.kind() == EdgeKind.READ) {
            style = EdgeStyle.of(facts.state());
            if (facts.state() != null) {
                details.add(new Detail("State", facts.state().label()));
            }
            details.add(new Detail("Lag", Formats.lag(facts.lag())));
            if (!facts.groups().isEmpty()) {
                details.add(new Detail("Groups", String.join(", ", facts.groups())));
            }
        }
        return new CanvasEdge(LineageIds.id(edge.from()), LineageIds.id(edge.to()), style,
                edge.kind() == EdgeKind.READ ? facts.lag() : null, marks, details);
    }
}
