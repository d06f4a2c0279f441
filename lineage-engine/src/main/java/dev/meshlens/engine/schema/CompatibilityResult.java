package dev.meshlens.engine.schema;

import java.util.List;
import java.util.Objects;

/**
 * The judgement of a proposed schema under a compatibility mode.
 *
 * @param mode       the mode judged, e.g. {@code BACKWARD}
 * @param compatible whether the proposed schema may be registered; false whenever {@code judged} is false
 * @param judged     false when Meshlens could not judge (Protobuf, or JSON Schema constructs it does not
 *                   compare); such a result is never reported as compatible
 * @param problems   every incompatibility found, by registered version; when not judged, entries of kind
 *                   {@code NOT_JUDGED} say why
 */
public record CompatibilityResult(String mode, boolean compatible, boolean judged, List<Incompatibility> problems) {

    public CompatibilityResult {
        Objects.requireNonNull(mode, "mode");
        problems = problems == null ? List.of() : List.copyOf(problems);
        if (compatible && (!judged || !problems.isEmpty())) {
            throw new IllegalArgumentException("a result with problems or without judgement cannot be compatible");
        }
    }

    /** One line for a terminal or a status bar, e.g. {@code BACKWARD: incompatible (2 problems)}. */
    public String summary() {
        if (!judged) {
            return mode + ": cannot judge";
        }
        if (compatible) {
            return mode + ": compatible";
        }
        return mode + ": incompatible (" + problems.size() + (problems.size() == 1 ? " problem)" : " problems)");
    }
}
