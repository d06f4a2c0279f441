package dev.meshlens.importers.file;

import dev.meshlens.engine.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileKindDetectorTest {
    private final FileKindDetector detector = new FileKindDetector();

    private FileKind detectFixture(String name) throws IOException {
        return detector.detect(name, Fixtures.text(name));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "acls.txt, ACL_LISTING",
            "groups-offsets.txt, GROUP_LISTING",
            "groups-members.txt, GROUP_LISTING",
            "groups-state.txt, GROUP_LISTING",
            "groups-empty.txt, GROUP_LISTING",
            "topics.txt, TOPIC_LISTING",
            "mesh.json, MESH_JSON",
            "catalog.csv, CATALOG_CSV",
            "services.csv, SERVICES_CSV",
            "group-mapping.csv, GROUP_MAPPING_CSV",
            "trace.jsonl, TRACE_LOG"})
    void tellsEachKindFromItsContent(String fixture, FileKind expected) throws IOException {
        assertThat(detectFixture(fixture)).isEqualTo(expected);
    }

    @Test
    void theFileNameDoesNotDecide() throws IOException {
        assertThat(detector.detect("acls.txt", Fixtures.text("services.csv"))).isEqualTo(FileKind.SERVICES_CSV);
    }

    @Test
    void jsonObjectAfterByteOrderMarkAndBlankLinesIsAMeshDocument() {
        assertThat(detector.detect("x", "\uFEFF\n\n  {\"acls\": []}")).isEqualTo(FileKind.MESH_JSON);
    }

    @Test
    void singleLineMeshDocumentWithHopsIsNoTraceLog() {
        String head = "{\"hops\": [{\"recordId\": \"a-0@1\", \"event\": \"CONSUMED\", \"record\": 1}]}\n";

        assertThat(detector.detect("x", head)).isEqualTo(FileKind.MESH_JSON);
    }

    @Test
    void traceReportWithoutARecordKeyIsNoTraceLog() {
        assertThat(detector.detect("x", "{\"service\": \"s\", \"event\": \"emitted\"}\n"))
                .isEqualTo(FileKind.MESH_JSON);
    }

    @Test
    void csvHeaderIsMatchedIgnoringCaseOrderAndQuotes() {
        assertThat(detector.detect("x", "\"principal\",\"GROUP\"\r\ng,User:a\r\n")).isEqualTo(FileKind.GROUP_MAPPING_CSV);
    }

    @Test
    void catalogSheetMissingAColumnStillGoesToTheCatalogParser() {
        // so that the user hears which column is missing rather than that the file is unknown
        assertThat(detector.detect("x", "Name,Owner,SLA\nOrders,team-orders,1\n")).isEqualTo(FileKind.CATALOG_CSV);
    }

    @Test
    void headerWithPrincipalAndWithoutGroupIsTheServicesSheet() {
        assertThat(detector.detect("x", "Principal,Tier\nUser:a,1\n")).isEqualTo(FileKind.SERVICES_CSV);
    }

    @Test
    void topicListingWhoseConfigsHaveCommasIsNotTakenForCsv() {
        String head = "Topic: orders\tTopicId: abc\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: a=1,topic=2\n";

        assertThat(detector.detect("x", head)).isEqualTo(FileKind.TOPIC_LISTING);
    }

    @Test
    void signatureFurtherDownTheHeadIsFound() {
        String head = "\n".repeat(200) + "Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=t, "
                + "patternType=LITERAL)`: \n";

        assertThat(detector.detect("x", head)).isEqualTo(FileKind.ACL_LISTING);
    }

    @Test
    void onlyTheHeadIsLookedAt() {
        String head = "\n".repeat(FileKindDetector.HEAD_CHARS) + "Principal,Name,Owner,Tier,Production\n";

        assertThatThrownBy(() -> detector.detect("late.csv", head)).isInstanceOf(InputException.class);
    }

    @Test
    void unknownContentIsAnErrorNamingTheKindsAndKindOption() {
        assertThatThrownBy(() -> detector.detect("notes.txt", "Dear team,\nplease find attached\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("notes.txt:1: cannot tell what kind of file this is; expected one of acls "
                        + "(output of kafka-acls --list); groups (output of kafka-consumer-groups --describe); ")
                .hasMessageEndingWith("group-mapping (a group mapping CSV with the header Group,Principal); trace (a "
                        + "trace log of JSON lines {\"service\": ..., \"event\": \"consumed|processed|emitted\", "
                        + "\"record\": ..., \"at\": ..., \"parents\": [...]}) (use --kind)");
    }

    @Test
    void bareJsonArrayIsNotRecognised() {
        assertThatThrownBy(() -> detector.detect("acls.json", "[{\"principal\": \"User:a\"}]"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("acls.json:1: cannot tell what kind of file this is;");
    }

    @Test
    void emptyFileIsAnErrorSayingItIsEmpty() {
        assertThatThrownBy(() -> detector.detect("empty.csv", " \n\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("empty.csv:1: cannot tell what kind of file this is (it is empty); expected");
    }
}
