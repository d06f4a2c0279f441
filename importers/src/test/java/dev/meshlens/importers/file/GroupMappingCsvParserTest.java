package dev.meshlens.importers.file;

import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.SourceKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupMappingCsvParserTest {
    private final GroupMappingCsvParser parser = new GroupMappingCsvParser();

    private List<GroupMapping> mappings(String csv) throws IOException {
        return Fixtures.parse(parser, "group-mapping.csv", csv).groupMappings();
    }

    @Test
    void readsEveryMappingOfTheSheet() throws IOException {
        MeshContent content = Fixtures.parseFixture(parser, "group-mapping.csv");

        assertThat(content.sources()).containsExactly(SourceKind.GROUP_MAPPING);
        assertThat(content.groupMappings()).containsExactly(
                new GroupMapping("analytics-etl-v3", "User:analytics-etl"),
                new GroupMapping("order-enricher", "User:order-service"),
                new GroupMapping("payments-ledger", "User:payment-service"));
    }

    @Test
    void columnsMayComeInEitherOrder() throws IOException {
        assertThat(mappings("principal,GROUP\nUser:order-service,order-enricher\n"))
                .containsExactly(new GroupMapping("order-enricher", "User:order-service"));
    }

    @Test
    void blankGroupIsAnError() {
        assertThatThrownBy(() -> mappings("Group,Principal\norder-enricher,User:a\n  ,User:b\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("group-mapping.csv:3: column Group is empty; every row names a consumer group id");
    }

    @Test
    void principalMustBeTypeAndName() {
        assertThatThrownBy(() -> mappings("Group,Principal\norder-enricher,order-service\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("group-mapping.csv:2: column Principal: principal 'order-service' is not of the form "
                        + "Type:name, e.g. User:alice");
    }

    @Test
    void missingPrincipalColumnIsNamed() {
        assertThatThrownBy(() -> mappings("Group,Owner\norder-enricher,team-orders\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("group-mapping.csv:1: missing column 'Principal'; a group mapping CSV header names the "
                        + "columns Group,Principal in any order");
    }

    @Test
    void headerOnlySheetCoversTheMappingWithNone() throws IOException {
        MeshContent content = Fixtures.parse(parser, "group-mapping.csv", "Group,Principal\r\n");

        assertThat(content.sources()).containsExactly(SourceKind.GROUP_MAPPING);
        assertThat(content.groupMappings()).isEmpty();
    }
}
