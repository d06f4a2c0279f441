package dev.meshlens.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherTest {

    @Test
    void noArgumentsOpenTheWindowOnTheCatalogItChooses() {
        assertThat(Launcher.windowRequest(new String[0], Map.of())).contains(Optional.empty());
    }

    @Test
    void onlyACatalogOpensTheWindowOnThatCatalog() {
        Optional<Optional<String>> request = Launcher.windowRequest(new String[] {"--db", "/tmp/demo"}, Map.of());

        assertThat(request).contains(Optional.of("jdbc:h2:file:" + Path.of("/tmp/demo").toAbsolutePath()));
    }

    @Test
    void theEnvironmentsCatalogIsUsedWhenNoneIsGiven() {
        assertThat(Launcher.windowRequest(new String[0], Map.of("MESHLENS_DB", "jdbc:h2:mem:x")))
                .contains(Optional.of("jdbc:h2:mem:x"));
    }

    @Test
    void aCommandRunsTheCommandLine() {
        assertThat(Launcher.windowRequest(new String[] {"--db", "/tmp/demo", "snapshots"}, Map.of())).isEmpty();
        assertThat(Launcher.windowRequest(new String[] {"--help"}, Map.of())).isEmpty();
    }

    @Test
    void theDemoOpensTheWindowOnItsCatalogOnADesktop() {
        Optional<String> window = Launcher.demoWindow(new String[] {"--db", "/tmp/d", "demo"}, 0, Map.of("DISPLAY", ":0"));

        assertThat(window).contains("jdbc:h2:file:" + Path.of("/tmp/d").toAbsolutePath());
    }

    @Test
    void theDemoStaysOnTheTerminalWithoutADisplayOrWhenAskedTo() {
        assertThat(Launcher.demoWindow(new String[] {"demo"}, 0, Map.of())).isEmpty();
        assertThat(Launcher.demoWindow(new String[] {"demo", "--no-window"}, 0, Map.of("DISPLAY", ":0"))).isEmpty();
        assertThat(Launcher.demoWindow(new String[] {"demo", "--format", "json"}, 0, Map.of("DISPLAY", ":0"))).isEmpty();
        assertThat(Launcher.demoWindow(new String[] {"demo"}, 2, Map.of("DISPLAY", ":0"))).isEmpty();
    }
}
