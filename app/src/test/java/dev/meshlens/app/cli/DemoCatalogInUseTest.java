package dev.meshlens.app.cli;

import dev.meshlens.app.testing.CatalogHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code meshlens demo} on the default demo catalog while a window holds it. */
class DemoCatalogInUseTest {
    @TempDir
    Path home;
    private String realHome;

    @BeforeEach
    void pointHomeAtATemporaryDirectory() {
        // the default demo catalog lives under ~/.meshlens; the tests of this module run one at a time
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        System.setProperty("user.home", realHome);
    }

    @Test
    void demoLeavesTheDemoCatalogOfARunningWindowAlone() throws Exception {
        assertThat(new Cli(Map.of()).run("demo", "--no-window").exitCode()).isZero();
        String url = CatalogLocation.resolve(DemoCommand.DEMO_CATALOG, Map.of());
        Path file = home.resolve(".meshlens/demo.mv.db");

        try (CatalogHolder window = CatalogHolder.holding(url)) {
            Cli.Run run = new Cli(Map.of()).run("demo", "--no-window");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MeshlensCli.EXIT_USAGE);
            assertThat(run.err()).contains("is in use by another Meshlens");
            assertThat(file).exists();
        }
        Cli.Run after = new Cli(Map.of()).run("--db", DemoCommand.DEMO_CATALOG, "snapshots", "--format", "json");
        assertThat(after.json()).as(after.toString()).hasSize(2);
    }
}
