package dev.meshlens.engine.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.testkit.AnalysisMesh;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SensitiveReachTest {
    private static final String SRC = "User:src";
    private static final String ETL = "User:etl";
    private static final String BI = "User:bi";

    private static SensitiveReachReport readers(AnalysisMesh mesh, String tag) {
        return new SensitiveReach(mesh.lineage(), mesh.state()).readersOf(tag);
    }

    /** customers (pii) written by src, read by etl (with a group) which writes profiles, read by bi. */
    private static AnalysisMesh derivation() {
        return new AnalysisMesh().topics("customers", "profiles")
                .product("customers", 1, "pii").product("profiles", 2)
                .service(SRC, 1, true).service(ETL, 1, true).service(BI, 3, false)
                .writes(SRC, "customers").flow(ETL, "customers", "profiles").reads(BI, "profiles")
                .group("etl-g", ETL, GroupState.STABLE, "customers", 5, 5)
                .group("bi-g", BI, GroupState.STABLE, "profiles", 5, 5);
    }

    @Test
    void directReaderOfTheTaggedProductIsReportedAndItsWriterIsNot() {
        assertThat(readers(derivation(), "pii").readers()).filteredOn(SensitiveReader::direct)
                .containsExactly(new SensitiveReader(ETL, null, "customers", "customers", true,
                        List.of("customers", ETL), true, true, true));
    }

    @Test
    void readerOfADerivedProductIsReportedWithThePathThroughTheDerivingService() {
        assertThat(readers(derivation(), "pii").readers()).containsExactly(
                new SensitiveReader(BI, null, "customers", "profiles", false,
                        List.of("customers", ETL, "profiles", BI), true, true, true),
                new SensitiveReader(ETL, null, "customers", "customers", true, List.of("customers", ETL), true, true,
                        true));
    }

    @Test
    void tagMatchesIgnoringCaseAndIsReportedLowerCased() {
        SensitiveReachReport report = readers(derivation(), "PII");

        assertThat(report.tag()).isEqualTo("pii");
        assertThat(report.products()).containsExactly("customers");
        assertThat(report.readers()).hasSize(2);
    }

    @Test
    void tagNoProductCarriesExaminesNothing() {
        SensitiveReachReport report = readers(derivation(), "financial");

        assertThat(report.products()).isEmpty();
        assertThat(report.readers()).isEmpty();
    }

    @Test
    void readerWithPermissionButNoGroupIsFlagged() {
        AnalysisMesh mesh = derivation().service("User:idle", 2, false).reads("User:idle", "customers");

        assertThat(readers(mesh, "pii").readers()).filteredOn(r -> "User:idle".equals(r.principal()))
                .extracting(SensitiveReader::hasGroup).containsExactly(false);
    }

    @Test
    void readerMissingFromServicesCsvIsFlagged() {
        AnalysisMesh mesh = derivation().reads("User:shadow", "customers")
                .group("shadow-g", "User:shadow", GroupState.STABLE, "customers", 5, 5);

        assertThat(readers(mesh, "pii").readers()).filteredOn(r -> "User:shadow".equals(r.principal()))
                .extracting(SensitiveReader::registered).containsExactly(false);
    }

    @Test
    void consumerWithoutReadAclIsAReaderMarkedUnauthorized() {
        AnalysisMesh mesh = derivation().group("sneaky-g", "User:sneaky", GroupState.STABLE, "customers", 5, 5);

        assertThat(readers(mesh, "pii").readers()).filteredOn(r -> "User:sneaky".equals(r.principal()))
                .containsExactly(new SensitiveReader("User:sneaky", null, "customers", "customers", true,
                        List.of("customers", "User:sneaky"), true, false, false));
    }

    @Test
    void groupWithoutPrincipalIsAReaderNamedByItsGroup() {
        AnalysisMesh mesh = derivation().group("orphan", null, GroupState.STABLE, "profiles", 5, 5);

        assertThat(readers(mesh, "pii").readers()).last().isEqualTo(new SensitiveReader(null, "orphan", "customers",
                "profiles", false, List.of("customers", ETL, "profiles", "orphan"), true, null, false));
    }

    @Test
    void readerOfBothTheTaggedAndADerivedProductIsDirect() {
        AnalysisMesh mesh = derivation().reads(BI, "customers");

        assertThat(readers(mesh, "pii").readers()).filteredOn(r -> BI.equals(r.principal()))
                .extracting(SensitiveReader::path).containsExactly(List.of("customers", BI));
    }

    @Test
    void equallyShortPathsAreBrokenByNodeNamesFromTheTaggedProductOutward() {
        AnalysisMesh mesh = derivation().flow("User:b-etl", "customers", "profiles")
                .flow("User:a-etl", "customers", "profiles");

        assertThat(readers(mesh, "pii").readers()).filteredOn(r -> BI.equals(r.principal()))
                .extracting(SensitiveReader::path)
                .containsExactly(List.of("customers", "User:a-etl", "profiles", BI));
    }

    @Test
    void readersAreSortedByProductThenPrincipalWithOneRowPerPair() {
        AnalysisMesh mesh = derivation().product("Accounts", "accounts", 1, Lifecycle.ACTIVE, "Pii")
                .reads(BI, "accounts").reads(ETL, "accounts");

        assertThat(readers(mesh, "pii").readers()).extracting(SensitiveReader::product, SensitiveReader::principal)
                .containsExactly(tuple("accounts", BI),
                        tuple("accounts", ETL),
                        tuple("customers", BI),
                        tuple("customers", ETL));
    }

    @Test
    void flagsNeedingSourcesNeverImportedAreNull() {
        AnalysisMesh mesh = new AnalysisMesh().product("customers", 1, "pii").reads(BI, "customers")
                .without(SourceKind.GROUPS, SourceKind.SERVICES);

        assertThat(readers(mesh, "pii").readers()).containsExactly(new SensitiveReader(BI, null, "customers",
                "customers", true, List.of("customers", BI), null, null, true));
    }

    @Test
    void blankTagIsRefused() {
        SensitiveReach reach = new SensitiveReach(derivation().lineage(), derivation().state());

        assertThatThrownBy(() -> reach.readersOf(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the tag must not be blank");
    }

    @Test
    void stateTheGraphWasNotBuiltFromIsRefused() {
        CatalogState state = derivation().state();

        assertThatThrownBy(() -> new SensitiveReach(new AnalysisMesh().lineage(), state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the lineage graph was not built from this catalog state (cluster " + state.cluster()
                        + ", snapshot " + state.asOf().id() + ")");
    }

    @Test
    void reportSerializesToTheDocumentedJsonShape() throws Exception {
        AnalysisMesh mesh = derivation().group("orphan", null, GroupState.STABLE, "customers", 5, 5);

        String json = new ObjectMapper().writeValueAsString(readers(mesh, "PII"));

        assertThat(json).isEqualTo("{\"tag\":\"pii\",\"products\":[\"customers\"],\"readers\":["
                + "{\"principal\":\"User:bi\",\"product\":\"customers\",\"readsTopic\":\"profiles\",\"direct\":false,"
                + "\"path\":[\"customers\",\"User:etl\",\"profiles\",\"User:bi\"],\"hasGroup\":true,"
                + "\"registered\":true,\"authorized\":true},"
                + "{\"principal\":\"User:etl\",\"product\":\"customers\",\"readsTopic\":\"customers\",\"direct\":true,"
                + "\"path\":[\"customers\",\"User:etl\"],\"hasGroup\":true,\"registered\":true,\"authorized\":true},"
                + "{\"principal\":null,\"group\":\"orphan\",\"product\":\"customers\",\"readsTopic\":\"customers\","
                + "\"direct\":true,\"path\":[\"customers\",\"orphan\"],\"hasGroup\":true,\"registered\":null,"
                + "\"authorized\":false}]}");
    }
}
