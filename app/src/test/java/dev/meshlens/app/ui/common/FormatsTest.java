package dev.meshlens.app.ui.common;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    @Test
    void agesAreShortAndRoundDown() {
        assertThat(Formats.age(Duration.ofSeconds(59))).isEqualTo("just now");
        assertThat(Formats.age(Duration.ofMinutes(12).plusSeconds(50))).isEqualTo("12 min");
        assertThat(Formats.age(Duration.ofHours(47))).isEqualTo("47 h");
        assertThat(Formats.age(Duration.ofDays(3).plusHours(5))).isEqualTo("3 d");
    }

    @Test
    void anUnknownAgeIsADash() {
        assertThat(Formats.age(null)).isEqualTo(Formats.NONE);
    }

    @Test
    void aClockAheadOfTheSnapshotReadsAsJustNow() {
        assertThat(Formats.age(Duration.ofMinutes(-3))).isEqualTo("just now");
    }

    @Test
    void timesAreWrittenInTheGivenZone() {
        assertThat(Formats.dateTime(Instant.parse("2024-05-01T10:00:00Z"), ZoneId.of("Asia/Tokyo")))
                .isEqualTo("2024-05-01 19:00");
    }

    @Test
    void countsPickSingularOrPlural() {
        assertThat(Formats.count(1, "product", "products")).isEqualTo("1 product");
        assertThat(Formats.count(0, "product", "products")).isEqualTo("0 products");
    }

    @Test
    void lagHasThousandsSeparators() {
        assertThat(Formats.lag(1234567L)).isEqualTo("1,234,567");
        assertThat(Formats.lag(null)).isEqualTo(Formats.NONE);
    }
}
