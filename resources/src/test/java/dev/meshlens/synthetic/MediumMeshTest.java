package dev.meshlens.synthetic;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The M mesh's counts and shape, from the facts it streams, resolved independently. */
class MediumMeshTest {
    private static SyntheticMesh mesh;
    private static Set<AclResolver.Edge> edges;
    private static Lineage lineage;
    private static int groups;

    @BeforeAll
    static void generate() {
        mesh = SyntheticMesh.generate(MeshSize.M, 7);
        AclsOnly sink = new AclsOnly();
        mesh.writeTo(sink);
        groups = sink.groups;
        edges = AclResolver.resolve(sink.acls, mesh.productTopics());
        lineage = new Lineage(edges);
    }

    @Test
    void resolvedEdgesAreWithinTenPercentOfAHundredThousand() {
        assertThat((double) edges.size()).isBetween(90_000.0, 110_000.0);
        assertThat(mesh.edgeCount()).isEqualTo(edges.size());
    }

    @Test
    void bigFanOutProductHasAtLeastAThousandDirectConsumers() {
        String big = mesh.bigFanOutProduct();

        assertThat(lineage.readersOf(big)).hasSizeGreaterThanOrEqualTo(1_000)
                .hasSize(mesh.directConsumerCount(big));
    }

    @Test
    void longestChainReachesDepthFifteenInResolvedLineage() {
        List<String> chain = mesh.longestChain();

        assertThat(chain.size() - 1).isGreaterThanOrEqualTo(15);
        assertThat(chain).doesNotHaveDuplicates();
        for (int i = 0; i + 1 < chain.size(); i++) {
            assertThat(lineage.feeds(chain.get(i), chain.get(i + 1))).isTrue();
        }
    }

    @Test
    void tenCyclesCloseInResolvedLineage() {
        assertThat(mesh.cycles()).hasSize(10);
        for (List<String> cycle : mesh.cycles()) {
            for (int i = 0; i < cycle.size(); i++) {
                assertThat(lineage.feeds(cycle.get(i), cycle.get((i + 1) % cycle.size()))).isTrue();
            }
        }
    }

    @Test
    void shapeHasTenThousandProductsInSixtyDomainsAndThousandsOfServicesAndGroups() {
        assertThat(mesh.productCount()).isEqualTo(10_000);
        assertThat(mesh.domains()).hasSize(60).doesNotHaveDuplicates();
        assertThat(mesh.serviceCount()).isBetween(5_000, 15_000);
        assertThat(groups).isEqualTo(mesh.groupCount()).isBetween(5_000, 15_000);
    }

    /** Keeps the ACLs, counts the groups, drops the rest. */
    private static final class AclsOnly implements MeshSink {
        final List<AclBinding> acls = new ArrayList<>();
        int groups;

        @Override
        public void cover(SourceKind source) {
        }

        @Override
        public void acl(AclBinding acl) {
            acls.add(acl);
        }

        @Override
        public void topic(Topic topic) {
        }

        @Override
        public void group(ConsumerGroup group) {
            groups++;
        }

        @Override
        public void product(DataProduct product) {
        }

        @Override
        public void service(ServiceInfo service) {
        }

        @Override
        public void groupMapping(GroupMapping mapping) {
        }

        @Override
        public void schema(SchemaVersion schema) {
        }

        @Override
        public void hop(RecordHop hop) {
        }
    }
}
