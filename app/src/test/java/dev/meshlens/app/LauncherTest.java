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
}
