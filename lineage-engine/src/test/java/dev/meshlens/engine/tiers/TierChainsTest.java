package dev.meshlens.engine.tiers;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.lineage.GroupNode;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.testkit.AnalysisMesh;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TierChainsTest {
    private static final String SRC = "User:src";
    private static final String ETL = "User:etl";
    private static final String APP = "User:app";

    private static TierChains tiers(AnalysisMesh mesh) {
        return new TierChains(mesh.lineage(), mesh.state());
    }

    /** raw written by src (same tier as raw), read by etl which writes clean, read by app. */
    private static AnalysisMesh chain(int rawTier, int etlTier, int cleanTier, int appTier) {
        return new AnalysisMesh().topics("raw", "clean")
                .product("raw", rawTier).product("clean", cleanTier)
                .service(SRC, rawTier, false).service(ETL, etlTier, false).service(APP, appTier, false)
                .writes(SRC, "raw").flow(ETL, "raw", "clean").reads(APP, "clean");
    }

    @Test
    void chainReportsEveryNodePromisingBetterThanItsWorstUpstreamWithThePathToIt() {
        assertThat(tiers(chain(4, 3, 1, 2)).violations()).containsExactly(
                new TierViolation("product", "clean", 1, 4, List.of("clean", ETL, "raw")),
                new TierViolation("service", APP, 2, 4, List.of(APP, "clean", ETL, "raw")),
                new TierViolation("service", ETL, 3, 4, List.of(ETL, "raw")));
    }

    @Test
    void upstreamOfTheSameTierIsNoViolation() {
        assertThat(tiers(chain(2, 2, 2, 2)).violations()).isEmpty();
    }

    @Test
    void weakerPromiseThanUpstreamIsNoViolation() {
        assertThat(tiers(chain(1, 2, 3, 4)).violations()).isEmpty();
    }

    @Test
    void worstUpstreamTierIsTheBestANodeCanPromise() {
        TierChains tiers = tiers(chain(3, 4, 1, 2));

        assertThat(tiers.worstUpstreamTier(new ProductNode("clean"))).hasValue(4);
        assertThat(tiers.worstUpstreamTier(new ServiceNode(ETL))).hasValue(3);
        assertThat(tiers.worstUpstreamTier(new ProductNode("raw"))).hasValue(3);
        assertThat(tiers.worstUpstreamTier(new ServiceNode(SRC))).isEmpty();
        assertThat(tiers.declaredTier(new ProductNode("clean"))).hasValue(1);
    }

    @Test
    void serviceTierIsCappedByTheProductItReads() {
        AnalysisMesh mesh = new AnalysisMesh().topics("ledger").product("ledger", 3).service(APP, 1, false)
                .reads(APP, "ledger");

        assertThat(tiers(mesh).violations())
                .containsExactly(new TierViolation("service", APP, 1, 3, List.of(APP, "ledger")));
    }

    @Test
    void diamondPathLeadsToTheWorseOfTwoBranches() {
        AnalysisMesh mesh = new AnalysisMesh().topics("a", "b", "mid-a", "mid-b", "out")
                .product("a", 3).product("b", 4).product("mid-a", 3).product("mid-b", 4).product("out", 1)
                .service("User:sa", 3, false).service("User:sb", 4, false).service("User:join", null, false)
                .flow("User:sa", "a", "mid-a").flow("User:sb", "b", "mid-b")
                .flow("User:join", "mid-a", "out").flow("User:join", "mid-b", "out");

        assertThat(tiers(mesh).violations())
                .containsExactly(new TierViolation("product", "out", 1, 4, List.of("out", "User:join", "mid-b")));
    }

    @Test
    void equallyShortPathsAreBrokenByNodeNamesFromTheViolatingNodeOutward() {
        AnalysisMesh mesh = new AnalysisMesh().topics("raw", "out").product("raw", 4).product("out", 1)
                .service("User:b-etl", null, false).service("User:a-etl", null, false)
                .flow("User:b-etl", "raw", "out").flow("User:a-etl", "raw", "out");

        assertThat(tiers(mesh).violations())
                .containsExactly(new TierViolation("product", "out", 1, 4, List.of("out", "User:a-etl", "raw")));
    }

    @Test
    void limitingPathIsTheShortestToACappingNode() {
        // out <- User:long <- far-1 <- User:hop <- far-0 (tier 4), and out <- User:short <- near (tier 4);
        // the services and far-1 declare nothing, so only far-0 and near cap.
        AnalysisMesh mesh = new AnalysisMesh().topics("far-0", "far-1", "near", "out")
                .product("far-0", 4).product("far-1", null).product("near", 4).product("out", 1)
                .flow("User:hop", "far-0", "far-1").flow("User:long", "far-1", "out")
                .flow("User:short", "near", "out");

        assertThat(tiers(mesh).violations()).extracting(TierViolation::path)
                .containsExactly(List.of("out", "User:short", "near"));
    }

    @Test
    void cycleMembersCapEachOther() {
        // a -> User:s1 -> b -> User:s2 -> a: a promises 1 but b, upstream of it through the cycle, only 3.
        AnalysisMesh mesh = new AnalysisMesh().topics("a", "b").product("a", 1).product("b", 3)
                .flow("User:s1", "a", "b").flow("User:s2", "b", "a");

        assertThat(tiers(mesh).violations())
                .containsExactly(new TierViolation("product", "a", 1, 3, List.of("a", "User:s2", "b")));
    }

    @Test
    void capFromOutsideACycleReachesEveryMember() {
        AnalysisMesh mesh = new AnalysisMesh().topics("a", "b", "c").product("a", 2).product("b", 2)
                .product("c", 4).service("User:s1", 2, false).service("User:s2", 2, false)
                .service("User:s3", null, false)
                .flow("User:s1", "a", "b").flow("User:s2", "b", "a").flow("User:s3", "c", "a");

        assertThat(tiers(mesh).violations()).containsExactly(
                new TierViolation("product", "a", 2, 4, List.of("a", "User:s3", "c")),
                new TierViolation("product", "b", 2, 4, List.of("b", "User:s1", "a", "User:s3", "c")),
                new TierViolation("service", "User:s1", 2, 4, List.of("User:s1", "a", "User:s3", "c")),
                new TierViolation("service", "User:s2", 2, 4, List.of("User:s2", "b", "User:s1", "a", "User:s3", "c")));
    }

    @Test
    void serviceReadingAndWritingTheSameTopicIsASmallCycle() {
        AnalysisMesh mesh = new AnalysisMesh().topics("state").product("state", 1).service("User:s", 2, false)
                .flow("User:s", "state", "state");

        assertThat(tiers(mesh).violations())
                .containsExactly(new TierViolation("product", "state", 1, 2, List.of("state", "User:s")));
    }

    @Test
    void nodesWithoutADeclaredTierAreReportedAsUnknown() {
        AnalysisMesh mesh = new AnalysisMesh().topics("declared", "undeclared", "unregistered", "__consumer_offsets")
                .product("declared", 2).product("undeclared", null)
                .service(APP, 2, false).service(ETL, null, false)
                .reads(APP, "declared").reads(ETL, "undeclared").writes("User:stranger", "unregistered")
                .group("orphan-app", null, GroupState.STABLE, "declared", 1, 1);

        TierChains tiers = tiers(mesh);

        assertThat(tiers.unknown()).containsExactly(new UnknownTier("product", "undeclared"),
                new UnknownTier("product", "unregistered"), new UnknownTier("service", ETL),
                new UnknownTier("service", "User:stranger"));
        assertThat(tiers.declaredTier(new GroupNode("orphan-app"))).isEmpty();
    }

    @Test
    void unknownNodeCapsNothing() {
        AnalysisMesh mesh = new AnalysisMesh().topics("raw", "out").product("raw", null).product("out", 1)
                .service(ETL, 1, false).flow(ETL, "raw", "out");

        assertThat(tiers(mesh).violations()).isEmpty();
    }

    @Test
    void capFlowsThroughANodeWithoutATier() {
        AnalysisMesh mesh = new AnalysisMesh().topics("raw", "out").product("raw", 4).product("out", 1)
                .flow(ETL, "raw", "out");

        assertThat(tiers(mesh).violations())
                .containsExactly(new TierViolation("product", "out", 1, 4, List.of("out", ETL, "raw")));
    }

    @Test
    void groupStandingForAnUnknownPrincipalIsNeitherJudgedNorUnknown() {
        AnalysisMesh mesh = new AnalysisMesh().topics("raw").product("raw", 4).service(APP, 1, false)
                .reads(APP, "raw").group("orphan", null, GroupState.STABLE, "raw", 5, 5);

        TierChains tiers = tiers(mesh);

        assertThat(tiers.violations()).extracting(TierViolation::name).containsExactly(APP);
        assertThat(tiers.unknown()).isEmpty();
    }

    @Test
    void consumerSeenOnlyThroughItsGroupIsCappedLikeAnyReader() {
        AnalysisMesh mesh = new AnalysisMesh().topics("raw").product("raw", 4).service(APP, 1, false)
                .mapping("app-group", APP).group("app-group", null, GroupState.STABLE, "raw", 5, 5);

        assertThat(tiers(mesh).violations())
                .containsExactly(new TierViolation("service", APP, 1, 4, List.of(APP, "raw")));
    }

    @Test
    void twoCatalogEntriesOnOneTopicPromiseTheWeakerTier() {
        AnalysisMesh mesh = new AnalysisMesh().topics("t").product("t", 1).product("T (legacy name)", "t", 3,
                Lifecycle.ACTIVE);

        assertThat(tiers(mesh).declaredTier(new ProductNode("t"))).hasValue(3);
    }

    @Test
    void productionServiceWithAnUpstreamTierWorseThanThePolicyIsAPolicyViolation() {
        AnalysisMesh mesh = chain(3, 3, 3, 3).service("User:prod", 3, true).reads("User:prod", "clean");

        assertThat(tiers(mesh).policyViolations(2)).containsExactly(
                new TierViolation("service", "User:prod", 3, 3, List.of("User:prod", "clean")));
    }

    @Test
    void productionServiceWithinThePolicyIsNotReported() {
        AnalysisMesh mesh = chain(3, 3, 3, 3).service("User:prod", 3, true).reads("User:prod", "clean");

        assertThat(tiers(mesh).policyViolations(3)).isEmpty();
    }

    @Test
    void nonProductionServiceIsNotHeldToThePolicy() {
        assertThat(tiers(chain(4, 4, 4, 4)).policyViolations(1)).isEmpty();
    }

    @Test
    void productionServiceWithoutItsOwnTierIsStillHeldToThePolicy() {
        AnalysisMesh mesh = chain(4, 4, 4, 4).service("User:prod", null, true).reads("User:prod", "clean");

        assertThat(tiers(mesh).policyViolations(2)).containsExactly(
                new TierViolation("service", "User:prod", null, 4, List.of("User:prod", "clean")));
    }

    @Test
    void policyTierOutsideOneToFourIsRefused() {
        TierChains tiers = tiers(chain(4, 4, 4, 4));

        assertThatThrownBy(() -> tiers.policyViolations(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 1 to 4, got 5");
    }

    @Test
    void reportWithoutPolicyHasNoPolicyViolations() {
        TierReport report = tiers(chain(4, 4, 1, 4).service("User:prod", 1, true)).report();

        assertThat(report.policyViolations()).isEmpty();
        assertThat(report.hasFindings()).isTrue();
    }

    @Test
    void stateTheGraphWasNotBuiltFromIsRefused() {
        AnalysisMesh other = new AnalysisMesh().topics("elsewhere").product("elsewhere", 1);

        CatalogState state = other.state();

        assertThatThrownBy(() -> new TierChains(chain(4, 4, 4, 4).lineage(), state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the lineage graph was not built from this catalog state (cluster " + state.cluster()
                        + ", snapshot " + state.asOf().id() + ")");
    }

    @Test
    void longChainIsAnsweredWithoutDeepRecursion() {
        int links = 10_000; // deep enough to overflow a recursive depth-first search (Gabow) on a default stack
        AnalysisMesh mesh = new AnalysisMesh().product("t0", 4);
        for (int i = 1; i <= links; i++) {
            mesh.product("t" + i, null).flow("User:s" + i, "t" + (i - 1), "t" + i);
        }
        mesh.product("last", 1).flow("User:end", "t" + links, "last");

        List<TierViolation> violations = tiers(mesh).violations();

        List<String> expected = new ArrayList<>(List.of("last", "User:end"));
        for (int i = links; i >= 1; i--) {
            expected.add("t" + i);
            expected.add("User:s" + i);
        }
        expected.add("t0");
        assertThat(violations).containsExactly(new TierViolation("product", "last", 1, 4, expected));
    }

    @Test
    void reportSerializesToTheDocumentedJsonShape() throws Exception {
        AnalysisMesh mesh = new AnalysisMesh().topics("raw", "out").product("raw", 4).product("out", 1)
                .service(ETL, 4, true).flow(ETL, "raw", "out").writes("User:stranger", "raw");

        String json = new ObjectMapper().writeValueAsString(tiers(mesh).report(3));

        assertThat(json).isEqualTo("{\"violations\":[{\"kind\":\"product\",\"name\":\"out\",\"declaredTier\":1,"
                + "\"cappedAt\":4,\"path\":[\"out\",\"User:etl\"]}],"
                + "\"unknown\":[{\"kind\":\"service\",\"name\":\"User:stranger\"}],"
                + "\"policyViolations\":[{\"kind\":\"service\",\"name\":\"User:etl\",\"declaredTier\":4,"
                + "\"cappedAt\":4,\"path\":[\"User:etl\",\"raw\"]}]}");
    }
}
