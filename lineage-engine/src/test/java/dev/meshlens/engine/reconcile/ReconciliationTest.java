package dev.meshlens.engine.reconcile;

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

class ReconciliationTest {
    private static final String APP = "User:app";
    private static final String ETL = "User:etl";

    private static Reconciliation reconcile(AnalysisMesh mesh) {
        return new Reconciliation(mesh.lineage(), mesh.state());
    }

    // --- unusedPermissions

    @Test
    void readAclWithoutAnyGroupOfThePrincipalIsAnUnusedPermission() {
        AnalysisMesh mesh = new AnalysisMesh().topics("orders", "payments").reads(APP, "orders")
                .reads(APP, "payments").group("app-g", APP, GroupState.STABLE, "payments", 5, 5);

        assertThat(reconcile(mesh).unusedPermissions()).contains(List.of(new UnusedPermission(APP, "orders")));
    }

    @Test
    void readByAStoppedGroupIsNotUnused() {
        AnalysisMesh mesh = new AnalysisMesh().topics("orders").reads(APP, "orders")
                .group("app-g", APP, GroupState.EMPTY, "orders", 1, 5);

        assertThat(reconcile(mesh).unusedPermissions()).contains(List.of());
    }

    // --- groupsWithoutAcl

    @Test
    void groupWhosePrincipalMayNotReadTheTopicIsReportedWithThePrincipal() {
        AnalysisMesh mesh = new AnalysisMesh().topics("orders").writes("User:src", "orders")
                .group("app-g", APP, GroupState.STABLE, "orders", 5, 5);

        assertThat(reconcile(mesh).groupsWithoutAcl()).contains(List.of(new GroupWithoutAcl("app-g", "orders", APP)));
    }

    @Test
    void groupWithoutAnyPrincipalIsReportedWithNullPrincipal() {
        AnalysisMesh mesh = new AnalysisMesh().topics("orders")
                .group("orphan", null, GroupState.STABLE, "orders", 5, 5);

        assertThat(reconcile(mesh).groupsWithoutAcl())
                .contains(List.of(new GroupWithoutAcl("orphan", "orders", null)));
    }

    @Test
    void groupsWithoutAclHaveOneRowPerGroupAndTopic() {
        AnalysisMesh mesh = new AnalysisMesh().topics("a", "b")
                .group("app-2", APP, GroupState.STABLE, "a", 5, 5)
                .group("app-1", APP, GroupState.STABLE, "a", 5, 5)
                .group("app-1", APP, GroupState.STABLE, "b", 5, 5);

        assertThat(reconcile(mesh).groupsWithoutAcl()).contains(List.of(new GroupWithoutAcl("app-1", "a", APP),
                new GroupWithoutAcl("app-1", "b", APP), new GroupWithoutAcl("app-2", "a", APP)));
    }

    @Test
    void groupWithAMatchingReadAclIsNotReported() {
        AnalysisMesh mesh = new AnalysisMesh().topics("orders").reads(APP, "orders")
                .group("app-g", APP, GroupState.STABLE, "orders", 5, 5);

        assertThat(reconcile(mesh).groupsWithoutAcl()).contains(List.of());
    }

    // --- topicsWithoutWriter

    @Test
    void topicNobodyMayWriteIsReported() {
        AnalysisMesh mesh = new AnalysisMesh().topics("written", "orphan").writes("User:src", "written")
                .reads(APP, "orphan");

        assertThat(reconcile(mesh).topicsWithoutWriter()).contains(List.of("orphan"));
    }

    @Test
    void catalogTopicAndAclTopicCountAsTopicsForWriters() {
        AnalysisMesh mesh = new AnalysisMesh().product("declared-only", 2).reads(APP, "acl-only");

        assertThat(reconcile(mesh).topicsWithoutWriter()).contains(List.of("acl-only", "declared-only"));
    }

    // --- unregisteredTopics and catalogEntriesWithoutTopic

    @Test
    void existingTopicWithoutCatalogEntryIsUnregistered() {
        AnalysisMesh mesh = new AnalysisMesh().topics("shadow", "orders").product("orders", 1);

        assertThat(reconcile(mesh).unregisteredTopics()).contains(List.of("shadow"));
    }

    @Test
    void catalogEntryWhoseTopicDoesNotExistIsReportedWithNameAndTopic() {
        AnalysisMesh mesh = new AnalysisMesh().topics("orders").product("orders", 1)
                .product("Legacy orders", "orders-v0", 2, Lifecycle.ACTIVE);

        assertThat(reconcile(mesh).catalogEntriesWithoutTopic())
                .contains(List.of(new CatalogEntry("Legacy orders", "orders-v0")));
    }

    // --- deprecatedWithConsumers

    @Test
    void deprecatedProductListsItsActiveConsumersOnly() {
        AnalysisMesh mesh = new AnalysisMesh().topics("old").deprecated("Old orders", "old")
                .reads(APP, "old").group("app-g", APP, GroupState.STABLE, "old", 5, 5)
                .reads(ETL, "old").group("etl-g", ETL, GroupState.STABLE, "old", 1, 5)
                .reads("User:gone", "old").group("gone-g", "User:gone", GroupState.EMPTY, "old", 5, 5)
                .reads("User:idle", "old");

        assertThat(reconcile(mesh).deprecatedWithConsumers())
                .contains(List.of(new DeprecatedUse("old", "Old orders", List.of(APP, ETL))));
    }

