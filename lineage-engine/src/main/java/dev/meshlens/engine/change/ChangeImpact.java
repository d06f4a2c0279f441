package dev.meshlens.engine.change;

import dev.meshlens.engine.schema.CompatibilityResult;

import java.util.List;
import java.util.Objects;

/**
 * What a proposed schema change means: whether the registry would accept it, and who depends on the product.
 *
 * @param product            the product's topic
 * @param subject            the registry subject judged
 * @param registeredVersions the subject's registered versions, ascending; empty when none is registered
 * @param compatibility      the judgement (compatible when nothing is registered)
 * @param directConsumers    the product's consumers, by tier (1 first, undeclared last), then principal
 *                           (unknown last), then group
 * @param downstream         every product, service and group downstream of the product, by tier (1 first,
 *                           undeclared last), then name, then kind
 */
public record ChangeImpact(String product, String subject, List<Integer> registeredVersions,
                           CompatibilityResult compatibility, List<AffectedConsumer> directConsumers,
                           List<AffectedNode> downstream) {

    /** The overall answer, which decides a command line's exit code. */
    public enum Verdict {
        /** The subject has registered versions and the proposal is compatible with them. */
        COMPATIBLE,
        /** The proposal breaks compatibility with some registered version. */
        INCOMPATIBLE,
        /** Meshlens could not judge (Protobuf, some JSON Schema constructs): nobody can promise it is safe. */
        NOT_JUDGED,
        /** The subject has no registered version: any proposal is compatible with nothing. */
        NOTHING_REGISTERED
    }

    /** @throws NullPointerException when a component is null */
    public ChangeImpact {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(subject, "subject");
        registeredVersions = List.copyOf(registeredVersions);
        Objects.requireNonNull(compatibility, "compatibility");
        directConsumers = List.copyOf(directConsumers);
        downstream = List.copyOf(downstream);
    }

    /** The overall answer: nothing registered, not judged, compatible or incompatible, in that precedence. */
    public Verdict verdict() {
        if (registeredVersions.isEmpty()) {
            return Verdict.NOTHING_REGISTERED;
        }
        if (!compatibility.judged()) {
            return Verdict.NOT_JUDGED;
        }
        return compatibility.compatible() ? Verdict.COMPATIBLE : Verdict.INCOMPATIBLE;
    }

    /** The people to notify, one row per owner and node; see {@link Notifications#of(ChangeImpact)}. */
    public List<Notification> notifications() {
        return Notifications.of(this);
    }
}
