package dev.meshlens.engine.acl;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostScopeTest {

    @Test
    void allowFromAnyHostWithoutDenyIsAny() {
        assertThat(HostScope.resolve(Set.of("*"), Set.of())).isEqualTo(HostScope.any());
    }

    @Test
    void denyFromAnyHostIsNone() {
        assertThat(HostScope.resolve(Set.of("*", "10.0.0.5"), Set.of("*")).isEmpty()).isTrue();
    }

    @Test
    void specificAllowsMinusSpecificDenies() {
        HostScope scope = HostScope.resolve(Set.of("10.0.0.5", "10.0.0.6"), Set.of("10.0.0.6"));

        assertThat(scope.labels()).containsExactly("10.0.0.5");
    }

    @Test
    void anyHostScopeExcludesDeniedHosts() {
        HostScope scope = HostScope.resolve(Set.of("*"), Set.of("10.0.0.9"));

        assertThat(scope.allows("10.0.0.9")).isFalse();
        assertThat(scope.allows("10.0.0.1")).isTrue();
    }

    @Test
    void noAllowIsNone() {
        assertThat(HostScope.resolve(List.of(), List.of())).isEqualTo(HostScope.none());
    }

    @Test
    void labelsMarkExcludedHosts() {
        assertThat(new HostScope(true, new TreeSet<>(Set.of("b", "a"))).labels()).containsExactly("*", "!a", "!b");
    }

    @Test
    void starIsNotAConcreteHost() {
        assertThatThrownBy(() -> new HostScope(false, new TreeSet<>(Set.of("*"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
