package dev.meshlens.engine.lineage;

import dev.meshlens.engine.acl.HostScope;

import java.util.List;
import java.util.Objects;

/**
 * One producer of a product: a principal the ACLs allow to WRITE the topic.
 *
 * @param evidence always {@code ["acl"]} today: writes are only known from permissions
 * @param hosts    the hosts the WRITE grant holds from
 */
public record ProducerDetail(String principal, List<String> evidence, HostScope hosts) {

    /** @throws NullPointerException when a component is null */
    public ProducerDetail {
        Objects.requireNonNull(principal, "principal");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(hosts, "hosts");
    }
}
