package dev.meshlens.importers.testkit;

import dev.meshlens.demo.DemoMesh;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.importers.file.MeshJsonParser;
import dev.meshlens.importers.seed.MeshScenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The record hops the demo generator committed, read back as {@code meshlens demo} imports them. */
class DemoHopsTest {
    @TempDir
    static Path dir;
    private static MeshContent content;
    private static MeshScenario scenario;

    @BeforeAll
    static void readHops() throws IOException {
        DemoMesh.extractTo(dir);
        MeshContent.Collector collector = new MeshContent.Collector();
        try (Reader reader = Files.newBufferedReader(dir.resolve("kafka/day2/hops.json"), StandardCharsets.UTF_8)) {
            new MeshJsonParser(DemoMesh.CLUSTER).parse("hops.json", reader, collector);
        }
        content = collector.content();
        try (InputStream in = DemoMesh.scenario()) {
            scenario = MeshScenario.read(in);
        }
    }

    private static String topicOf(String recordId) {
        return recordId.substring(0, recordId.lastIndexOf('-', recordId.lastIndexOf('@')));
    }

    @Test
    void hopsFileCoversOnlyTheHopsSource() {
        assertThat(content.sources()).containsExactly(SourceKind.HOPS);
    }

    @Test
    void everyRecordWrittenWithHeadersHasOneHop() {
        Map<String, Integer> expected = new HashMap<>();
        scenario.records().stream().filter(MeshScenario.RecordSpec::headers)
                .forEach(r -> expected.merge(r.topic(), r.count(), Integer::sum));
        scenario.later().records().stream().filter(MeshScenario.RecordSpec::headers)
                .forEach(r -> expected.merge(r.topic(), r.count(), Integer::sum));

        Map<String, Integer> perTopic = content.hops().stream()
                .collect(Collectors.toMap(h -> topicOf(h.recordId()), h -> 1, Integer::sum));

        assertThat(perTopic).isEqualTo(expected);
    }

    @Test
    void everyParentIsAHopOrARecordOfATopicWrittenWithoutHeaders() {
        Set<String> recorded = content.hops().stream().map(RecordHop::recordId).collect(Collectors.toSet());
        Set<String> headerless = scenario.records().stream().filter(r -> !r.headers())
                .map(MeshScenario.RecordSpec::topic).collect(Collectors.toSet());

        assertThat(content.hops()).flatExtracting(RecordHop::parents)
                .allMatch(p -> recorded.contains(p) || headerless.contains(topicOf(p)));
    }

    @Test
    void aggregatedRecordsListEveryRecordTheyAggregate() {
        MeshScenario.RecordSpec daily = scenario.records().stream()
                .filter(r -> r.topic().equals("analytics.sales.daily")).findFirst().orElseThrow();

        assertThat(content.hops()).filteredOn(h -> topicOf(h.recordId()).equals("analytics.sales.daily"))
                .allSatisfy(h -> assertThat(h.parents()).hasSize(daily.fanIn()));
    }
}
