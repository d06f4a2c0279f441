package dev.meshlens.importers.kafka;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a live import read, step by step.
 *
 * @param bootstrapServers the cluster, as its client properties name it
 * @param steps            in the order they ran
 */
public record KafkaImportResult(String bootstrapServers, List<StepResult> steps) {

    public KafkaImportResult {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        steps = List.copyOf(steps);
    }

    /** The result of {@code step}, if it ran. */
    public Optional<StepResult> step(String step) {
        return steps.stream().filter(s -> s.step().equals(step)).findFirst();
    }
}
