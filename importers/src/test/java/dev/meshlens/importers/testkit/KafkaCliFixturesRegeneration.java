package dev.meshlens.importers.testkit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rewrites the committed Kafka CLI fixtures; skipped unless asked for, because it changes files in the source
 * tree. Run it with:
 * {@code mvn -q -B -o -pl importers test -Dtest=KafkaCliFixturesRegeneration -Dmeshlens.fixtures.write=true}
 */
@Tag("fixtures")
@EnabledIfSystemProperty(named = "meshlens.fixtures.write", matches = "true")
class KafkaCliFixturesRegeneration {

    @Test
    void regeneratesTheFixturesFromALiveBroker() {
        KafkaCliFixtureGenerator.generate(KafkaCliFixtureGenerator.DEFAULT_OUTPUT);

        assertThat(KafkaCliFixtureGenerator.DEFAULT_OUTPUT.resolve("truth.json")).exists();
        assertThat(Files.isRegularFile(KafkaCliFixtureGenerator.DEFAULT_OUTPUT.resolve("acls.txt"))).isTrue();
    }
}
