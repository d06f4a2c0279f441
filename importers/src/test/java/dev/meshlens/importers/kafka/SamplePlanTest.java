package dev.meshlens.importers.kafka;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SamplePlanTest {

    private static SamplePlan.Range range(long begin, long end) {
        return new SamplePlan.Range(begin, end);
    }

    @Test
    void limitIsSpreadEvenlyOverPartitionsWithEnoughRecords() {
        Map<Integer, Long> quotas = SamplePlan.quotas(Map.of(0, range(0, 100), 1, range(0, 100), 2, range(0, 100)), 10);

        assertThat(quotas).containsOnlyKeys(0, 1, 2);
        assertThat(quotas.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
        assertThat(quotas.values()).allSatisfy(q -> assertThat(q).isBetween(3L, 4L));
    }

    @Test
    void smallPartitionGivesAllItHasAndLeavesItsShareToTheOthers() {
        Map<Integer, Long> quotas = SamplePlan.quotas(Map.of(0, range(0, 2), 1, range(0, 100)), 10);

        assertThat(quotas).isEqualTo(Map.of(0, 2L, 1, 8L));
    }

    @Test
    void smallTopicIsReadWhole() {
        Map<Integer, Long> quotas = SamplePlan.quotas(Map.of(0, range(5, 8), 1, range(0, 4)), 1_000);

        assertThat(quotas).isEqualTo(Map.of(0, 3L, 1, 4L));
    }

    @Test
    void emptyPartitionsGetNoQuota() {
        Map<Integer, Long> quotas = SamplePlan.quotas(Map.of(0, range(7, 7), 1, range(0, 5)), 3);

        assertThat(quotas).isEqualTo(Map.of(1, 3L));
    }

    @Test
    void neverMoreThanTheLimitEvenWithMorePartitionsThanRecordsAllowed() {
        Map<Integer, Long> quotas = SamplePlan.quotas(Map.of(0, range(0, 9), 1, range(0, 9), 2, range(0, 9),
                3, range(0, 9)), 2);

        assertThat(quotas.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
    }
}
