package dev.meshlens.importers.seed;

import dev.meshlens.engine.model.AclBinding;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/** Converts the model's ACL bindings to Kafka's. The enum constants carry Kafka's names. */
final class KafkaAcls {
    private KafkaAcls() {
    }

    static org.apache.kafka.common.acl.AclBinding toKafka(AclBinding b) {
        return new org.apache.kafka.common.acl.AclBinding(
                new ResourcePattern(ResourceType.valueOf(b.resourceType().name()), b.resourceName(),
                        PatternType.valueOf(b.patternType().name())),
                new AccessControlEntry(b.principal(), b.host(), AclOperation.valueOf(b.operation().name()),
                        AclPermissionType.valueOf(b.permission().name())));
    }
}
