package dev.meshlens.app;

import dev.meshlens.app.cli.CatalogLocation;
import dev.meshlens.app.cli.MeshlensCli;
import dev.meshlens.app.ui.MeshlensApp;

import java.util.Map;
import java.util.Optional;

/**
 * The single entry point of the {@code meshlens} program: with a command it is the command line, without one
 * ({@code meshlens} or {@code meshlens --db CATALOG}) it opens the desktop window. It does not extend
 * {@code javafx.application.Application}, so the JavaFX runtime can be loaded from the class path, and JavaFX is
 * never loaded for a command.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Optional<Optional<String>> window = windowRequest(args, System.getenv());
        if (window.isEmpty()) {
            int exit = MeshlensCli.run(args);
            Optional<String> demo = demoWindow(args, exit, System.getenv());
            if (demo.isEmpty()) {
                System.exit(exit);
            }
            window = Optional.of(demo);
        }
        try {
            MeshlensApp.launchWindow(window.get().orElse(null), new String[0]);
        } catch (RuntimeException | Error e) {
            // no display (a server, an SSH session): say what to do instead of printing a stack trace
            System.err.println("meshlens: cannot open the window (" + e.getMessage() + "); run a command instead, "
                    + "e.g. 'meshlens --help', or start it on a desktop session");
            System.exit(MeshlensCli.EXIT_USAGE);
        }
    }

    /**
     * After {@code meshlens [--db CATALOG] demo} succeeded on a desktop session, the demo catalog to show in the
     * window, so that the one command runs Meshlens on its demo mesh; empty otherwise (no display, another
     * command, JSON output, or {@code --no-window}).
     */
    static Optional<String> demoWindow(String[] args, int exit, Map<String, String> env) {
        java.util.List<String> list = java.util.List.of(args);
        int demo = list.indexOf("demo");
        boolean hasDisplay = !env.getOrDefault("DISPLAY", "").isBlank()
                || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        if (exit != MeshlensCli.EXIT_OK || demo < 0 || !hasDisplay || list.contains("--no-window")
                || list.contains("json") || list.stream().anyMatch(a -> a.startsWith("--format=json"))) {
            return Optional.empty();
        }
        java.util.List<String> before = list.subList(0, demo);
        if (before.isEmpty()) {
            return Optional.of(CatalogLocation.resolve(dev.meshlens.app.cli.DemoCommand.DEMO_CATALOG, Map.of()));
        }
        if (before.size() == 2 && before.get(0).equals("--db")) {
            return Optional.of(CatalogLocation.resolve(before.get(1), env));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code args} ask for the window rather than a command: none, or only {@code --db CATALOG}.
     *
     * @return empty for a command; otherwise the catalog's JDBC URL, empty when the window should choose (the last
     *         catalog it showed, or the default one)
     */
    static Optional<Optional<String>> windowRequest(String[] args, Map<String, String> env) {
        if (args.length == 0) {
            String fromEnv = env.get(CatalogLocation.ENV);
            return Optional.of(fromEnv == null || fromEnv.isBlank() ? Optional.empty()
                    : Optional.of(CatalogLocation.resolve(null, env)));
        }
        if (args.length == 2 && args[0].equals("--db")) {
            return Optional.of(Optional.of(CatalogLocation.resolve(args[1], env)));
        }
        if (args.length == 1 && args[0].startsWith("--db=")) {
            return Optional.of(Optional.of(CatalogLocation.resolve(args[0].substring("--db=".length()), env)));
        }
        return Optional.empty();
    }
}
