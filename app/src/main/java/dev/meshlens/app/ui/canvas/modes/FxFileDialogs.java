package dev.meshlens.app.ui.canvas.modes;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link FileDialogs} shown as JavaFX file choosers over the window the canvas is in. Call on the JavaFX thread. */
public final class FxFileDialogs implements FileDialogs {
    private final Supplier<Window> owner;

    /** @param owner the window the choosers are modal to (asked each time: the canvas may move windows) */
    public FxFileDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** Shows a save chooser offering {@code suggestedName}. */
    @Override
    public Optional<Path> save(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    /** Shows an open chooser filtered to {@code extensions}, with an "all files" filter after it. */
    @Override
    public Optional<Path> open(String title, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                String.join(", ", extensions.stream().map(e -> "." + e).toList()),
                extensions.stream().map(e -> "*." + e).toList()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }
}
