package dev.meshlens.synthetic;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ACL bindings of a synthetic mesh, produced one resource pattern at a time:
 * <ul>
 *   <li>per product topic (LITERAL): its writers' WRITE (ALL for a few), its readers' READ (a few from one host
 *       only), DENY READ for revoked readers, DENY WRITE for {@code User:*} on frozen topics, READ for
 *       {@code User:*} on public ones; half the services also hold the DESCRIBE (and CREATE) bindings that
 *       {@code kafka-acls --producer/--consumer} add;</li>
 *   <li>the wildcard topic {@code *}: the archiver's READ, the monitoring principal's DESCRIBE;</li>
 *   <li>per domain prefix ({@code sales.}, PREFIXED): the lake exporters' READ, the archiver's DENY READ on
 *       domains holding personal data;</li>
 *   <li>GROUP READ for every consumer group (PREFIXED for services with several groups, {@code User:*} on
 *       {@code legacy-batch-}), the monitoring principal on group {@code *};</li>
 *   <li>TRANSACTIONAL_ID and CLUSTER bindings of transactional and idempotent producers.</li>
 * </ul>
 */
final class AclPlan {
    static final String MONITORING = "User:ops-monitoring";
    static final String ANYONE = "User:*";
    static final String LEGACY_GROUP_PREFIX = "legacy-batch-";
    static final String CLUSTER_NAME = "kafka-cluster";

    private static final long SALT_ACL = 50;

    /**
     * Receives one resource's bindings; returns false to stop the iteration. The list is reused once the call
     * returns: keep a copy, not the list.
     */
    interface Blocks {
        boolean block(ResourceType type, PatternType pattern, String name, List<AclBinding> bindings);
    }

    private final Topology t;
    private final GroupPlan groups;

    AclPlan(Topology topology, GroupPlan groups) {
        this.t = topology;
        this.groups = groups;
    }

    /** Whether the service's ACLs were made with {@code --producer}/{@code --consumer}, which add DESCRIBE. */
    boolean convenience(int service) {
        return Hash.unit(Hash.of(t.seed, SALT_ACL, service)) < 0.5;
    }

    boolean idempotent(int service) {
        return t.kind[service] == Topology.PROCESSOR && Hash.unit(Hash.of(t.seed, SALT_ACL + 1, service)) < 0.1;
    }

    boolean transactional(int service) {
        return t.kind[service] == Topology.PROCESSOR && t.serviceLevel[service] > 0
                && Hash.unit(Hash.of(t.seed, SALT_ACL + 2, service)) < 0.05;
    }

    String hostOf(int service) {
        long h = Hash.of(t.seed, SALT_ACL + 3, service);
        return "10." + (h >>> 8 & 0xff) + "." + (h >>> 16 & 0xff) + "." + (1 + (h >>> 24 & 0xfd));
    }

