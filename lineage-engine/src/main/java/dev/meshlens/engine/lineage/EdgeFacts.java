package dev.meshlens.engine.lineage;

import dev.meshlens.engine.acl.HostScope;

import java.util.List;
import java.util.Objects;

/**
 * What is known about one lineage edge.
 *
 * @param evidence sorted: {@value #ACL} when the ACLs grant the operation, {@value #GROUP} when a consumer group
 *                 of the consumer is seen on the topic
 * @param state    for READ edges, the consumer's state; null for WRITE edges
 * @param lag      for READ edges, the lag of the most alive group (summed over its partitions of the topic);
 *                 null when no group is seen, or no partition's lag is known
 * @param groups   the consumer groups behind the edge, sorted
 * @param hosts    the hosts the ACL grant holds from; {@link HostScope#none()} when the edge has no ACL evidence
 */
public record EdgeFacts(List<String> evidence, ConsumerState state, Long lag, List<String> groups,
                        HostScope hosts) {

    /** Evidence: an ACL grants the operation. */
    public static final String ACL = "acl";
    /** Evidence: a consumer group is seen consuming. */
    public static final String GROUP = "group";

    /** @throws NullPointerException when {@code evidence}, {@code groups} or {@code hosts} is null */
    public EdgeFacts {
        evidence = sortedDistinct(evidence);
        groups = sortedDistinct(groups);
        Objects.requireNonNull(hosts, "hosts");
    }

    /** {@code values} sorted without repeats; a list that already is (the usual case) is only copied. */
    private static List<String> sortedDistinct(List<String> values) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i - 1).compareTo(values.get(i)) >= 0) {
                return values.stream().distinct().sorted().toList();
            }
        }
        return List.copyOf(values);
    }
}
