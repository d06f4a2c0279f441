package dev.meshlens.app.cli;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line on a shared catalog (a real H2 TCP server standing in for the team's database server):
 * credentials come from the environment or the owner-only file and never show in what it prints.
 */
class SharedCatalogCliTest {
    private static final String SECRET = "team-catalog-s3cret";

    @TempDir
    Path dir;
    Server server;
    String url;

    @BeforeEach
    void startServer() throws Exception {
        server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.resolve("server").toString(),
                "-ifNotExists").start();
        url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/catalog";
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private Path credentialsFile(String password, String permissions) throws Exception {
        Path file = Files.writeString(dir.resolve("db-credentials"), "user=team\npassword=" + password + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private Map<String, String> env(Path file) {
        return Map.of(CatalogCredentials.FILE_ENV, file.toString());
    }

    @Test
    void catalogCreatedWithEnvironmentCredentialsOpensWithTheSameFromTheFile() throws Exception {
        Cli.Run created = new Cli(Map.of(CatalogCredentials.USER_ENV, "team", CatalogCredentials.PASSWORD_ENV, SECRET,
                CatalogCredentials.FILE_ENV, dir.resolve("absent").toString())).run("--db", url, "snapshots");
        Cli.Run reopened = new Cli(env(credentialsFile(SECRET, "rw-------"))).run("--db", url, "snapshots");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(reopened.exitCode()).as(reopened.toString()).isZero();
    }

    @Test
    void wrongPasswordIsReportedWithoutPrintingEitherPassword() throws Exception {
        new Cli(env(credentialsFile(SECRET, "rw-------"))).run("--db", url, "snapshots");

        Cli.Run run = new Cli(env(credentialsFile("not-" + SECRET, "rw-------"))).run("--db", url, "snapshots");

        assertThat(run.exitCode()).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(run.err()).contains("wrong user name or password").doesNotContain(SECRET);
        assertThat(run.out()).doesNotContain(SECRET);
    }

    @Test
    void worldReadableCredentialsFileIsRefusedBeforeConnecting() throws Exception {
        Cli.Run run = new Cli(env(credentialsFile(SECRET, "rw-r--r--"))).run("--db", url, "snapshots");

        assertThat(run.exitCode()).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(run.err()).contains("is readable by other users").contains("chmod 600").doesNotContain(SECRET);
        assertThat(Files.exists(dir.resolve("server/catalog.mv.db"))).isFalse();
    }

    @Test
    void localCatalogFileIgnoresTheSharedCatalogCredentials() throws Exception {
        Cli.Run run = new Cli(env(credentialsFile(SECRET, "rw-r--r--")))
                .run("--db", dir.resolve("local").toString(), "snapshots");

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }
}
