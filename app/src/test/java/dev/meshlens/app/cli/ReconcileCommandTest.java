package dev.meshlens.app.cli;

import dev.meshlens.app.cli.AnalysisCli.MeshDoc;
import dev.meshlens.app.cli.AnalysisCli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.meshlens.app.cli.AnalysisCli.json;
import static org.assertj.core.api.Assertions.assertThat;

class ReconcileCommandTest {
    @TempDir
    Path folder;

    /** One of each finding, and an internal topic that must stay out of every one. */
    private static MeshDoc mismatches() {
        return new MeshDoc().topics("orders", "shadow", "__consumer_offsets", "legacy")
                .product("Orders", "orders", 1, "ACTIVE").product("Gone", "gone", 2, "ACTIVE")
                .product("Legacy", "legacy", 3, "DEPRECATED")
                .writes("User:src", "orders").writes("User:src", "legacy")
                .reads("User:idle", "orders").reads("User:old", "legacy")
                .group("old-g", "User:old", "STABLE", "legacy", 10, 10)
                .group("sneaky-g", "User:sneaky", "STABLE", "orders", 7, 9)
                .reads("User:idle", "__consumer_offsets");
    }

    @Test
    void jsonHasEveryFindingAndExitsZeroThoughThereAreFindings() throws Exception {
        Run run = AnalysisCli.withMesh(folder, mismatches()).run("reconcile", "--format", "json");

        assertThat(run.exit()).isEqualTo(MeshlensCli.EXIT_OK);
        assertThat(run.json()).isEqualTo(json("{"
                + "'unusedPermissions':[{'principal':'User:idle','topic':'orders'}],"
                + "'groupsWithoutAcl':[{'group':'sneaky-g','topic':'orders','principal':'User:sneaky'}],"
                + "'topicsWithoutWriter':['gone','shadow'],"
                + "'unregisteredTopics':['shadow'],"
                + "'catalogEntriesWithoutTopic':[{'name':'Gone','topic':'gone'}],"
                + "'deprecatedWithConsumers':[{'topic':'legacy','name':'Legacy','consumers':['User:old']}],"
                + "'notJudged':[]}"));
    }

    @Test
    void failOnFindingsExitsOneWhenSomethingIsFound() throws Exception {
        Run run = AnalysisCli.withMesh(folder, mismatches()).run("reconcile", "--fail-on-findings");

        assertThat(run.exit()).isEqualTo(MeshlensCli.EXIT_FINDINGS);
    }

    @Test
    void failOnFindingsExitsZeroWhenAllIsConsistent() throws Exception {
        MeshDoc clean = new MeshDoc().topics("orders").product("Orders", "orders", 1, "ACTIVE")
                .writes("User:src", "orders").reads("User:app", "orders")
                .group("app-g", "User:app", "STABLE", "orders", 3, 3);

        Run run = AnalysisCli.withMesh(folder, clean).run("reconcile", "--fail-on-findings");

        assertThat(run.exit()).isEqualTo(MeshlensCli.EXIT_OK);
    }

    @Test
    void findingsNeedingASourceNeverImportedAreNullAndExplained() throws Exception {
        MeshDoc noTopicsNoGroups = new MeshDoc().product("Orders", "orders", 1, "ACTIVE").writes("User:src", "orders");

        Run run = AnalysisCli.withMesh(folder, noTopicsNoGroups).run("reconcile", "--format", "json");

        assertThat(run.json()).isEqualTo(json("{'unusedPermissions':null,'groupsWithoutAcl':null,"
                + "'topicsWithoutWriter':[],'unregisteredTopics':null,'catalogEntriesWithoutTopic':null,"
                + "'deprecatedWithConsumers':null,'notJudged':["
                + "{'key':'unusedPermissions','reason':'never imported: groups (needs acls, groups)'},"
                + "{'key':'groupsWithoutAcl','reason':'never imported: groups (needs acls, groups)'},"
                + "{'key':'unregisteredTopics','reason':'never imported: topics (needs topics, catalog)'},"
                + "{'key':'catalogEntriesWithoutTopic','reason':'never imported: topics (needs topics, catalog)'},"
                + "{'key':'deprecatedWithConsumers','reason':'never imported: groups (needs catalog, groups)'}]}"));
    }

    @Test
    void tableNamesEachFindingByItsKeyWithItsRowsOrWhyItIsNotJudged() throws Exception {
        MeshDoc mesh = new MeshDoc().topics("orders", "shadow").product("Orders", "orders", 1, "ACTIVE")
                .writes("User:src", "orders").writes("User:src", "shadow").reads("User:idle", "orders");

        Run run = AnalysisCli.withMesh(folder, mesh).run("reconcile");

        assertThat(run.out()).isEqualTo("""
                unusedPermissions: not judged, never imported: groups (needs acls, groups)

                groupsWithoutAcl: not judged, never imported: groups (needs acls, groups)

                topicsWithoutWriter: none

                unregisteredTopics: 1
                TOPIC
                shadow

                catalogEntriesWithoutTopic: none

                deprecatedWithConsumers: not judged, never imported: groups (needs catalog, groups)
                """);
    }
}
