package dev.meshlens.app.ui.canvas.modes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** File dialogs that answer with a path set by the test (or cancel), and remember what they were asked. */
public final class ScriptedFileDialogs implements FileDialogs {
    private Path answer;
    private final List<String> asked = new ArrayList<>();

    /** The next dialogs answer {@code path}; null makes them cancel. */
    public ScriptedFileDialogs answer(Path path) {
        this.answer = path;
        return this;
    }

    @Override
    public Optional<Path> save(String title, String suggestedName) {
        asked.add("save " + suggestedName);
        return Optional.ofNullable(answer);
    }

    @Override
    public Optional<Path> open(String title, List<String> extensions) {
        asked.add("open " + String.join(",", extensions));
        return Optional.ofNullable(answer);
    }

    /** What was asked, e.g. {@code save impact-x.csv}. */
    public List<String> asked() {
        return asked;
    }
}
