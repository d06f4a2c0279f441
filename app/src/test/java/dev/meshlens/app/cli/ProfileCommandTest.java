package dev.meshlens.app.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileCommandTest {
    private static final String PASSWORD = "profile-test-secret";

    @TempDir
    Path dir;

    private Cli cli;
    private Path kafka;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(Map.of(MeshlensCli.PROFILES_ENV, dir.resolve("profiles.json").toString()));
        kafka = Files.writeString(dir.resolve("prod.properties"), """
                bootstrap.servers=broker-1:9092
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
                  username="meshlens" password="%s";
                """.formatted(PASSWORD));
    }

    @Test
    void addSavesTheProfileAndNamesItsCluster() {
        Cli.Run run = cli.run("profile", "add", "prod", "--kafka", kafka.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("profile prod saved in " + dir.resolve("profiles.json"))
                .contains("kafka:broker-1:9092");
    }

    @Test
    void listShowsPathsAndUrlsButNoSecret() throws Exception {
        Path credentials = Files.writeString(dir.resolve("registry.properties"), "basic.auth.user.info=u:" + PASSWORD);
        cli.run("profile", "add", "prod", "--kafka", kafka.toString(), "--registry", "https://registry:8081",
                "--registry-credentials", credentials.toString());

        Cli.Run table = cli.run("profile", "list");
        Cli.Run json = cli.run("profile", "list", "--format", "json");

        assertThat(table.out()).contains("prod", kafka.toString(), "https://registry:8081").doesNotContain(PASSWORD);
        assertThat(json.json().get(0).get("registryCredentials").asText()).isEqualTo(credentials.toString());
        assertThat(Files.readString(dir.resolve("profiles.json"))).doesNotContain(PASSWORD);
    }

    @Test
    void removeForgetsTheProfile() {
        cli.run("profile", "add", "prod", "--kafka", kafka.toString());

        Cli.Run run = cli.run("profile", "remove", "prod");

        assertThat(run.exitCode()).isZero();
        assertThat(cli.run("profile", "list", "--format", "json").json()).isEmpty();
    }

    @Test
    void removingAnUnknownProfileIsAUsageError() {
        Cli.Run run = cli.run("profile", "remove", "nope");

        assertThat(run.exitCode()).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(run.err()).startsWith("meshlens: no profile 'nope'");
    }

    @Test
    void addingAnExistingNameIsAUsageErrorUnlessReplacing() {
        cli.run("profile", "add", "prod", "--kafka", kafka.toString());

        Cli.Run again = cli.run("profile", "add", "prod", "--kafka", kafka.toString());
        Cli.Run replaced = cli.run("profile", "add", "prod", "--kafka", kafka.toString(), "--replace");

        assertThat(again.exitCode()).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(again.err()).contains("exists already");
        assertThat(replaced.exitCode()).isZero();
    }

    @Test
    void kafkaFileWithoutBootstrapServersIsAnInputErrorNamingIt() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.properties"), "security.protocol=SSL\n");

        Cli.Run run = cli.run("profile", "add", "prod", "--kafka", bad.toString());

        assertThat(run.exitCode()).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(run.err()).startsWith("meshlens: " + bad + ": no bootstrap.servers");
    }
}
