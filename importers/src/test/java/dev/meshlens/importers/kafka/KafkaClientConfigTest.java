package dev.meshlens.importers.kafka;

import dev.meshlens.engine.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaClientConfigTest {
    private static final String SASL = """
            bootstrap.servers=broker-1:9092,broker-2:9092
            security.protocol=SASL_SSL
            sasl.mechanism=SCRAM-SHA-512
            sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
              username="billing-svc" password="s3cret-pw";
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void originIsTheBootstrapServersOnly() throws Exception {
        KafkaClientConfig config = KafkaClientConfig.load(write("client.properties", SASL));

        assertThat(config.origin()).isEqualTo("kafka:broker-1:9092,broker-2:9092");
    }

    @Test
    void printedFormNamesTheFileButNoSecret() throws Exception {
        KafkaClientConfig config = KafkaClientConfig.load(write("client.properties", SASL));

        assertThat(config.toString()).contains("client.properties").doesNotContain("s3cret-pw");
    }

    @Test
    void saslLoginNamesThePrincipal() throws Exception {
        assertThat(KafkaClientConfig.load(write("client.properties", SASL)).principal()).contains("User:billing-svc");
    }

    @Test
    void plaintextConnectionHasNoKnownPrincipal() throws Exception {
        assertThat(KafkaClientConfig.load(write("plain.properties", "bootstrap.servers=b:9092\n")).principal())
                .isEmpty();
    }

    @Test
    void missingBootstrapServersNamesTheFile() throws Exception {
        Path file = write("nobootstrap.properties", "security.protocol=SASL_SSL\n");

        assertThatThrownBy(() -> KafkaClientConfig.load(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": no bootstrap.servers");
    }

    @Test
    void missingFileIsAnInputError() {
        Path file = dir.resolve("absent.properties");

        assertThatThrownBy(() -> KafkaClientConfig.load(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": no such file");
    }

    @Test
    void clientPropertiesAreACopy() {
        Properties props = new Properties();
        props.put("bootstrap.servers", "b:9092");
        KafkaClientConfig config = KafkaClientConfig.of("test", props);

        config.clientProperties().put("bootstrap.servers", "changed:1");

        assertThat(config.clientProperties().getProperty("bootstrap.servers")).isEqualTo("b:9092");
    }
}
