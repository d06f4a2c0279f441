package dev.meshlens.app.cli;

import dev.meshlens.app.cli.AnalysisCli.MeshDoc;
import dev.meshlens.app.cli.AnalysisCli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.meshlens.app.cli.AnalysisCli.json;
import static org.assertj.core.api.Assertions.assertThat;

class TiersCommandTest {
    @TempDir
    Path folder;

    /** raw (tier 4) written by src, read by etl (tier 4, production) which writes clean (tier 1). */
    private static MeshDoc chain(int cleanTier) {
        return new MeshDoc().topics("raw", "clean")
                .product("Raw", "raw", 4, "ACTIVE").product("Clean", "clean", cleanTier, "ACTIVE")
                .service("User:src", 4, false).service("User:etl", 4, true)
                .writes("User:src", "raw").reads("User:etl", "raw").writes("User:etl", "clean");
    }

    @Test
    void violationsArePrintedAsJsonWithExitCodeOne() throws Exception {
        Run run = AnalysisCli.withMesh(folder, chain(1)).run("tiers", "--format", "json");

        assertThat(run.exit()).isEqualTo(MeshlensCli.EXIT_FINDINGS);
        assertThat(run.json()).isEqualTo(json("{'violations':[{'kind':'product','name':'clean','declaredTier':1,"
                + "'cappedAt':4,'path':['clean','User:etl']}],'unknown':[],'policyViolations':[]}"));
    }

    @Test
    void noViolationExitsZero() throws Exception {
        Run run = AnalysisCli.withMesh(folder, chain(4)).run("tiers", "--format", "json");

        assertThat(run.exit()).isEqualTo(MeshlensCli.EXIT_OK);
        assertThat(run.json().get("violations")).isEmpty();
    }

    @Test
    void productionServiceBelowThePolicyIsAPolicyViolationWithExitCodeOne() throws Exception {
        Run run = AnalysisCli.withMesh(folder, chain(4)).run("tiers", "--min-production-tier", "2", "--format", "json");

        assertThat(run.exit()).isEqualTo(MeshlensCli.EXIT_FINDINGS);
        assertThat(run.json().get("policyViolations")).isEqualTo(json("[{'kind':'service','name':'User:etl',"
                + "'declaredTier':4,'cappedAt':4,'path':['User:etl','raw']}]"));
    }

    @Test
    void tableShowsOneRowPerViolationWithThePathUpstream() throws Exception {
        MeshDoc mesh = chain(1).service("User:app", 1, false).reads("User:app", "clean");

        Run run = AnalysisCli.withMesh(folder, mesh).run("tiers");

        assertThat(run.out()).isEqualTo("""
                Tier violations: 2
                KIND     NAME      DECLARED  CAPPED AT  PATH
                product  clean     1         4          clean <- User:etl
                service  User:app  1         4          User:app <- clean <- User:etl

                Without a declared tier: none
                """);
    }

    @Test
    void nodesWithoutATierAreListedInTheTable() throws Exception {
        MeshDoc mesh = chain(4).reads("User:stranger", "clean");

        Run run = AnalysisCli.withMesh(folder, mesh).run("tiers");

        assertThat(run.out()).endsWith("""
                Without a declared tier: 1
                KIND     NAME
                service  User:stranger
                """);
    }

    @Test
    void policyTierOutsideOneToFourIsAUsageError() throws Exception {
        Run run = AnalysisCli.withMesh(folder, chain(4)).run("tiers", "--min-production-tier", "0");

        assertThat(run.exit()).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(run.err()).isEqualTo("meshlens: --min-production-tier must be a tier from 1 to 4, got 0"
                + System.lineSeparator());
    }
}
