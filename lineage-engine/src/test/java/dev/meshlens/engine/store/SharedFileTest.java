package dev.meshlens.engine.store;

import static dev.meshlens.engine.store.Facts.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshlens.engine.model.SourceKind;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second Meshlens on one H2 file: the first process holds it, another is told so and can read it read-only.
 * The holder runs in a JVM of its own ({@link OtherProcess}) because H2 locks a file per process.
 */
class SharedFileTest {
    @TempDir
    Path dir;

    private String url() {
        return StoreFiles.url(dir);
    }

    private void importAcls(int acls) {
        try (CatalogStore store = CatalogStore.open(url());
             ImportSession session = store.beginImport("prod", "test", T0)) {
            session.cover(SourceKind.ACLS);
            for (int i = 0; i < acls; i++) {
                session.acl(Facts.acl(i));
            }
            session.commit();
        }
    }

    @Test
    void openingAFileHeldByAnotherProcessSaysItIsInUse() throws Exception {
        try (OtherProcess holder = OtherProcess.holding(url())) {
            assertThatThrownBy(() -> CatalogStore.open(url()))
                    .isInstanceOfSatisfying(CatalogInUseException.class, e -> {
                        assertThat(e.location()).isEqualTo(url());
                        assertThat(e.readableReadOnly()).isTrue();
                    })
                    .hasMessage("catalog " + url() + " is in use by another Meshlens (the window?)");
        }
    }

    @Test
    void readOnlyStoreReadsWhatTheHoldingProcessImported() throws Exception {
        try (OtherProcess holder = OtherProcess.holding(url())) {
            long id = holder.importAcls(3);

            try (CatalogStore reader = CatalogStore.openReadOnly(url())) {
                assertThat(reader.readOnly()).isTrue();
                assertThat(reader.snapshots()).extracting(s -> s.id()).containsExactly(id);
                assertThat(reader.state("prod", id).content().acls()).hasSize(3);
            }
        }
    }

    @Test
    void readOnlyStoreSeesSnapshotsLandedAfterItOpened() throws Exception {
        try (OtherProcess holder = OtherProcess.holding(url())) {
            holder.importAcls(1);
            try (CatalogStore reader = CatalogStore.openReadOnly(url())) {
                long later = holder.importAcls(2);

                assertThat(reader.snapshots()).hasSize(2);
                assertThat(reader.state("prod", later).content().acls()).hasSize(2);
            }
        }
    }

    @Test
    void readOnlyStoreRefusesImports() {
        importAcls(1);

        try (CatalogStore reader = CatalogStore.openReadOnly(url())) {
            assertThatThrownBy(() -> reader.beginImport("prod", "x", T0.plusSeconds(60)))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("cannot import into catalog " + url() + ": catalog opened read-only");
        }
    }

    @Test
    void readOnlyStoreChangesNoRowOfTheCatalog() {
        importAcls(50);
        String before = StoreFiles.scriptDump(url());

        try (CatalogStore reader = CatalogStore.openReadOnly(url())) {
            reader.state("prod", reader.snapshots().get(0).id());
        }

        assertThat(StoreFiles.scriptDump(url())).isEqualTo(before);
    }

    @Test
    void closingAReadOnlyStoreDoesNotCompactTheFile() throws Exception {
        // a file with room to compact: imports closed without any compaction
        String uncompacting = url() + ";MAX_COMPACT_TIME=0";
        try (Connection keepsItOpen = DriverManager.getConnection(uncompacting)) {
            try (CatalogStore store = CatalogStore.open(uncompacting)) {
                for (int day = 0; day < 3; day++) {
                    try (ImportSession session = store.beginImport("prod", "day", T0.plusSeconds(86_400L * day))) {
                        session.cover(SourceKind.ACLS);
                        for (int i = 0; i < 2_000; i++) {
                            session.acl(Facts.acl(i + day * 1_000));
                        }
                        session.commit();
                    }
                }
            }
        }
        Path file = dir.resolve("catalog.mv.db");
        long before = Files.size(file);

        CatalogStore.openReadOnly(url()).close();

        assertThat(Files.size(file)).isGreaterThanOrEqualTo(before);
    }

    @Test
    void readOnlyOpenOfAMissingCatalogCreatesNothing() {
        assertThatThrownBy(() -> CatalogStore.openReadOnly(url()))
                .isInstanceOf(StoreException.class)
                .hasMessage("cannot open catalog " + url() + " read-only: it does not exist");
        assertThat(dir.resolve("catalog.mv.db")).doesNotExist();
    }

    @Test
    void readOnlyStoreKeepsReadingAfterTheHoldingProcessClosed() throws Exception {
        long id;
        CatalogStore reader;
        try (OtherProcess holder = OtherProcess.holding(url())) {
            id = holder.importAcls(4);
            reader = CatalogStore.openReadOnly(url());
        }
        try (reader) {
            assertThat(reader.state("prod", id).content().acls()).hasSize(4);
        }
    }

    @Test
    void fileHeldWithoutSharingCannotBeReadEither() throws Exception {
        try (OtherProcess holder = OtherProcess.holding(url() + ";AUTO_SERVER=FALSE")) {
            assertThatThrownBy(() -> CatalogStore.openReadOnly(url()))
                    .isInstanceOfSatisfying(CatalogInUseException.class,
                            e -> assertThat(e.readableReadOnly()).isFalse())
                    .hasMessage("catalog " + url() + " is in use by another process (another Meshlens?) that does"
                            + " not share it; try again once it is closed");
        }
    }

    @Test
    void openingThatCannotShareItselfStillLearnsTheHolderShares() throws Exception {
        try (OtherProcess holder = OtherProcess.holding(url())) {
            assertThatThrownBy(() -> CatalogStore.open(url() + ";DB_CLOSE_ON_EXIT=FALSE"))
                    .isInstanceOfSatisfying(CatalogInUseException.class,
                            e -> assertThat(e.readableReadOnly()).isTrue());
        }
    }

    @Test
    void twoStoresInOneProcessShareTheFile() {
        // H2 locks per process: a second store here is no second Meshlens and may import
        try (CatalogStore first = CatalogStore.open(url()); CatalogStore second = CatalogStore.open(url())) {
            assertThat(second.readOnly()).isFalse();
            assertThat(first.snapshots()).isEqualTo(second.snapshots());
        }
    }

    @Test
    void heldFileIsServedOnTheLoopbackInterfaceOnly() throws Exception {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        assumeTrue(external.isPresent(), "this machine has no network address besides the loopback");

        try (CatalogStore holder = CatalogStore.open(url())) {
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(dir.resolve("catalog.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));

            try (Socket local = new Socket()) {
                local.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            }
            assertThatThrownBy(() -> {
                try (Socket remote = new Socket()) {
                    remote.connect(new InetSocketAddress(external.get(), port), 2_000);
                }
            }).isInstanceOf(ConnectException.class);
        }
    }
}
