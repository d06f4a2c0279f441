package dev.meshlens.app.cli;

import dev.meshlens.engine.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogCredentialsTest {
    private static final String SECRET = "pg-team-s3cret";

    @TempDir
    Path dir;

    private Path file(String text, String permissions) throws Exception {
        Path file = Files.writeString(dir.resolve("db-credentials"), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private Map<String, String> envWithFile(Path file) {
        return Map.of(CatalogCredentials.FILE_ENV, file.toString());
    }

    @Test
    void environmentGivesUserAndPassword() {
        Optional<CatalogCredentials> credentials = CatalogCredentials.resolve(Map.of(
                CatalogCredentials.USER_ENV, "team", CatalogCredentials.PASSWORD_ENV, SECRET,
                CatalogCredentials.FILE_ENV, dir.resolve("absent").toString()));

        assertThat(credentials).contains(new CatalogCredentials("team", SECRET));
    }

    @Test
    void environmentWinsOverTheFile() throws Exception {
        Path file = file("user=from-file\npassword=other\n", "rw-------");

        Optional<CatalogCredentials> credentials = CatalogCredentials.resolve(Map.of(
                CatalogCredentials.USER_ENV, "team", CatalogCredentials.FILE_ENV, file.toString()));

        assertThat(credentials).contains(new CatalogCredentials("team", null));
    }

    @Test
    void ownerOnlyFileGivesUserAndPassword() throws Exception {
        Path file = file("# shared catalog\nuser = team\n\npassword=" + SECRET + "\n", "rw-------");

        assertThat(CatalogCredentials.resolve(envWithFile(file))).contains(new CatalogCredentials("team", SECRET));
    }

    @Test
    void passwordKeepsItsSpacesAndEqualSigns() throws Exception {
        Path file = file("user=team\npassword= a=b \n", "r--------");

        assertThat(CatalogCredentials.resolve(envWithFile(file))).contains(new CatalogCredentials("team", " a=b "));
    }

    @Test
    void groupReadableFileIsRefusedWithTheFixAndWithoutThePassword() throws Exception {
        Path file = file("user=team\npassword=" + SECRET + "\n", "rw-r-----");

        assertThatThrownBy(() -> CatalogCredentials.resolve(envWithFile(file)))
                .isInstanceOf(CliException.class)
                .hasMessage("the catalog credentials file " + file + " is readable by other users (rw-r-----);"
                        + " make it private with 'chmod 600 " + file + "'")
                .message().doesNotContain(SECRET);
    }

    @Test
    void worldReadableFileIsRefused() throws Exception {
        Path file = file("user=team\n", "rw----r--");

        assertThatThrownBy(() -> CatalogCredentials.resolve(envWithFile(file)))
                .isInstanceOf(CliException.class).hasMessageContaining("readable by other users");
    }

    @Test
    void missingFileMeansNoCredentials() {
        assertThat(CatalogCredentials.resolve(envWithFile(dir.resolve("absent")))).isEmpty();
    }

    @Test
    void unknownKeyIsReportedWithFileAndLine() throws Exception {
        Path file = file("user=team\npasword=" + SECRET + "\n", "rw-------");

        assertThatThrownBy(() -> CatalogCredentials.resolve(envWithFile(file)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(file + ":2")
                .hasMessageContaining("got 'pasword'")
                .message().doesNotContain(SECRET);
    }

    @Test
    void lineWithoutEqualsIsReportedWithoutEchoingIt() throws Exception {
        Path file = file("user=team\n" + SECRET + "\n", "rw-------");

        assertThatThrownBy(() -> CatalogCredentials.resolve(envWithFile(file)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(file + ":2")
                .message().doesNotContain(SECRET);
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(new CatalogCredentials("team", SECRET).toString())
                .isEqualTo("CatalogCredentials[user=team, password=***]");
    }
}
