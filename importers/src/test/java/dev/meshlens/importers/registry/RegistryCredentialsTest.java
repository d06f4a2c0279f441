package dev.meshlens.importers.registry;

import dev.meshlens.engine.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryCredentialsTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("registry.properties"), text, StandardCharsets.UTF_8);
    }

    private static String decoded(RegistryCredentials credentials) {
        return new String(Base64.getDecoder().decode(credentials.authorization().substring("Basic ".length())),
                StandardCharsets.UTF_8);
    }

    @Test
    void confluentUserInfoLineGivesUserAndPassword() throws IOException {
        RegistryCredentials credentials = RegistryCredentials.read(file(
                "basic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=alice:p@ss:word=1\n"));

        assertThat(credentials.user()).isEqualTo("alice");
        assertThat(decoded(credentials)).isEqualTo("alice:p@ss:word=1");
    }

    @Test
    void schemaRegistryPrefixedKeyIsAccepted() throws IOException {
        RegistryCredentials credentials = RegistryCredentials.read(file(
                "bootstrap.servers=kafka:9092\nschema.registry.basic.auth.user.info = bob:x\n"));

        assertThat(decoded(credentials)).isEqualTo("bob:x");
    }

    @Test
    void userAndPasswordLinesAreAccepted() throws IOException {
        RegistryCredentials credentials = RegistryCredentials.read(file("# registry login\nUSER=carol\nPASSWORD=a\\b c\n"));

        assertThat(credentials.user()).isEqualTo("carol");
        assertThat(decoded(credentials)).isEqualTo("carol:a\\b c");
    }

    @Test
    void passwordWithoutUserNamesItsLine() throws IOException {
        Path file = file("\nPASSWORD=topsecret\n");

        assertThatThrownBy(() -> RegistryCredentials.read(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":2: a PASSWORD line needs a USER line");
    }

    @Test
    void userInfoWithoutColonIsRejectedWithoutRepeatingIt() throws IOException {
        Path file = file("basic.auth.user.info=topsecret\n");

        assertThatThrownBy(() -> RegistryCredentials.read(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":1: basic.auth.user.info must be <user>:<password>");
    }

    @Test
    void lineWithoutKeyIsRejectedWithoutRepeatingIt() throws IOException {
        Path file = file("USER=dave\ntopsecret\n");

        assertThatThrownBy(() -> RegistryCredentials.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":2: expected <key>=<value>")
                .message().doesNotContain("topsecret");
    }

    @Test
    void bothLayoutsAtOnceAreRejected() throws IOException {
        Path file = file("basic.auth.user.info=a:b\nUSER=c\nPASSWORD=d\n");

        assertThatThrownBy(() -> RegistryCredentials.read(file))
                .hasMessageContaining("not both");
    }

    @Test
    void otherCredentialsSourceIsRejected() throws IOException {
        Path file = file("basic.auth.credentials.source=SASL_INHERIT\n");

        assertThatThrownBy(() -> RegistryCredentials.read(file))
                .hasMessage(file + ":1: basic.auth.credentials.source must be USER_INFO: Meshlens reads the user "
                        + "and password from this file");
    }

    @Test
    void fileWithoutCredentialsSaysWhatIsExpected() throws IOException {
        Path file = file("bootstrap.servers=kafka:9092\n");

        assertThatThrownBy(() -> RegistryCredentials.read(file))
                .hasMessageContaining("no registry credentials");
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(RegistryCredentials.of("erin", "hunter2").toString())
                .contains("erin").doesNotContain("hunter2");
    }
}
