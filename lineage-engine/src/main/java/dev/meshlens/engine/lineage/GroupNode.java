package dev.meshlens.engine.lineage;

import java.util.Objects;

/**
 * A consumer group that stands for itself because no single principal can be named for it: nobody may read the
 * topic it consumes, or several principals could be it and the ACLs do not say which.
 */
public record GroupNode(String groupId) implements LineageNode {

    /** The {@link #kind()} of every group node. */
    public static final String KIND = "group";

    /** @throws NullPointerException when {@code groupId} is null */
    public GroupNode {
        Objects.requireNonNull(groupId, "groupId");
    }

    /** Always {@value #KIND}. */
    @Override
    public String kind() {
        return KIND;
    }

    /** The group id. */
    @Override
    public String name() {
        return groupId;
    }
}
