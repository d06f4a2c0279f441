package dev.meshlens.app.ui.canvas;

import dev.meshlens.app.ui.service.LineageFacts;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.service.StoreCatalogService;
import dev.meshlens.app.ui.task.TaskContext;
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
import dev.meshlens.engine.store.CatalogStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Catalogs for canvas tests: the bundled demo mesh as imported, and a generated fan-out of any size. */
public final class CanvasMeshes {
    /** The domains the fan-out's consumers belong to, in turn. */
    public static final List<String> FAN_OUT_DOMAINS = List.of("sales", "payments", "logistics", "marketing",
            "finance", "customer", "analytics");
    /** The topic the fan-out's consumers read. */
    public static final String HUB = "core.events";

    private static LoadedCatalog demo;

    private CanvasMeshes() {
    }

    /** The demo mesh's newest snapshot, imported once per test JVM into a temporary catalog. */
    public static synchronized LoadedCatalog demo() {
        if (demo == null) {
            try {
                Path dir = Files.createTempDirectory("meshlens-canvas-test");
                try (StoreCatalogService service = new StoreCatalogService(
                        CatalogStore.open("jdbc:h2:file:" + dir.resolve("catalog")), LineageOptions.defaults(),
                        Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC))) {
                    List<Snapshot> snapshots = service.importDemo(TaskContext.NONE);
                    demo = service.load("demo", snapshots.get(snapshots.size() - 1).id());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return demo;
    }

    /**
     * A mesh where one producer writes {@link #HUB} and {@code consumers} services read it, each writing a product
     * of its own; consumer {@code i} is in domain {@code FAN_OUT_DOMAINS[i % 7]}, owned by {@code team-(i % 3)},
     * and every tenth one is only allowed to read (never consumes).
     */
    public static LoadedCatalog fanOut(int consumers) {
        return fanOut(consumers, FAN_OUT_DOMAINS);
    }

    /** {@link #fanOut(int)} with consumer {@code i} in domain {@code domains[i % domains.size()]}. */
    public static LoadedCatalog fanOut(int consumers, List<String> domains) {
        List<AclBinding> acls = new ArrayList<>();
        List<Topic> topics = new ArrayList<>();
        List<DataProduct> products = new ArrayList<>();
        List<ServiceInfo> services = new ArrayList<>();
        acls.add(acl(HUB, "User:source", AclOperation.WRITE));
        topics.add(new Topic(HUB, null, 3, 1, Map.of()));
        products.add(new DataProduct("Core events", HUB, "fan", null, "core", "core-team", null, 1, "gold",
                List.of(), null, null));
        for (int i = 0; i < consumers; i++) {
            String domain = domains.get(i % domains.size());
            String principal = String.format("User:c%04d", i);
            String out = String.format("%s.derived.%04d", domain, i);
            acls.add(acl(HUB, principal, AclOperation.READ));
            acls.add(acl(out, principal, AclOperation.WRITE));
            topics.add(new Topic(out, null, 1, 1, Map.of()));
            products.add(new DataProduct("Derived " + i, out, "fan", null, domain, "team-" + (i % 3), null,
                    2 + i % 3, "silver", List.of(), null, null));
            services.add(new ServiceInfo(principal, null, "team-" + (i % 3), 2, true));
        }
        MeshContent content = new MeshContent(EnumSet.of(SourceKind.ACLS, SourceKind.TOPICS, SourceKind.CATALOG,
                SourceKind.SERVICES), acls, topics, List.of(), products, services, List.of(), List.of(), List.of())
                .canonical();
        return loaded("fan", content);
    }

    /** {@code content} loaded as snapshot #1 of {@code cluster}, with its lineage built the app's way. */
    public static LoadedCatalog loaded(String cluster, MeshContent content) {
        Snapshot snapshot = new Snapshot(1, Instant.parse("2024-06-01T12:00:00Z"), cluster, content.sources(),
                "test");
        Map<SourceKind, Snapshot> sources = new HashMap<>();
        content.sources().forEach(s -> sources.put(s, snapshot));
        CatalogState state = new CatalogState(cluster, snapshot, sources, content);
        LineageGraph lineage = LineageGraph.build(state, LineageOptions.defaults());
        return new LoadedCatalog(state, snapshot, new LineageFacts(state, lineage));
    }

    private static AclBinding acl(String topic, String principal, AclOperation operation) {
        return new AclBinding(ResourceType.TOPIC, PatternType.LITERAL, topic, principal, "*", operation,
                AclPermission.ALLOW);
    }
}
