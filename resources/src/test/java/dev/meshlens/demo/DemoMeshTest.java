package dev.meshlens.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
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
    void laterCatalogOfTheScenarioIsImportedOnTheLastDay() throws IOException {
        String laterCatalog;
        try (InputStream in = DemoMesh.scenario()) {
            laterCatalog = new ObjectMapper().readTree(in).path("later").path("catalog").asText();
        }
        List<DemoMesh.DemoImport> imports = DemoMesh.imports();

        assertThat(imports.get(imports.size() - 1).files()).contains(laterCatalog);
        assertThat(imports.get(0).files()).doesNotContain(laterCatalog);
    }

    @Test
    void dayTwoCatalogChangesOnlyTheRecommendationsTierAndTheAbandonedCartsLifecycle() throws IOException {
        List<String> before = Files.readAllLines(SOURCE.resolve("catalog.csv"));
        List<String> expected = before.stream()
                .map(line -> line.startsWith("Abandoned carts,") ? line.replaceFirst(",active$", ",deprecated")
                        : line.startsWith("Recommendations,") ? line.replace(",Tier 2,", ",Tier 3,") : line)
                .toList();

        assertThat(expected).as("both changes apply to catalog.csv").isNotEqualTo(before);
        assertThat(Files.readAllLines(SOURCE.resolve("catalog-day2.csv"))).isEqualTo(expected);
    }

    @Test
    void extractCopiesEveryResource(@TempDir Path dir) {
        DemoMesh.extractTo(dir);

        assertThat(DemoMesh.resources()).allSatisfy(r -> assertThat(dir.resolve(r)).isRegularFile());
    }

    @Test
    void extractedHopsEndTenMinutesBeforeNowWithTheirGapsKept(@TempDir Path dir) throws IOException {
        java.time.Instant now = java.time.Instant.parse("2031-05-04T12:00:00Z");
        String hops = DemoMesh.resources().stream().filter(r -> r.endsWith("hops.json")).findFirst().orElseThrow();

        DemoMesh.extractTo(dir, now);

        List<java.time.Instant> bundled = hopTimes(Files.readString(SOURCE.resolve(hops)));
        List<java.time.Instant> extracted = hopTimes(Files.readString(dir.resolve(hops)));
        assertThat(extracted.stream().max(java.time.Instant::compareTo)).contains(now.minusSeconds(600));
        java.time.Duration shift = java.time.Duration.between(bundled.get(0), extracted.get(0));
        for (int i = 0; i < bundled.size(); i++) {
            assertThat(extracted.get(i)).isEqualTo(bundled.get(i).plus(shift));
        }
    }

    private static List<java.time.Instant> hopTimes(String json) throws IOException {
        List<java.time.Instant> times = new java.util.ArrayList<>();
        new ObjectMapper().readTree(json).path("hops").forEach(h -> times.add(java.time.Instant.parse(h.get("at").asText())));
        assertThat(times).isNotEmpty();
        return times;
    }
}
