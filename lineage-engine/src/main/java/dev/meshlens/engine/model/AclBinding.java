package dev.meshlens.engine.model;

import java.util.Objects;

/**
 * One Kafka ACL binding, as {@code kafka-acls --list} prints it and {@code Admin.describeAcls} returns it.
 *
 * @param principal as Kafka writes it, e.g. {@code User:alice} or the wildcard {@code User:*}
 * @param host      the host the binding is restricted to, {@code *} for any host
 */
public record AclBinding(ResourceType resourceType, PatternType patternType, String resourceName, String principal,
                         String host, AclOperation operation, AclPermission permission) {

    public AclBinding {
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(patternType, "patternType");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(permission, "permission");
        host = host == null || host.isBlank() ? "*" : host;
    }

    /** Whether this binding names every resource of its type (a LITERAL {@code *}). */
    public boolean isWildcardResource() {
        return patternType == PatternType.LITERAL && PatternType.WILDCARD_RESOURCE.equals(resourceName);
    }
}
