package dev.meshlens.app.ui.timeline;

import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.engine.model.Snapshot;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The snapshot timeline: every snapshot of the cluster being viewed, newest first, which one is shown, and the
 * two ways to go back in time (pick a snapshot, or pick a date and get the newest snapshot at or before it).
 */
public final class TimelineViewModel {
    private final ZoneId zone;
    private final ObservableList<Snapshot> snapshots = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Snapshot> viewing = new ReadOnlyObjectWrapper<>(this, "viewing");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private Consumer<Snapshot> chooser = snapshot -> { };

    /** @param zone the zone in which dates are picked and times are written */
    public TimelineViewModel(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone);
    }

    /** Sets what choosing a snapshot does (the main window loads the catalog as of it). */
    public void setChooser(Consumer<Snapshot> chooser) {
        this.chooser = Objects.requireNonNull(chooser);
    }

    /** Shows {@code all} (any order) as the timeline and marks {@code shown} as the one being viewed. */
    public void update(List<Snapshot> all, Snapshot shown) {
        snapshots.setAll(all.stream().sorted(Comparator.comparingLong(Snapshot::id).reversed()).toList());
        viewing.set(shown);
        message.set("");
    }

    /** The snapshots, newest first. */
    public ObservableList<Snapshot> snapshots() {
        return snapshots;
    }

    /** The snapshot whose catalog is shown, or null before anything was loaded. */
    public ReadOnlyObjectProperty<Snapshot> viewingProperty() {
        return viewing.getReadOnlyProperty();
    }

    /** The date last picked, or null. */
    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    /** Why picking a date showed nothing, e.g. no snapshot that early; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The newest snapshot, if any. */
    public Optional<Snapshot> newest() {
        return snapshots.isEmpty() ? Optional.empty() : Optional.of(snapshots.get(0));
    }

    /** Whether the snapshot being viewed is older than the newest. */
    public boolean isHistorical() {
        return viewing.get() != null && newest().map(n -> n.id() != viewing.get().id()).orElse(false);
    }

    /** Views {@code snapshot}. */
    public void choose(Snapshot snapshot) {
        if (snapshot != null && (viewing.get() == null || viewing.get().id() != snapshot.id())) {
            message.set("");
            chooser.accept(snapshot);
        }
    }

    /** Views the newest snapshot. */
    public void chooseLatest() {
        newest().ifPresent(this::choose);
    }

    /** Views the snapshot before the one shown, if there is one. */
    public void choosePrevious() {
        step(1);
    }

    /** Views the snapshot after the one shown, if there is one. */
    public void chooseNext() {
        step(-1);
    }

    /**
     * Views the catalog as it was at the end of {@code day}: the newest snapshot taken at or before that moment.
     * When every snapshot is later, nothing changes and {@link #messageProperty()} says so.
     */
    public void chooseDate(LocalDate day) {
        date.set(day);
        if (day == null) {
            return;
        }
        Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
        Optional<Snapshot> found = snapshots.stream().filter(s -> s.takenAt().isBefore(endOfDay)).findFirst();
        if (found.isPresent()) {
            choose(found.get());
        } else {
            message.set(snapshots.isEmpty() ? "There are no snapshots yet."
                    : "No snapshot at or before " + day + "; the first one was taken "
                    + Formats.dateTime(snapshots.get(snapshots.size() - 1).takenAt(), zone) + ".");
        }
    }

    private void step(int delta) {
        Snapshot current = viewing.get();
        if (current == null) {
            return;
        }
        for (int i = 0; i < snapshots.size(); i++) {
            if (snapshots.get(i).id() == current.id()) {
                int target = i + delta;
                if (target >= 0 && target < snapshots.size()) {
                    choose(snapshots.get(target));
                }
                return;
            }
        }
    }

    /** One line describing {@code snapshot} for lists: {@code #12  2024-05-01 10:00  acls, topics}. */
    public String describe(Snapshot snapshot) {
        return "#" + snapshot.id() + "  " + Formats.dateTime(snapshot.takenAt(), zone);
    }

    /** The zone times are written in. */
    public ZoneId zone() {
        return zone;
    }
}
