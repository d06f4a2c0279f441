package dev.meshlens.app.ui.canvas.modes;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The file choosers a canvas mode asks for, so that view models stay free of windows and tests answer with a
 * path of their own. {@link FxFileDialogs} shows the JavaFX choosers.
 */
public interface FileDialogs {

    /**
     * Asks where to save a file.
     *
     * @param title         the chooser's title, e.g. {@code Export impact table}
     * @param suggestedName the file name offered, e.g. {@code impact-sales.orders.placed.csv}
     * @return the chosen path, empty when the user cancelled
     */
    Optional<Path> save(String title, String suggestedName);

    /**
     * Asks for a file to open.
     *
     * @param title      the chooser's title
     * @param extensions the extensions offered, without dots, e.g. {@code avsc}
     * @return the chosen path, empty when the user cancelled
     */
    Optional<Path> open(String title, List<String> extensions);
}
