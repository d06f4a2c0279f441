package dev.meshlens.app.ui.canvas.modes;

import dev.meshlens.app.ui.service.LineageFacts;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A big fan-out for mode tests: {@code User:source} writes {@code hub.events}, read by {@code n} services that each
 * write a product of their own; every seventh consumer declares no tier.
 */
public final class FanOutMesh {
    /** The product every consumer reads. */
    public static final String HUB = "hub.events";

    private FanOutMesh() {
    }

    /** The fan-out with {@code consumers} consumers, loaded as snapshot #1 of cluster {@code fan}. */
    public static LoadedCatalog of(int consumers) {
        List<AclBinding> acls = new ArrayList<>();
        List<Topic> topics = new ArrayList<>();
        List<DataProduct> products = new ArrayList<>();
        List<ServiceInfo> services = new ArrayList<>();
        acls.add(acl(HUB, "User:source", AclOperation.WRITE));
        topics.add(new Topic(HUB, null, 3, 1, Map.of()));
        products.add(new DataProduct("Hub events", HUB, "fan", null, "core", "core-team", null, 1, "gold", List.of(),
                null, null));
        for (int i = 0; i < consumers; i++) {
            String principal = String.format("User:c%04d", i);
            String out = String.format("derived.%04d", i);
            acls.add(acl(HUB, principal, AclOperation.READ));
            acls.add(acl(out, principal, AclOperation.WRITE));
            topics.add(new Topic(out, null, 1, 1, Map.of()));
            products.add(new DataProduct(null, out, "fan", null, "d" + i % 5, "team-" + i % 3, null, 2 + i % 3,
                    "silver", List.of(), null, null));
            services.add(new ServiceInfo(principal, null, "team-" + i % 3, i % 7 == 0 ? null : 2, true));
        }
        MeshContent content = new MeshContent(EnumSet.of(SourceKind.ACLS, SourceKind.TOPICS, SourceKind.CATALOG,
                SourceKind.SERVICES), acls, topics, List.of(), products, services, List.of(), List.of(), List.of())
                .canonical();
        Snapshot snapshot = new Snapshot(1, Instant.parse("2024-06-01T12:00:00Z"), "fan", content.sources(), "test");
        Map<SourceKind, Snapshot> sources = new HashMap<>();
        content.sources().forEach(s -> sources.put(s, snapshot));
        CatalogState state = new CatalogState("fan", snapshot, sources, content);
        LineageGraph lineage = LineageGraph.build(state, LineageOptions.defaults());
        return new LoadedCatalog(state, snapshot, new LineageFacts(state, lineage));
    }

    private static AclBinding acl(String topic, String principal, AclOperation operation) {
        return new AclBinding(ResourceType.TOPIC, PatternType.LITERAL, topic, principal, "*", operation,
                AclPermission.ALLOW);
    }
}
