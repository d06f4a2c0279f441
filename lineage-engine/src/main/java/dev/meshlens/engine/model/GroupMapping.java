package dev.meshlens.engine.model;

import java.util.Objects;

/** An explicit statement that a consumer group belongs to a principal, where GROUP ACLs cannot tell. */
public record GroupMapping(String groupId, String principal) {

    public GroupMapping {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(principal, "principal");
    }
}
