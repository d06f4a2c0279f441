package dev.meshlens.engine.lineage;

import java.util.Objects;

/** A service, identified by the Kafka principal it authenticates as, e.g. {@code User:billing-svc}. */
public record ServiceNode(String principal) implements LineageNode {

    /** The {@link #kind()} of every service node. */
    public static final String KIND = "service";

    /** @throws NullPointerException when {@code principal} is null */
    public ServiceNode {
        Objects.requireNonNull(principal, "principal");
    }

    /** Always {@value #KIND}. */
    @Override
    public String kind() {
        return KIND;
    }

    /** The principal. */
    @Override
    public String name() {
        return principal;
    }
}
