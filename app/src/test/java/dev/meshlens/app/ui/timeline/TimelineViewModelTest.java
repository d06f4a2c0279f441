package dev.meshlens.app.ui.timeline;

import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineViewModelTest {
    private static final Snapshot MARCH = snapshot(1, "2024-03-01T09:00:00Z");
    private static final Snapshot APRIL = snapshot(2, "2024-04-15T09:00:00Z");
    private static final Snapshot APRIL_LATE = snapshot(3, "2024-04-15T23:30:00Z");
    private static final Snapshot MAY = snapshot(4, "2024-05-02T06:00:00Z");

    private final List<Snapshot> chosen = new ArrayList<>();
    private TimelineViewModel viewModel;

    private static Snapshot snapshot(long id, String at) {
        return new Snapshot(id, Instant.parse(at), "shop", Set.of(SourceKind.ACLS), "acls.txt");
    }

    @BeforeEach
    void showNewest() {
        viewModel = new TimelineViewModel(ZoneId.of("Europe/Berlin"));
        viewModel.setChooser(chosen::add);
        viewModel.update(List.of(MARCH, MAY, APRIL, APRIL_LATE), MAY);
    }

    @Test
    void snapshotsAreListedNewestFirst() {
        assertThat(viewModel.snapshots()).containsExactly(MAY, APRIL_LATE, APRIL, MARCH);
    }

    @Test
    void aDateShowsTheNewestSnapshotTakenBeforeThatDayEnded() {
        viewModel.chooseDate(LocalDate.of(2024, 4, 15));

        assertThat(chosen).containsExactly(APRIL);
    }

    @Test
    void theDayEndsInTheUsersZone() {
        // 23:30 UTC on the 15th is already the 16th in Berlin
        viewModel.chooseDate(LocalDate.of(2024, 4, 16));

        assertThat(chosen).containsExactly(APRIL_LATE);
    }

    @Test
    void aDateBeforeTheFirstSnapshotSaysSoAndChangesNothing() {
        viewModel.chooseDate(LocalDate.of(2024, 1, 1));

        assertThat(chosen).isEmpty();
        assertThat(viewModel.messageProperty().get())
                .isEqualTo("No snapshot at or before 2024-01-01; the first one was taken 2024-03-01 10:00.");
    }

    @Test
    void previousStepsToTheOlderSnapshot() {
        viewModel.choosePrevious();

        assertThat(chosen).containsExactly(APRIL_LATE);
    }

    @Test
    void nextFromTheNewestDoesNothing() {
        viewModel.chooseNext();

        assertThat(chosen).isEmpty();
    }

    @Test
    void choosingTheSnapshotAlreadyShownDoesNotReload() {
        viewModel.choose(MAY);

        assertThat(chosen).isEmpty();
    }

    @Test
    void latestReturnsFromAnOlderSnapshot() {
        viewModel.update(viewModel.snapshots(), MARCH);

        viewModel.chooseLatest();

        assertThat(chosen).containsExactly(MAY);
    }

    @Test
    void anOlderSnapshotIsHistorical() {
        viewModel.update(viewModel.snapshots(), APRIL);

        assertThat(viewModel.isHistorical()).isTrue();
    }
}
