package dev.meshlens.app.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The import command's own rules, without a cluster. */
class ImportCommandTest {
    @TempDir
    Path dir;

    private Cli cli;
    private String db;

    @BeforeEach
    void setUp() {
        cli = new Cli(Map.of(MeshlensCli.PROFILES_ENV, dir.resolve("profiles.json").toString()));
        db = dir.resolve("catalog").toString();
    }

    @Test
    void nothingToImportIsAUsageError() {
        Cli.Run run = cli.run("--db", db, "import");

        assertThat(run.exitCode()).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(run.err()).startsWith("meshlens: nothing to import");
    }

    @Test
    void sampleWithoutKafkaIsAUsageError() {
        Cli.Run run = cli.run("--db", db, "import", "--sample", "orders", dir.resolve("x.json").toString());

        assertThat(run.exitCode()).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(run.err()).startsWith("meshlens: --sample needs --kafka");
    }

    @Test
    void kafkaNamingNeitherProfileNorFileIsAUsageError() {
        Cli.Run run = cli.run("--db", db, "import", "--kafka", "prod");

        assertThat(run.exitCode()).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(run.err()).startsWith("meshlens: --kafka prod is neither a profile");
    }

    @Test
    void malformedTimeoutIsAUsageError() {
        Cli.Run run = cli.run("--db", db, "import", "--kafka", "prod", "--timeout", "soon");

        assertThat(run.exitCode()).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(run.err()).contains("'soon' is not a duration");
    }
}
