package dev.meshlens.app.ui.canvas.tiers;

import dev.meshlens.app.ui.canvas.modes.Panels;
import dev.meshlens.app.ui.common.Columns;
import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.common.TableCopy;
import dev.meshlens.engine.tiers.TierViolation;
import dev.meshlens.engine.tiers.UnknownTier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The tier chains panel: every violation (selecting one draws its limiting path), the explanation of the selected
 * one, and the products and services without a declared tier. Thin: everything comes from {@link TiersViewModel}.
 */
public final class TiersView {
    private TiersView() {
    }

    /** The panel for {@code viewModel}, id {@code tiers-panel}. */
    public static Node create(TiersViewModel viewModel) {
        VBox panel = Panels.panel("tiers-panel", "SLA tier chains");
        TableView<TierViolation> violations = new TableView<>(viewModel.violations());
        violations.setId("tiers-violations");
        violations.getColumns().setAll(List.of(
                Columns.text("Kind", TierViolation::kind, 64),
                Columns.text("Name", TierViolation::name, 190),
                Columns.valued("Promises", TierViolation::declaredTier, Formats::tier, 70, null),
                Columns.valued("Capped at", TierViolation::cappedAt, t -> "Tier " + t, 70, null),
                Columns.text("Limiting path", v -> String.join(" ← ", v.path()), 360)));
        violations.setPlaceholder(new Label("No tier violation."));
        violations.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.select(now);
            }
        });

        TableView<UnknownTier> unknown = new TableView<>(viewModel.unknown());
        unknown.setId("tiers-unknown");
        unknown.getColumns().setAll(List.of(
                Columns.text("Kind", UnknownTier::kind, 64),
                Columns.text("Name", UnknownTier::name, 260)));
        unknown.setPlaceholder(new Label("Every product and service declares a tier."));
        unknown.setPrefHeight(130);
        TableCopy.install(unknown, true, List.of());

        panel.getChildren().addAll(Panels.text("tiers-summary", viewModel.summaryProperty()),
                Panels.notice("tiers-message", viewModel.messageProperty()),
                Panels.button("tiers-close", "Back to lineage", viewModel::close),
                Panels.section("Violations"), Panels.grow(violations),
                Panels.text("tiers-explanation", viewModel.explanationProperty()),
                Panels.section("Without a declared tier"), unknown);
        return panel;
    }
}
