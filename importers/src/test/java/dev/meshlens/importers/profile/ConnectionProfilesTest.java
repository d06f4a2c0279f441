package dev.meshlens.importers.profile;

import dev.meshlens.engine.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionProfilesTest {
    private static final String PASSWORD = "very-secret-pw";

    @TempDir
    Path dir;

    private Path kafkaFile() throws Exception {
        return Files.writeString(dir.resolve("prod.properties"), """
                bootstrap.servers=broker:9092
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
                  username="meshlens" password="%s";
                """.formatted(PASSWORD));
    }

    private ConnectionProfiles profiles() {
        return new ConnectionProfiles(dir.resolve("home/.meshlens/profiles.json"));
    }

    @Test
    void addedProfileIsFoundByNameWithAbsolutePaths() throws Exception {
        Path kafka = kafkaFile();
        profiles().add(new ConnectionProfile("prod", kafka, "https://registry:8081", null), false);

        assertThat(profiles().find("prod")).contains(new ConnectionProfile("prod", kafka.toAbsolutePath(),
                "https://registry:8081", null));
    }

    @Test
    void profilesFileHoldsPathsButNeverTheSecret() throws Exception {
        Path credentials = Files.writeString(dir.resolve("registry.properties"), "basic.auth.user.info=u:" + PASSWORD);
        profiles().add(new ConnectionProfile("prod", kafkaFile(), "https://registry:8081", credentials), false);

        String json = Files.readString(profiles().file());

        assertThat(json).contains("prod.properties", "registry.properties", "https://registry:8081")
                .doesNotContain(PASSWORD);
    }

    @Test
    void profilesAreListedByName() throws Exception {
        Path kafka = kafkaFile();
        profiles().add(new ConnectionProfile("staging", kafka, null, null), false);
        profiles().add(new ConnectionProfile("prod", kafka, null, null), false);

        assertThat(profiles().list()).extracting(ConnectionProfile::name).containsExactly("prod", "staging");
    }

    @Test
    void existingNameIsRefusedUnlessReplacing() throws Exception {
        Path kafka = kafkaFile();
        profiles().add(new ConnectionProfile("prod", kafka, null, null), false);

        assertThatThrownBy(() -> profiles().add(new ConnectionProfile("prod", kafka, "http://r:8081", null), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists already");
        profiles().add(new ConnectionProfile("prod", kafka, "http://r:8081", null), true);
        assertThat(profiles().find("prod").orElseThrow().registry()).isEqualTo("http://r:8081");
    }

    @Test
    void removedProfileIsGone() throws Exception {
        profiles().add(new ConnectionProfile("prod", kafkaFile(), null, null), false);

        assertThat(profiles().remove("prod")).isTrue();
        assertThat(profiles().remove("prod")).isFalse();
        assertThat(profiles().list()).isEmpty();
    }

    @Test
    void kafkaFileWithoutBootstrapServersIsRefused() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.properties"), "security.protocol=SSL\n");

        assertThatThrownBy(() -> profiles().add(new ConnectionProfile("prod", bad, null, null), false))
                .isInstanceOf(InputException.class).hasMessageContaining("no bootstrap.servers");
        assertThat(Files.exists(profiles().file())).isFalse();
    }

    @Test
    void registryUrlWithCredentialsIsRefused() {
        assertThatThrownBy(() -> new ConnectionProfile("prod", Path.of("x"), "https://user:pw@registry:8081", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not carry credentials");
    }

    @Test
    void registryUrlMustBeHttp() {
        assertThatThrownBy(() -> new ConnectionProfile("prod", Path.of("x"), "registry:8081", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://");
    }

    @Test
    void profileNameWithSpacesIsRefused() {
        assertThatThrownBy(() -> new ConnectionProfile("my prod", Path.of("x"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("profile name");
    }

    @Test
    void brokenProfilesFileIsReportedWithItsLine() throws Exception {
        Path file = profiles().file();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\n  \"profiles\": [\n    {\"name\": \"prod\",, }\n  ]\n}\n");

        assertThatThrownBy(() -> profiles().list()).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":3: not a profiles document");
    }
}
