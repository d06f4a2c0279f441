package dev.meshlens.app.ui;

/**
 * Opens the real window on the in-memory {@link TestMesh} catalog, for looking at the UI by hand (e.g. under
 * Xvfb for screenshots) without a store: {@code java -cp <test classpath> dev.meshlens.app.ui.DevWindow}.
 */
public final class DevWindow {
    private DevWindow() {
    }

    public static void main(String[] args) {
        MeshlensApp.launch(new MeshlensApp.Launch("memory:test", TestMesh::service), args);
    }
}
