package dev.meshlens.app.ui.canvas.modes.mount;

import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.canvas.modes.RecordingCanvasHost;
import dev.meshlens.app.ui.canvas.modes.ScriptedFileDialogs;
import dev.meshlens.app.ui.common.Stylesheets;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import java.time.ZoneOffset;
import java.util.List;

/**
 * Shows the five mode panels on the demo mesh, for looking at them by hand under Xvfb; the argument selects the
 * tab (0 to 4) and {@code dark} the dark theme: {@code java -cp <test classpath> ...ModesDevWindow 2 dark}.
 */
public final class ModesDevWindow {
    private ModesDevWindow() {
    }

    public static void main(String[] args) {
        // the main class must not extend Application, or the JVM asks for JavaFX modules on the module path
        Application.launch(Window.class, args);
    }

    /** The window itself. */
    public static final class Window extends Application {
    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        int selected = args.isEmpty() ? 0 : Integer.parseInt(args.get(0));
        RecordingCanvasHost host = new RecordingCanvasHost(DemoCatalogs.current(), "product:sales.orders.placed");
        ScriptedFileDialogs dialogs = new ScriptedFileDialogs().answer(DemoCatalogs.PROPOSED_V3);
        List<MountedMode> modes = CanvasModePanels.create(host, DemoCatalogs.service(), new CurrentThreadTaskExecutor(),
                dialogs, text -> { }, ZoneOffset.UTC);
        TabPane pane = new TabPane(modes.stream().map(m -> new Tab(m.title(), m.panel())).toArray(Tab[]::new));
        pane.getSelectionModel().select(selected);
        Scene scene = new Scene(pane, 760, 900);
        scene.getStylesheets().setAll(Stylesheets.forTheme(args.contains("dark")));
        stage.setScene(scene);
        stage.show();
        modes.get(selected).enter().run();
        stage.setTitle(host.drawn().isEmpty() ? "nothing drawn" : host.last().title() + " · "
                + host.last().nodes().size() + " nodes, " + host.last().marked(Mark.DIMMED).size() + " dimmed");
    }
}
}
