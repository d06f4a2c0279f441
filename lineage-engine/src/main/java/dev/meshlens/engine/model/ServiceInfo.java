package dev.meshlens.engine.model;

import java.util.Objects;

/**
 * A service (a principal that reads and writes products) as declared in {@code services.csv}.
 *
 * @param tier       the SLA tier the service promises, or null when undeclared
 * @param production whether the service runs in production (policy checks may require a minimum upstream tier)
 */
public record ServiceInfo(String principal, String name, String owner, Integer tier, boolean production) {

    public ServiceInfo {
        Objects.requireNonNull(principal, "principal");
    }
}