    /** Produces every resource's bindings in a fixed order, until {@code blocks} asks to stop. */
    void forEach(Blocks blocks) {
        List<AclBinding> bindings = new ArrayList<>();
        for (int p : t.byName) {
            bindings.clear();
            topicBindings(p, bindings);
            if (!bindings.isEmpty() && !blocks.block(ResourceType.TOPIC, PatternType.LITERAL, t.topics[p], bindings)) {
                return;
            }
        }
        bindings.clear();
        String wildcard = PatternType.WILDCARD_RESOURCE;
        bindings.add(topicAcl(wildcard, PatternType.LITERAL, t.principal(t.archiver), AclOperation.READ, "*",
                AclPermission.ALLOW));
        bindings.add(topicAcl(wildcard, PatternType.LITERAL, MONITORING, AclOperation.DESCRIBE, "*",
                AclPermission.ALLOW));
        bindings.add(topicAcl(wildcard, PatternType.LITERAL, MONITORING, AclOperation.DESCRIBE_CONFIGS, "*",
                AclPermission.ALLOW));
        if (!blocks.block(ResourceType.TOPIC, PatternType.LITERAL, wildcard, bindings)) {
            return;
        }
        Integer[] domainOrder = new Integer[t.domainNames.length];
        for (int d = 0; d < domainOrder.length; d++) {
            domainOrder[d] = d;
        }
        Arrays.sort(domainOrder, (a, b) -> t.domainNames[a].compareTo(t.domainNames[b]));
        for (int d : domainOrder) {
            bindings.clear();
            String prefix = t.domainNames[d] + ".";
            for (int exporter : t.exportersOfDomain[d]) {
                bindings.add(topicAcl(prefix, PatternType.PREFIXED, t.principal(exporter), AclOperation.READ, "*",
                        AclPermission.ALLOW));
                if (convenience(exporter)) {
                    bindings.add(topicAcl(prefix, PatternType.PREFIXED, t.principal(exporter),
                            AclOperation.DESCRIBE, "*", AclPermission.ALLOW));
                }
            }
            if (t.piiDomain[d]) {
                bindings.add(topicAcl(prefix, PatternType.PREFIXED, t.principal(t.archiver), AclOperation.READ, "*",
                        AclPermission.DENY));
            }
            if (!bindings.isEmpty() && !blocks.block(ResourceType.TOPIC, PatternType.PREFIXED, prefix, bindings)) {
                return;
            }
        }
        if (!groupBlocks(blocks, bindings)) {
            return;
        }
        for (int s = 0; s < t.services; s++) {
            if (transactional(s)) {
                bindings.clear();
                String id = t.serviceNames[s] + "-tx";
                bindings.add(acl(ResourceType.TRANSACTIONAL_ID, id, PatternType.LITERAL, t.principal(s),
                        AclOperation.WRITE, "*", AclPermission.ALLOW));
                bindings.add(acl(ResourceType.TRANSACTIONAL_ID, id, PatternType.LITERAL, t.principal(s),
                        AclOperation.DESCRIBE, "*", AclPermission.ALLOW));
                if (!blocks.block(ResourceType.TRANSACTIONAL_ID, PatternType.LITERAL, id, bindings)) {
                    return;
                }
            }
        }
        bindings.clear();
        bindings.add(acl(ResourceType.CLUSTER, CLUSTER_NAME, PatternType.LITERAL, MONITORING, AclOperation.DESCRIBE,
                "*", AclPermission.ALLOW));
        for (int s = 0; s < t.services; s++) {
            if (idempotent(s)) {
                bindings.add(acl(ResourceType.CLUSTER, CLUSTER_NAME, PatternType.LITERAL, t.principal(s),
                        AclOperation.IDEMPOTENT_WRITE, "*", AclPermission.ALLOW));
            }
        }
        blocks.block(ResourceType.CLUSTER, PatternType.LITERAL, CLUSTER_NAME, bindings);
    }

    private void topicBindings(int p, List<AclBinding> bindings) {
        String topic = t.topics[p];
        int primary = t.primaryWriter[p];
        if (primary >= 0) {
            if (t.allGrant[p]) {
                bindings.add(topicAcl(topic, PatternType.LITERAL, t.principal(primary), AclOperation.ALL, "*",
                        AclPermission.ALLOW));
            } else {
                writer(topic, primary, bindings);
            }
        }
        if (t.secondWriter[p] >= 0) {
            writer(topic, t.secondWriter[p], bindings);
        }
        if (t.frozen[p]) {
            bindings.add(topicAcl(topic, PatternType.LITERAL, ANYONE, AclOperation.WRITE, "*", AclPermission.DENY));
        }
        if (t.publicRead[p]) {
            bindings.add(topicAcl(topic, PatternType.LITERAL, ANYONE, AclOperation.READ, "*", AclPermission.ALLOW));
        }
        for (int i = t.readerStart[p]; i < t.readerStart[p + 1]; i++) {
            int position = t.readerPos[i];
            int service = t.readService[position];
            String principal = t.principal(service);
            String host = (t.readFlags[position] & Topology.HOST_RESTRICTED) != 0 ? hostOf(service) : "*";
            bindings.add(topicAcl(topic, PatternType.LITERAL, principal, AclOperation.READ, host,
                    AclPermission.ALLOW));
            if (convenience(service)) {
                bindings.add(topicAcl(topic, PatternType.LITERAL, principal, AclOperation.DESCRIBE, host,
                        AclPermission.ALLOW));
            }
            if (t.isRevoked(position)) {
                bindings.add(topicAcl(topic, PatternType.LITERAL, principal, AclOperation.READ, "*",
                        AclPermission.DENY));
            }
        }
    }

