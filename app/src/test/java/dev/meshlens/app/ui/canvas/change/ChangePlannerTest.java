package dev.meshlens.app.ui.canvas.change;

import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.canvas.modes.LineageIds;
import dev.meshlens.app.ui.canvas.modes.RecordingCanvasHost;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.change.ChangeImpact;
import dev.meshlens.engine.change.ProposedSchema;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.schema.Incompatibility;
import dev.meshlens.engine.schema.SchemaType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangePlannerTest {
    private static final String ORDERS = "sales.orders.placed";
    private static LoadedCatalog demo;
    private static ChangePlan v3;

    @BeforeAll
    static void judgeTheDemoProposal() throws Exception {
        demo = DemoCatalogs.current();
        ProposedSchema proposed = new ProposedSchema("sales.orders.placed-value.v3.avsc", SchemaType.AVRO,
                Files.readString(DemoCatalogs.PROPOSED_V3));
        v3 = new ChangePlanner().plan(demo.state(), demo.lineage(), ORDERS, proposed, null,
                new RecordingCanvasHost(demo, "product:" + ORDERS).neighbourhood());
    }

    @Test
    void theDemoProposalIsBreakingForItsTwoFields() {
        assertThat(v3.impact().verdict()).isEqualTo(ChangeImpact.Verdict.INCOMPATIBLE);
        assertThat(v3.impact().compatibility().problems()).extracting(Incompatibility::fieldPath)
                .containsExactlyInAnyOrder("sales_channel", "shipping_address.country");
        assertThat(v3.verdictText()).isEqualTo("Breaking: 2 problems");
    }

    @Test
    void exactlyTheEnginesDownstreamNodesAreMarkedBreaks() {
        List<String> engine = v3.impact().downstream().stream().map(a -> LineageIds.id(a.kind(), a.name())).toList();

        assertThat(v3.graph().marked(Mark.BREAKS)).containsExactlyInAnyOrderElementsOf(engine);
    }

    @Test
    void theBreakReachesTheConsumersAndTheLedger() {
        assertThat(v3.graph().marked(Mark.BREAKS)).contains("service:User:order-validator",
                "service:User:dev-alice", "product:payments.ledger.entries", "product:analytics.kpi.dashboard");
    }

    @Test
    void theFocusAndUpstreamContextAreNotMarkedAsBreaking() {
        assertThat(v3.graph().node("product:" + ORDERS).orElseThrow().marks()).containsExactly(Mark.FOCUS);
        assertThat(v3.graph().marked(Mark.DIMMED)).isNotEmpty()
                .allSatisfy(id -> assertThat(v3.graph().node(id).orElseThrow().layer()).isNegative());
    }

    @Test
    void edgesAlongTheBreakAreMarkedBreaks() {
        assertThat(v3.graph().edges()).filteredOn(e -> e.from().equals("product:" + ORDERS))
                .isNotEmpty().allSatisfy(e -> assertThat(e.marks()).contains(Mark.BREAKS));
    }

    @Test
    void aCompatibleProposalBreaksNothing() {
        String registered = demo.schemaVersions("sales.orders.placed-value").get(1).schema();
        ChangePlan same = new ChangePlanner().plan(demo.state(), demo.lineage(), ORDERS,
                new ProposedSchema("same.avsc", SchemaType.AVRO, registered), null, null);

        assertThat(same.impact().verdict()).isEqualTo(ChangeImpact.Verdict.COMPATIBLE);
        assertThat(same.graph().marked(Mark.BREAKS)).isEmpty();
        assertThat(same.graph().marked(Mark.DIMMED)).hasSize(same.impact().downstream().size());
    }

    @Test
    void anUnparseableProposalIsBadInputNamingTheFile() {
        assertThatThrownBy(() -> new ChangePlanner().plan(demo.state(), demo.lineage(), ORDERS,
                new ProposedSchema("broken.avsc", SchemaType.AVRO, "{\"type\": \"record\", "), null, null))
                .isInstanceOf(InputException.class).hasMessageStartingWith("broken.avsc");
    }

    @Test
    void aSchemaFileOfUnknownTypeWithoutRegisteredVersionsIsBadInputNamingTheFile(@org.junit.jupiter.api.io.TempDir
                                                                                  Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("orders.txt"), "{}");

        assertThatThrownBy(() -> ProposedSchemaFile.read(file, List.of()))
                .isInstanceOf(InputException.class)
                .hasMessage("orders.txt: cannot tell the schema type: name the file .avsc, .json or .proto");
    }
}
