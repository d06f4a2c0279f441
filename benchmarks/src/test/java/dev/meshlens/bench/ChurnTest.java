package dev.meshlens.bench;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.synthetic.MeshSpec;
import dev.meshlens.synthetic.SyntheticMesh;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ChurnTest {

    private static final SyntheticMesh MESH = SyntheticMesh.generate(MeshSpec.ofProducts(300), 7);

    private static MeshContent stream(Churn churn) {
        MeshContent.Collector collector = new MeshContent.Collector();
        MESH.writeTo(churn.sink(collector));
        return collector.content();
    }

    private static MeshContent base() {
        MeshContent.Collector collector = new MeshContent.Collector();
        MESH.writeTo(collector);
        return collector.content();
    }

    /** Facts of one content that the other does not have, over ACLs, topics, groups, products and services. */
    private static int differing(MeshContent a, MeshContent b) {
        int count = 0;
        for (var pair : new Object[][] {{a.acls(), b.acls()}, {a.topics(), b.topics()}, {a.groups(), b.groups()},
                {a.products(), b.products()}, {a.services(), b.services()}}) {
            Set<Object> other = new HashSet<>((java.util.List<?>) pair[1]);
            for (Object fact : (java.util.List<?>) pair[0]) {
                if (!other.contains(fact)) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void dayZeroIsTheMeshItself() {
        assertThat(stream(new Churn(1, 0.01))).isEqualTo(base());
    }

    @Test
    void aboutOnePercentOfTheFactsChangeADay() {
        Churn churn = new Churn(1, 0.01);
        MeshContent day0 = stream(churn);
        int facts = day0.acls().size() + day0.topics().size() + day0.groups().size() + day0.products().size()
                + day0.services().size() + day0.groupMappings().size();

        int changed = churn.nextDay();

        assertThat(changed).isBetween(facts / 200, facts * 3 / 200);
        MeshContent day1 = stream(churn);
        // a removed ACL differs on one side, a kept ACL with an added grant on the other, any other edit on both
        assertThat(differing(base(), day1) + differing(day1, base())).isBetween(changed * 3 / 4, changed * 2);
    }

    @Test
    void sameSeedGivesTheSameDays() {
        Churn a = new Churn(5, 0.01);
        Churn b = new Churn(5, 0.01);
        stream(a);
        stream(b);
        a.nextDay();
        b.nextDay();
        a.nextDay();
        b.nextDay();

        assertThat(stream(a)).isEqualTo(stream(b));
    }

    @Test
    void changesAccumulateOverDays() {
        Churn churn = new Churn(3, 0.01);
        stream(churn);
        churn.nextDay();
        int afterOneDay = differing(base(), stream(churn));
        for (int d = 0; d < 9; d++) {
            churn.nextDay();
        }

        assertThat(differing(base(), stream(churn))).isGreaterThan(afterOneDay * 5);
    }

    @Test
    void churnChangesAclsGroupsAndProducts() {
        Churn churn = new Churn(9, 0.05);
        MeshContent day0 = stream(churn);
        churn.nextDay();
        MeshContent day1 = stream(churn);

        assertThat(differing(day0, day1)).isPositive();
        assertThat(day1.acls()).anySatisfy(acl -> assertThat(acl.principal()).startsWith("User:churn-"));
        Set<AclBinding> day1Acls = new HashSet<>(day1.acls());
        assertThat(day0.acls()).anySatisfy(acl -> assertThat(day1Acls).doesNotContain(acl));
        assertThat(new HashSet<>(day1.groups())).isNotEqualTo(new HashSet<>(day0.groups()));
        assertThat(day1.products()).anySatisfy(p -> assertThat(p.description()).contains("(revision 1)"));
    }
}