    @Test
    void activeConsumerWithoutAclOfADeprecatedProductCountsAndIsNamedByGroupWithoutPrincipal() {
        AnalysisMesh mesh = new AnalysisMesh().topics("old").deprecated("Old", "old")
                .group("orphan", null, GroupState.STABLE, "old", 5, 5)
                .group("sleeper", null, GroupState.DEAD, "old", 5, 5);

        assertThat(reconcile(mesh).deprecatedWithConsumers())
                .contains(List.of(new DeprecatedUse("old", "Old", List.of("orphan"))));
    }

    @Test
    void deprecatedProductWithoutActiveConsumersIsNotReported() {
        AnalysisMesh mesh = new AnalysisMesh().topics("old", "new").deprecated("Old", "old").product("new", 1)
                .reads(APP, "old").group("app-g", APP, GroupState.STABLE, "new", 5, 5).reads(APP, "new");

        assertThat(reconcile(mesh).deprecatedWithConsumers()).contains(List.of());
    }

    // --- internal topics, sources not imported

    @Test
    void internalTopicsAreNeverReported() {
        AnalysisMesh mesh = new AnalysisMesh().topics("__consumer_offsets", "__transaction_state", "_schemas")
                .reads(APP, "__consumer_offsets").group("orphan", null, GroupState.STABLE, "_schemas", 1, 1)
                .deprecated("Offsets", "__consumer_offsets").product("__missing", 1)
                .group("reader", null, GroupState.STABLE, "__consumer_offsets", 1, 1);

        ReconciliationReport report = reconcile(mesh).report();

        assertThat(report.hasFindings()).isFalse();
        assertThat(report.notJudged()).isEmpty();
    }

    @Test
    void withoutGroupsTheFindingsNeedingThemAreNotJudged() {
        AnalysisMesh mesh = new AnalysisMesh().topics("orders").reads(APP, "orders").without(SourceKind.GROUPS);

        ReconciliationReport report = reconcile(mesh).report();

        assertThat(report.unusedPermissions()).isNull();
        assertThat(report.groupsWithoutAcl()).isNull();
        assertThat(report.deprecatedWithConsumers()).isNull();
        assertThat(report.topicsWithoutWriter()).containsExactly("orders");
        assertThat(report.notJudged()).containsExactly(
                new NotJudged("unusedPermissions", "never imported: groups (needs acls, groups)"),
                new NotJudged("groupsWithoutAcl", "never imported: groups (needs acls, groups)"),
                new NotJudged("deprecatedWithConsumers", "never imported: groups (needs catalog, groups)"));
    }

    @Test
    void withoutTopicsSourceNeitherUnregisteredTopicsNorOrphanedEntriesAreJudged() {
        AnalysisMesh mesh = new AnalysisMesh().product("orders", 1).without(SourceKind.TOPICS);

        Reconciliation reconciliation = reconcile(mesh);

        assertThat(reconciliation.unregisteredTopics()).isEmpty();
        assertThat(reconciliation.catalogEntriesWithoutTopic()).isEmpty();
        assertThat(reconciliation.notJudged(ReconcileFinding.CATALOG_ENTRIES_WITHOUT_TOPIC)).contains(
                new NotJudged("catalogEntriesWithoutTopic", "never imported: topics (needs topics, catalog)"));
    }

    @Test
    void withoutAclsNeitherPermissionsNorWritersAreJudged() {
        AnalysisMesh mesh = new AnalysisMesh().topics("orders").without(SourceKind.ACLS, SourceKind.CATALOG);

        assertThat(reconcile(mesh).report().notJudged()).extracting(NotJudged::key).containsExactly(
                "unusedPermissions", "groupsWithoutAcl", "topicsWithoutWriter", "unregisteredTopics",
                "catalogEntriesWithoutTopic", "deprecatedWithConsumers");
    }

    @Test
    void stateTheGraphWasNotBuiltFromIsRefused() {
        AnalysisMesh other = new AnalysisMesh().topics("elsewhere");

        CatalogState state = other.state();

        assertThatThrownBy(() -> new Reconciliation(new AnalysisMesh().lineage(), state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the lineage graph was not built from this catalog state (cluster " + state.cluster()
                        + ", snapshot " + state.asOf().id() + ")");
    }

    @Test
    void reportSerializesToTheDocumentedJsonShape() throws Exception {
        AnalysisMesh mesh = new AnalysisMesh().topics("orders", "shadow").product("orders", 1)
                .deprecated("Gone", "gone").writes("User:src", "orders").reads(APP, "orders")
                .group("orphan", null, GroupState.STABLE, "orders", 5, 5);

        String json = new ObjectMapper().writeValueAsString(reconcile(mesh).report());

        assertThat(json).isEqualTo("{\"unusedPermissions\":[{\"principal\":\"User:app\",\"topic\":\"orders\"}],"
                + "\"groupsWithoutAcl\":[{\"group\":\"orphan\",\"topic\":\"orders\",\"principal\":null}],"
                + "\"topicsWithoutWriter\":[\"gone\",\"shadow\"],"
                + "\"unregisteredTopics\":[\"shadow\"],"
                + "\"catalogEntriesWithoutTopic\":[{\"name\":\"Gone\",\"topic\":\"gone\"}],"
                + "\"deprecatedWithConsumers\":[],"
                + "\"notJudged\":[]}");
    }
}
