package dev.meshlens.importers.file;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileImporterTest {
    @TempDir
    Path dir;

    private final FileImporter importer = new FileImporter();

    private MeshContent importFile(Path file, Optional<FileKind> kind) {
        MeshContent.Collector collector = new MeshContent.Collector();
        importer.importFile(file, kind, collector);
        return collector.content();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void readsAFileOfTheKindItsContentShows() throws IOException {
        Path file = write("export-2024-05.txt", Fixtures.text("catalog.csv"));

        MeshContent content = importFile(file, Optional.empty());

        assertThat(content.sources()).containsExactly(SourceKind.CATALOG);
        assertThat(content.products()).hasSize(4);
    }

    @Test
    void givenKindIsUsedInsteadOfDetection() throws IOException {
        Path file = write("services.csv", Fixtures.text("services.csv"));

        assertThatThrownBy(() -> importFile(file, Optional.of(FileKind.GROUP_MAPPING_CSV)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":1: missing column 'Group'; a group mapping CSV header");
    }

    @Test
    void givenKindReadsAFileDetectionCannotPlace() throws IOException {
        // more blank lines than detection looks at, then a valid sheet
        Path file = write("padded.csv", "\n".repeat(FileKindDetector.HEAD_CHARS) + Fixtures.text("group-mapping.csv"));

        assertThat(importFile(file, Optional.of(FileKind.GROUP_MAPPING_CSV)).groupMappings()).hasSize(3);
    }

    @Test
    void productsGoToTheImportersCluster() throws IOException {
        Path file = write("catalog.csv", Fixtures.text("catalog.csv"));
        MeshContent.Collector collector = new MeshContent.Collector();

        new FileImporter("prod-eu", ImportProgress.NONE).importFile(file, Optional.empty(), collector);

        assertThat(collector.content().products()).allSatisfy(p -> assertThat(p.cluster()).isEqualTo("prod-eu"));
    }

    @Test
    void meshDocumentIsCheckedAgainstTheImportersCluster() {
        Path file = Fixtures.path("mesh.json");

        assertThatThrownBy(() -> importFile(file, Optional.empty()))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":2: the document is for cluster 'prod-eu' but this import is for cluster "
                        + "'default'; import it with --cluster prod-eu");
    }

    @Test
    void traceLogIsReadAsHops() {
        MeshContent content = importFile(Fixtures.path("trace.jsonl"), Optional.empty());

        assertThat(content.sources()).containsExactly(SourceKind.HOPS);
        assertThat(content.hops()).hasSize(5);
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        Path file = write("mesh.json", "\uFEFF{\"acls\": []}");

        assertThat(importFile(file, Optional.empty()).sources()).containsExactly(SourceKind.ACLS);
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nowhere.csv");

        assertThatThrownBy(() -> importFile(file, Optional.empty()))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": no such file");
    }

    @Test
    void directoryIsNamed() {
        assertThatThrownBy(() -> importFile(dir, Optional.of(FileKind.CATALOG_CSV)))
                .isInstanceOf(InputException.class)
                .hasMessage(dir + ": is a directory, expected a file");
    }

    @Test
    void unknownContentIsNamedWithTheKindOption() throws IOException {
        Path file = write("notes.txt", "Dear team,\nplease find attached\n");

        assertThatThrownBy(() -> importFile(file, Optional.empty()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":1: cannot tell what kind of file this is")
                .hasMessageEndingWith("(use --kind)");
    }

    @Test
    void bytesThatAreNotUtf8AreReportedOnTheirLine() throws IOException {
        byte[] start = "Group,Principal\norder-enricher,User:order-service\npayments-".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "ledger-\u00e9,User:payment-service\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("mapping.csv");
        Files.write(file, start);
        Files.write(file, latin1, java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> importFile(file, Optional.of(FileKind.GROUP_MAPPING_CSV)))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":3: not UTF-8 text; save the file as UTF-8");
    }

    @Test
    void bytesThatAreNotUtf8InTheHeadAreReportedWhileDetecting() throws IOException {
        Path file = dir.resolve("mapping.csv");
        Files.write(file, "Group,Principal\n\u00e9,User:a\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> importFile(file, Optional.empty()))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":2: not UTF-8 text; save the file as UTF-8");
    }

    @Test
    void severalFilesGoIntoOneSink() throws IOException {
        List<Path> files = List.of(write("a.csv", Fixtures.text("catalog.csv")),
                write("b.csv", Fixtures.text("services.csv")), write("c.csv", Fixtures.text("group-mapping.csv")));
        MeshContent.Collector collector = new MeshContent.Collector();

        importer.importFiles(files, Optional.empty(), collector);

        assertThat(collector.content().sources())
                .isEqualTo(Set.of(SourceKind.CATALOG, SourceKind.SERVICES, SourceKind.GROUP_MAPPING));
    }

    @Test
    void severalFilesStopAtTheFirstBadOneNamingIt() throws IOException {
        Path good = write("a.csv", Fixtures.text("services.csv"));
        Path bad = write("b.csv", "Group,Principal\norder-enricher,nobody\n");
        Path never = dir.resolve("never-read.csv");

        assertThatThrownBy(() -> importer.importFiles(List.of(good, bad, never), Optional.empty(),
                new MeshContent.Collector()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(bad + ":2: column Principal:");
    }

    @Test
    void detectKindReadsOnlyTheContent() throws IOException {
        assertThat(importer.detectKind(write("catalog.csv", Fixtures.text("services.csv"))))
                .isEqualTo(FileKind.SERVICES_CSV);
    }

    @Test
    void progressTellsStartAndFinishWithTheLineCount() throws IOException {
        Path file = write("services.csv", Fixtures.text("services.csv"));
        List<String> messages = new ArrayList<>();

        new FileImporter("default", ImportProgress.messages(messages::add))
                .importFile(file, Optional.empty(), new MeshContent.Collector());

        assertThat(messages).containsExactly("reading services.csv (services)", "read services.csv: 5 lines (services)");
    }

    @Test
    void bigDocumentIsStreamedWhileProgressIsReported() throws IOException {
        int elements = 4_200;
        Path file = dir.resolve("big.json");
        try (Reader document = new GeneratedDocument(elements);
             Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            document.transferTo(out);
        }
        List<Long> aclsAtEachReport = new ArrayList<>();
        long[] acls = {0};
        ImportProgress progress = new ImportProgress() {
            @Override
            public void read(Path read, long lines, long chars) {
                aclsAtEachReport.add(acls[0]);
            }
        };

        new FileImporter("default", progress).importFile(file, Optional.empty(),
                new CountingSink(new MeshContent.Collector()) {
                    @Override
                    public void acl(AclBinding acl) {
                        acls[0]++;
                    }
                });

        assertThat(acls[0]).isEqualTo(elements);
        // one report per MiB of the ~8 MiB file, each after some but not all elements arrived
        assertThat(aclsAtEachReport).hasSize((int) (Files.size(file) / FileImporter.PROGRESS_EVERY_CHARS));
        assertThat(aclsAtEachReport.get(0)).isBetween(1L, elements / 4L);
        assertThat(aclsAtEachReport).isSorted();
    }
}
