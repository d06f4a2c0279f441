package dev.meshlens.importers.kafka;

import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.importers.Cancellation;
import dev.meshlens.importers.CatalogImporter;
import dev.meshlens.importers.file.ImportProgress;
import dev.meshlens.localkafka.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The broker goes away in the middle of an import: one clear message, no partial snapshot, the old one intact. */
class KafkaImportFaultTest {

    @TempDir
    Path dir;

    @Test
    void brokerStoppedMidImportLeavesThePreviousSnapshotIntactAndNoPartialOne() throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().dataDir(dir.resolve("broker")).start();
             CatalogStore store = CatalogStore.open("jdbc:h2:file:" + dir.resolve("catalog"))) {
            try (Admin admin = Admin.create(kafka.adminProperties())) {
                admin.createTopics(List.of(new NewTopic("orders", 3, (short) 1), new NewTopic("payments", 1, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
                admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "orders",
                        PatternType.LITERAL), new AccessControlEntry("User:billing", "*", AclOperation.READ,
                        AclPermissionType.ALLOW)))).all().get(30, TimeUnit.SECONDS);
            }
            KafkaClientConfig client = KafkaClientConfig.of("admin.properties", kafka.adminProperties());
            CatalogImporter importer = new CatalogImporter(store, ImportProgress.NONE);
            Snapshot first = importer.importSources("live", List.of(new KafkaSource(client,
                    KafkaImportOptions.defaults(), List.of(), new SampleLimits(1, Duration.ZERO))), Instant.now(),
                    new Cancellation());
            CatalogState before = store.state("live", first.id());
            KafkaImportProgress stopBrokerAfterAcls = new KafkaImportProgress() {
                @Override
                public void finished(StepResult step) {
                    if (step.step().equals("acls")) {
                        kafka.close();
                    }
                }
            };
            KafkaSource doomed = new KafkaSource(client, KafkaImportOptions.defaults()
                    .withTimeout(Duration.ofSeconds(3)).withProgress(stopBrokerAfterAcls), List.of(),
                    new SampleLimits(1, Duration.ZERO));

            assertThatThrownBy(() -> importer.importSources("live", List.of(doomed), Instant.now(), new Cancellation()))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith("Admin.listTopics: no answer from " + client.bootstrapServers()
                            + " within 3 s")
                    .extracting(e -> ((InputException) e).source()).isEqualTo("Admin.listTopics");
            assertThat(store.snapshots()).containsExactly(first);
            assertThat(store.state("live", first.id())).isEqualTo(before);
            assertThat(before.content().topics()).extracting(t -> t.name()).contains("orders", "payments");
        }
    }
}
