package dev.meshlens.importers.kafka;

import dev.meshlens.engine.model.SourceKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaImportOptionsTest {

    @Test
    void defaultsReadEveryAdminSourceWithThirtySecondsPerCall() {
        KafkaImportOptions options = KafkaImportOptions.defaults();

        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.sources()).containsExactlyInAnyOrder(SourceKind.ACLS, SourceKind.TOPICS, SourceKind.GROUPS);
        assertThat(options.cancellation().isCancelled()).isFalse();
    }

    @Test
    void zeroTimeoutIsRefused() {
        assertThatThrownBy(() -> KafkaImportOptions.defaults().withTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void sourceTheAdminApiDoesNotHoldIsRefused() {
        assertThatThrownBy(() -> KafkaImportOptions.defaults().withSources(Set.of(SourceKind.HOPS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOPS");
    }

    @Test
    void withersLeaveTheOriginalUnchanged() {
        KafkaImportOptions original = KafkaImportOptions.defaults();

        original.withTimeout(Duration.ofSeconds(5)).withSources(Set.of(SourceKind.ACLS));

        assertThat(original.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(original.sources()).hasSize(3);
    }
}
