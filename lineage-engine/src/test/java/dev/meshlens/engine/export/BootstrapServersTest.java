package dev.meshlens.engine.export;

import dev.meshlens.engine.model.DataProduct;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapServersTest {

    private static DataProduct product(String topic, String bootstrap) {
        return new DataProduct(null, topic, "prod", bootstrap, null, null, null, null, null, null, null, null);
    }

    @Test
    void schemeCredentialsAndPathAreLeftOut() {
        assertThat(BootstrapServers.parse("SASL_SSL://alice:s3cret@B-1.example:9093,b-2.example:9093/orders?x=1"))
                .containsExactly("b-1.example:9093", "b-2.example:9093");
    }

    @Test
    void aBareHostListIsReadAsItIs() {
        assertThat(BootstrapServers.parse("broker-1:9092 broker-2:9092;broker-3:9092"))
                .containsExactly("broker-1:9092", "broker-2:9092", "broker-3:9092");
    }

    @Test
    void aBlankUriNamesNoServer() {
        assertThat(BootstrapServers.parse("  ")).isEmpty();
        assertThat(BootstrapServers.parse(null)).isEmpty();
    }

    @Test
    void theClusterIsNamedByTheFirstServerMostProductsName() {
        List<DataProduct> products = List.of(product("a", "kafka://b-2:9092,b-1:9092"),
                product("b", "kafka://b-1:9092"), product("c", "kafka://b-1:9092"), product("d", null));

        assertThat(BootstrapServers.primary(products)).isEqualTo("b-1:9092");
    }

    @Test
    void aTieGoesToTheFirstServerByName() {
        List<DataProduct> products = List.of(product("a", "kafka://b-2:9092"), product("b", "kafka://b-1:9092"));

        assertThat(BootstrapServers.primary(products)).isEqualTo("b-1:9092");
    }

    @Test
    void noDeclaredServerNamesNoCluster() {
        assertThat(BootstrapServers.primary(List.of(product("a", null)))).isNull();
    }

    @Test
    void credentialsAreLeftOutOfAUriKeptOtherwiseAsWritten() {
        assertThat(BootstrapServers.withoutCredentials("SASL_SSL://alice:s3cret@b-1:9093,bob:pw@b-2:9093"))
                .isEqualTo("SASL_SSL://b-1:9093,b-2:9093");
        assertThat(BootstrapServers.withoutCredentials("https://u:p@registry/subjects/x-value/versions/1"))
                .isEqualTo("https://registry/subjects/x-value/versions/1");
        assertThat(BootstrapServers.withoutCredentials("kafka://broker-1:9092")).isEqualTo("kafka://broker-1:9092");
    }
}
