package dev.meshlens.app;

import dev.meshlens.app.cli.MeshlensCli;

/**
 * The single entry point of the {@code meshlens} program: with arguments it is the command line, without
 * arguments it opens the desktop window. It does not extend {@code javafx.application.Application}, so the
 * JavaFX runtime can be loaded from the class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(MeshlensCli.run(args));
    }
}
