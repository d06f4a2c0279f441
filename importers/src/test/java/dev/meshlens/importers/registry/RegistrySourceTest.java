package dev.meshlens.importers.registry;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrySourceTest {
    private final FakeSchemaRegistry registry = FakeSchemaRegistry.start();
    private final MeshContent.Collector sink = new MeshContent.Collector();

    @AfterEach
    void stop() {
        registry.close();
    }

    private RegistryImporter importer() {
        return new RegistryImporter(SchemaRegistryClient.builder(registry.url()).build(),
                RegistryImportOptions.defaults());
    }

    @Test
    void toleratedFailureOfTheWholeRegistryIsKeptAndCoversNothing() {
        registry.answer("/subjects", 500, "{\"error_code\":50001,\"message\":\"down\"}");
        RegistrySource source = RegistrySource.rest(importer(), true);

        source.readInto(sink);

        assertThat(source.failure()).get().extracting(Throwable::getMessage).asString()
                .endsWith("/subjects: the registry answered HTTP 500, error 50001: down");
        assertThat(source.result()).isEmpty();
        assertThat(sink.content()).isEqualTo(MeshContent.empty());
    }

    @Test
    void untoleratedFailureOfTheWholeRegistryFailsTheImport() {
        registry.answer("/subjects", 500, "{\"error_code\":50001,\"message\":\"down\"}");
        RegistrySource source = RegistrySource.rest(importer(), false);

        assertThatThrownBy(() -> source.readInto(sink)).isInstanceOf(InputException.class);
    }

    @Test
    void successfulReadKeepsItsResult() {
        registry.register("orders-value", 1, 1, "AVRO", "\"string\"");
        RegistrySource source = RegistrySource.rest(importer(), true);

        source.readInto(sink);

        assertThat(source.failure()).isEmpty();
        assertThat(source.result()).get().extracting(RegistryImportResult::versionCount).isEqualTo(1);
        assertThat(source.origin()).isEqualTo("registry " + registry.url() + "/");
    }
}
