package dev.meshlens.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DemoMeshTest {
    private static final Path SOURCE = Path.of("src/main/resources/dev/meshlens/demo");

    @Test
    void indexListsEveryDemoFileAndNothingElse() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(SOURCE)) {
            onDisk = files.filter(Files::isRegularFile)
                    .map(p -> SOURCE.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("index.json"))
                    .sorted()
                    .toList();
        }
        assertThat(DemoMesh.resources()).containsExactlyElementsOf(onDisk);
    }

    @Test
    void everyImportNamesIndexedResources() {
        for (DemoMesh.DemoImport demoImport : DemoMesh.imports()) {
            assertThat(DemoMesh.resources()).containsAll(demoImport.files());
            if (demoImport.schemas() != null) {
                assertThat(DemoMesh.resources()).anyMatch(r -> r.startsWith(demoImport.schemas() + "/"));
            }
        }
    }

    @Test
    void importsRunFromOldestToNewest() {
        List<Integer> daysAgo = DemoMesh.imports().stream().map(DemoMesh.DemoImport::daysAgo).toList();
        assertThat(daysAgo).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }

    @Test
    void extractCopiesEveryResource(@TempDir Path dir) {
        DemoMesh.extractTo(dir);

        assertThat(DemoMesh.resources()).allSatisfy(r -> assertThat(dir.resolve(r)).isRegularFile());
    }
}