    private void writer(String topic, int service, List<AclBinding> bindings) {
        String principal = t.principal(service);
        bindings.add(topicAcl(topic, PatternType.LITERAL, principal, AclOperation.WRITE, "*", AclPermission.ALLOW));
        if (convenience(service)) {
            bindings.add(topicAcl(topic, PatternType.LITERAL, principal, AclOperation.DESCRIBE, "*",
                    AclPermission.ALLOW));
            bindings.add(topicAcl(topic, PatternType.LITERAL, principal, AclOperation.CREATE, "*",
                    AclPermission.ALLOW));
        }
    }

    private boolean groupBlocks(Blocks blocks, List<AclBinding> bindings) {
        boolean anyLegacy = false;
        for (GroupPlan.GroupRef ref : groups.groups()) {
            bindings.clear();
            String principal = t.principal(ref.service());
            switch (ref.kind()) {
                case GroupPlan.LEGACY -> anyLegacy = true;
                case GroupPlan.MAIN -> {
                    // one PREFIXED binding covers the main and the backfill group
                    String prefix = t.serviceNames[ref.service()] + ".";
                    bindings.add(acl(ResourceType.GROUP, prefix, PatternType.PREFIXED, principal, AclOperation.READ,
                            "*", AclPermission.ALLOW));
                    if (!blocks.block(ResourceType.GROUP, PatternType.PREFIXED, prefix, bindings)) {
                        return false;
                    }
                }
                case GroupPlan.SINGLE -> {
                    bindings.add(acl(ResourceType.GROUP, ref.groupId(), PatternType.LITERAL, principal,
                            AclOperation.READ, "*", AclPermission.ALLOW));
                    if (!blocks.block(ResourceType.GROUP, PatternType.LITERAL, ref.groupId(), bindings)) {
                        return false;
                    }
                }
                default -> {
                    // the backfill group is covered by the main group's prefix
                }
            }
        }
        if (anyLegacy) {
            bindings.clear();
            bindings.add(acl(ResourceType.GROUP, LEGACY_GROUP_PREFIX, PatternType.PREFIXED, ANYONE,
                    AclOperation.READ, "*", AclPermission.ALLOW));
            if (!blocks.block(ResourceType.GROUP, PatternType.PREFIXED, LEGACY_GROUP_PREFIX, bindings)) {
                return false;
            }
        }
        bindings.clear();
        bindings.add(acl(ResourceType.GROUP, PatternType.WILDCARD_RESOURCE, PatternType.LITERAL, MONITORING,
                AclOperation.DESCRIBE, "*", AclPermission.ALLOW));
        return blocks.block(ResourceType.GROUP, PatternType.LITERAL, PatternType.WILDCARD_RESOURCE, bindings);
    }

    private static AclBinding topicAcl(String name, PatternType pattern, String principal, AclOperation operation,
                                       String host, AclPermission permission) {
        return acl(ResourceType.TOPIC, name, pattern, principal, operation, host, permission);
    }

    private static AclBinding acl(ResourceType type, String name, PatternType pattern, String principal,
                                  AclOperation operation, String host, AclPermission permission) {
        return new AclBinding(type, pattern, name, principal, host, operation, permission);
    }
}
