package dev.meshlens.importers.file;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileKindTest {

    @Test
    void labelsAreTheOnesTheCommandLineDocuments() {
        assertThat(Arrays.stream(FileKind.values()).map(FileKind::label))
                .containsExactly("acls", "groups", "topics", "json", "catalog", "services", "group-mapping",
                        "trace");
    }

    @Test
    void everyLabelParsesBackToItsKind() {
        for (FileKind kind : FileKind.values()) {
            assertThat(FileKind.fromLabel(kind.label())).isEqualTo(kind);
        }
    }

    @Test
    void labelsParseIgnoringCaseAndSpaces() {
        assertThat(FileKind.fromLabel(" Group-Mapping ")).isEqualTo(FileKind.GROUP_MAPPING_CSV);
    }

    @Test
    void unknownLabelIsRefusedNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> FileKind.fromLabel("csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown file kind 'csv', expected one of acls, groups, topics, json, catalog, services, "
                        + "group-mapping, trace");
    }
}
