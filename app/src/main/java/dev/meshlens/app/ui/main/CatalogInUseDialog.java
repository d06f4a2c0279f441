package dev.meshlens.app.ui.main;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.List;

/**
 * Asks what to do when the catalog is open in another Meshlens window: "Open read-only" or "Cancel". Not
 * modal-blocking: the answer goes to the view model when the dialog closes.
 */
final class CatalogInUseDialog {
    /** The button that opens the catalog read-only. */
    static final ButtonType OPEN_READ_ONLY = new ButtonType("Open read-only", ButtonBar.ButtonData.OK_DONE);

    private CatalogInUseDialog() {
    }

    /**
     * Shows the question about {@code location}; the view model learns the answer through
     * {@link MainViewModel#openReadOnly()} or {@link MainViewModel#declineReadOnly()}.
     */
    static void ask(Window owner, String location, List<String> stylesheets, MainViewModel viewModel) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", OPEN_READ_ONLY, ButtonType.CANCEL);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Catalog in use");
        alert.setHeaderText("The catalog " + location + " is open in another Meshlens window. Open it read-only?");
        alert.setContentText("Read-only, you can browse and analyse everything, and you see what the other window "
                + "imports; importing is possible only in the window that has the catalog open.");
        alert.getDialogPane().setId("catalog-in-use-dialog");
        alert.getDialogPane().getStylesheets().setAll(stylesheets);
        alert.setOnHidden(e -> {
            if (alert.getResult() == OPEN_READ_ONLY) {
                viewModel.openReadOnly();
            } else {
                viewModel.declineReadOnly();
            }
        });
        alert.show();
    }
}
