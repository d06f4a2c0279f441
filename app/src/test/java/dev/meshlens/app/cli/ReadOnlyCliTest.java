package dev.meshlens.app.cli;

import dev.meshlens.app.testing.CatalogHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line on a catalog that another Meshlens (a window, in another process) holds open. */
class ReadOnlyCliTest {
    @TempDir
    Path dir;
    Path db;
    String url;

    @BeforeEach
    void loadDemo() {
        db = dir.resolve("catalog");
        url = CatalogLocation.resolve(db.toString(), Map.of());
        assertThat(run("demo", "--no-window").exitCode()).isZero();
    }

    private Cli.Run run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return new Cli(Map.of()).run(all);
    }

    @Test
    void commandOnACatalogInUseExitsTwoSuggestingReadOnly() throws Exception {
        try (CatalogHolder window = CatalogHolder.holding(url)) {
            Cli.Run run = run("snapshots");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MeshlensCli.EXIT_USAGE);
            assertThat(run.err()).isEqualTo("meshlens: catalog " + url + " is in use by another Meshlens (the window?);"
                    + " use --read-only to read it" + System.lineSeparator());
        }
    }

    @Test
    void readOnlyOptionAnswersFromACatalogInUse() throws Exception {
        try (CatalogHolder window = CatalogHolder.holding(url)) {
            Cli.Run run = new Cli(Map.of()).run("--db", db.toString(), "--read-only", "snapshots", "--format", "json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.json()).hasSize(2);
        }
    }

    @Test
    void importWithReadOnlyIsRefusedAndWritesNothing() throws Exception {
        Path sheet = Files.writeString(dir.resolve("catalog.csv"),
                "Name,Topic,Bootstrap URI,Owner,SLA,Quality,Schema URI,Description\n"
                        + "Orders,orders,kafka://broker:9092,sales,2,gold,,All orders\n");

        Cli.Run run = new Cli(Map.of()).run("--db", db.toString(), "--read-only", "import", sheet.toString());
        Cli.Run after = run("snapshots", "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(run.err()).contains("catalog opened read-only");
        assertThat(after.json()).hasSize(2);
    }
}
