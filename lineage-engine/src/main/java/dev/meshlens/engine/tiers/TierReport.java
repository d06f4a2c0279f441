package dev.meshlens.engine.tiers;

import java.util.List;

/**
 * Everything {@code meshlens tiers} reports, in the JSON shape it prints:
 * {@code {"violations":[...],"unknown":[...],"policyViolations":[...]}}.
 *
 * @param violations       nodes promising better than their upstream allows, sorted by kind then name
 * @param unknown          products and services without a declared tier, sorted by kind then name
 * @param policyViolations production services with an upstream tier worse than the policy's minimum, sorted by
 *                         name; empty when no policy was given
 */
public record TierReport(List<TierViolation> violations, List<UnknownTier> unknown,
                         List<TierViolation> policyViolations) {

    /** @throws NullPointerException when a list is null */
    public TierReport {
        violations = List.copyOf(violations);
        unknown = List.copyOf(unknown);
        policyViolations = List.copyOf(policyViolations);
    }

    /** Whether there is a violation or a policy violation (unknown tiers alone are no finding). */
    public boolean hasFindings() {
        return !violations.isEmpty() || !policyViolations.isEmpty();
    }
}
