package dev.meshlens.app.ui.importer;

import dev.meshlens.app.ui.service.StoreCatalogService;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.importers.profile.ConnectionProfile;
import dev.meshlens.importers.testkit.FixtureMesh;
import dev.meshlens.localkafka.EmbeddedKafkaBroker;
import javafx.collections.ListChangeListener;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The import dialog's live import of a connection profile, against a real broker seeded with the fixture mesh. */
class LiveImportViewModelTest {
    @TempDir
    static Path brokerDir;
    @TempDir
    Path dir;

    private static EmbeddedKafkaBroker kafka;
    private static Admin admin;
    private static AutoCloseable heldGroups;
    private static ConnectionProfile profile;

    private StoreCatalogService service;
    private final List<Snapshot> imported = new ArrayList<>();

    @BeforeAll
    static void startSeededBroker() {
        kafka = FixtureMesh.brokerWithUsers().dataDir(brokerDir.resolve("broker")).start();
        admin = Admin.create(kafka.adminProperties());
        FixtureMesh.seed(kafka, admin);
        heldGroups = FixtureMesh.holdStableGroups(kafka, admin);
        profile = new ConnectionProfile("fixture", kafka.writeClientProperties(brokerDir.resolve("admin.properties"),
                EmbeddedKafkaBroker.ADMIN_USER), null, null);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (heldGroups != null) {
            heldGroups.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeEach
    void openCatalog() {
        service = new StoreCatalogService(CatalogStore.open("jdbc:h2:file:" + dir.resolve("catalog")),
                LineageOptions.defaults(), Clock.systemUTC());
    }

    @AfterEach
    void closeCatalog() {
        service.close();
    }

    private ImportViewModel viewModel(ConnectionProfile... profiles) {
        return new ImportViewModel(service, new CurrentThreadTaskExecutor(), "default", imported::add,
                List.of(profiles));
    }

    @Test
    void choosingAProfileNamesTheClusterAfterIt() {
        ImportViewModel viewModel = viewModel(profile);

        viewModel.profileProperty().set(profile);

        assertThat(viewModel.clusterProperty().get()).isEqualTo("fixture");
        assertThat(viewModel.canStartLiveProperty().get()).isTrue();
    }

    @Test
    void liveImportLandsOneSnapshotOfAclsTopicsAndGroups() {
        ImportViewModel viewModel = viewModel(profile);
        viewModel.profileProperty().set(profile);

        assertThat(viewModel.startLive()).isTrue();

        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(imported).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.cluster()).isEqualTo("fixture");
            assertThat(snapshot.sources()).containsExactlyInAnyOrder(SourceKind.ACLS, SourceKind.TOPICS,
                    SourceKind.GROUPS);
        });
        assertThat(service.snapshots("fixture")).hasSize(1);
    }

    @Test
    void logHasALinePerBrokerCall() {
        ImportViewModel viewModel = viewModel(profile);
        viewModel.profileProperty().set(profile);

        viewModel.startLive();

        assertThat(viewModel.log()).contains("reading ACLs (Admin.describeAcls)");
        assertThat(viewModel.log()).anyMatch(line -> line.startsWith("acls: 24 ACL bindings"));
        assertThat(viewModel.log()).anyMatch(line -> line.startsWith("groups: 5 consumer groups"));
    }

    @Test
    void cancelDuringTheImportWritesNothing() {
        ImportViewModel viewModel = viewModel(profile);
        viewModel.profileProperty().set(profile);
        // Cancel as soon as the first broker call starts, as a user pressing the button would
        boolean[] pressed = new boolean[1];
        viewModel.log().addListener((ListChangeListener<String>) change -> {
            if (!pressed[0] && viewModel.log().contains("reading ACLs (Admin.describeAcls)")) {
                pressed[0] = true;
                viewModel.cancel();
            }
        });

        viewModel.startLive();

        assertThat(viewModel.statusProperty().get()).isEqualTo("Import cancelled; the catalog is unchanged.");
        assertThat(imported).isEmpty();
        assertThat(service.clusters()).isEmpty();
    }

    @Test
    void failedBrokerCallIsNamedAndNothingIsWritten() {
        ConnectionProfile analyst = new ConnectionProfile("analyst",
                kafka.writeClientProperties(dir.resolve("analyst.properties"), "analyst"), null, null);
        ImportViewModel viewModel = viewModel(analyst);
        viewModel.profileProperty().set(analyst);

        viewModel.startLive();

        assertThat(viewModel.errorProperty().get()).isEqualTo("Admin.describeAcls: User:analyst needs DESCRIBE on"
                + " CLUSTER kafka-cluster to list ACLs (describeAcls)");
        assertThat(service.clusters()).isEmpty();
    }
}
