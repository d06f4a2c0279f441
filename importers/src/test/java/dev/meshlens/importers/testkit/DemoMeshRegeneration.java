package dev.meshlens.importers.testkit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rewrites the demo mesh's Kafka files and index in the resources module; skipped unless asked for, because it
 * changes files in the source tree. Run it from the repository root with:
 * {@code mvn -q -B -o -pl importers -am test -Dtest=DemoMeshRegeneration -Dsurefire.failIfNoSpecifiedTests=false
 * -Dmeshlens.demo.write=true}
 */
@Tag("fixtures")
@EnabledIfSystemProperty(named = "meshlens.demo.write", matches = "true")
class DemoMeshRegeneration {

    @Test
    void regeneratesTheDemoFilesFromALiveBroker() {
        Path demo = DemoMeshGenerator.DEFAULT_DEMO_DIR;

        DemoMeshGenerator.generate(demo);

        for (String day : new String[]{"day1", "day2"}) {
            for (String file : DemoMeshGenerator.DAY_FILES) {
                assertThat(demo.resolve("kafka").resolve(day).resolve(file)).isNotEmptyFile();
            }
        }
        assertThat(demo.resolve("kafka/day2/hops.json")).isNotEmptyFile();
        assertThat(demo.resolve("index.json")).content().contains("kafka/day2/hops.json");
    }
}
