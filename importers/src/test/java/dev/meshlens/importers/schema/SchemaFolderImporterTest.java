package dev.meshlens.importers.schema;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SchemaFolderImporterTest {
    private static final String ORDER = "{\"type\": \"record\", \"name\": \"Order\", \"fields\": "
            + "[{\"name\": \"id\", \"type\": \"string\"}]}";
    private static final String ORDER_V2 = "{\"type\": \"record\", \"name\": \"Order\", \"fields\": "
            + "[{\"name\": \"id\", \"type\": \"string\"}, {\"name\": \"note\", \"type\": [\"null\", \"string\"], "
            + "\"default\": null}]}";

    @TempDir
    Path folder;

    private final SchemaFolderImporter importer = new SchemaFolderImporter();

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void fileNamedAfterTheSubjectIsVersionOne() throws IOException {
        write("sales.orders.placed-value.avsc", ORDER);

        assertThat(importer.read(folder)).extracting(SchemaVersion::subject, SchemaVersion::version)
                .containsExactly(tuple("sales.orders.placed-value", 1));
    }

    @Test
    void versionedFileNameGivesTheVersion() throws IOException {
        write("orders-value.v1.avsc", ORDER);
        write("orders-value.v2.avsc", ORDER_V2);

        assertThat(importer.read(folder)).extracting(SchemaVersion::subject, SchemaVersion::version,
                SchemaVersion::schema).containsExactly(tuple("orders-value", 1, ORDER), tuple("orders-value", 2, ORDER_V2));
    }

    @Test
    void subjectFolderHoldsNumberedVersions() throws IOException {
        write("orders-value/2.avsc", ORDER_V2);
        write("orders-value/1.avsc", ORDER);

        assertThat(importer.read(folder)).extracting(SchemaVersion::subject, SchemaVersion::version)
                .containsExactly(tuple("orders-value", 1), tuple("orders-value", 2));
    }

    @Test
    void schemaTypeComesFromTheExtension() throws IOException {
        write("a-value.avsc", ORDER);
        write("b-value.json", "{\"type\": \"object\"}");
        write("c-value.proto", "syntax = \"proto3\"; message C { string id = 1; }");

        assertThat(importer.read(folder)).extracting(SchemaVersion::subject, SchemaVersion::schemaType)
                .containsExactly(tuple("a-value", "AVRO"), tuple("b-value", "JSON"), tuple("c-value", "PROTOBUF"));
    }

    @Test
    void extensionCaseIsIgnored() throws IOException {
        write("orders-value.v2.AVSC", ORDER);

        assertThat(importer.read(folder)).extracting(SchemaVersion::version, SchemaVersion::schemaType)
                .containsExactly(tuple(2, "AVRO"));
    }

    @Test
    void compatibilityComesFromTheSubjectsLineOrTheDefault() throws IOException {
        write("a-value.avsc", ORDER);
        write("b-value.avsc", ORDER);
        write("compatibility.properties", "# levels\ndefault = backward\nb-value=FULL_TRANSITIVE\n");

        assertThat(importer.read(folder)).extracting(SchemaVersion::subject, SchemaVersion::compatibility)
                .containsExactly(tuple("a-value", "BACKWARD"), tuple("b-value", "FULL_TRANSITIVE"));
    }

    @Test
    void withoutCompatibilityFileTheLevelIsUndeclared() throws IOException {
        write("a-value.avsc", ORDER);

        assertThat(importer.read(folder)).extracting(SchemaVersion::compatibility).containsExactly((String) null);
    }

    @Test
    void unknownCompatibilityLevelIsReportedWithFileAndLine() throws IOException {
        write("a-value.avsc", ORDER);
        Path properties = write("compatibility.properties", "default=BACKWARD\na-value=SIDEWAYS\n");

        assertThatThrownBy(() -> importer.read(folder)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(properties + ":2: unknown compatibility mode 'SIDEWAYS'")
                .hasMessageContaining("FULL_TRANSITIVE");
    }

    @Test
    void idsAreTheSameInEveryImportOfTheSameFiles() throws IOException {
        write("a-value.avsc", ORDER);
        write("b-value.avsc", ORDER_V2);

        assertThat(importer.read(folder)).isEqualTo(importer.read(folder));
    }

    @Test
    void idOfASchemaDoesNotChangeWhenOtherFilesAreAdded() throws IOException {
        write("a-value.avsc", ORDER);
        int before = importer.read(folder).get(0).id();
        write("b-value.avsc", ORDER_V2);
        write("0-first-value.json", "{\"type\": \"string\"}");

        assertThat(importer.read(folder)).filteredOn(v -> v.subject().equals("a-value"))
                .extracting(SchemaVersion::id).containsExactly(before);
    }

    @Test
    void sameSchemaTextSharesOneIdAsInTheRegistry() throws IOException {
        write("a-value.avsc", ORDER);
        write("b-value.avsc", ORDER.replace(" ", "\n  "));
        write("c-value.avsc", ORDER_V2);

        List<SchemaVersion> versions = importer.read(folder);

        assertThat(versions.get(0).id()).isEqualTo(versions.get(1).id()).isNotEqualTo(versions.get(2).id());
        assertThat(versions).extracting(SchemaVersion::id).allMatch(id -> id > 0);
    }

    @Test
    void idsFileGivesRegistryIds() throws IOException {
        write("orders-value.v1.avsc", ORDER);
        write("orders-value.v2.avsc", ORDER_V2);
        write("ids.properties", "orders-value.v2=1042\n");

        assertThat(importer.read(folder)).extracting(SchemaVersion::version, SchemaVersion::id)
                .contains(tuple(2, 1042));
    }

    @Test
    void idGivenToTwoDifferentSchemasIsRejected() throws IOException {
        write("orders-value.v1.avsc", ORDER);
        write("orders-value.v2.avsc", ORDER_V2);
        write("ids.properties", "orders-value.v1=7\norders-value.v2=7\n");

        assertThatThrownBy(() -> importer.read(folder)).isInstanceOf(InputException.class)
                .hasMessageContaining("ids.properties").hasMessageContaining("id 7");
    }

    @Test
    void avroThatDoesNotParseIsReportedWithFileAndLine() throws IOException {
        Path file = write("orders-value.v2.avsc", "{\"type\": \"record\", \"name\": \"Order\",\n"
                + "  \"fields\": [\n    {\"name\": \"id\" \"type\": \"string\"}]}");

        assertThatThrownBy(() -> importer.read(folder)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":3: not valid JSON");
    }

    @Test
    void avroWithAnUnknownTypeIsReportedWithFileAndLine() throws IOException {
        Path file = write("orders-value.avsc", "{\"type\": \"record\", \"name\": \"Order\", \"fields\": [\n"
                + "  {\"name\": \"id\", \"type\": \"string\"},\n  {\"name\": \"total\", \"type\": \"Money\"}]}");

        assertThatThrownBy(() -> importer.read(folder)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":3: not a valid Avro schema");
    }

    @Test
    void jsonSchemaThatDoesNotParseIsReportedWithFileAndLine() throws IOException {
        Path file = write("kpi-value.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n}");

        assertThatThrownBy(() -> importer.read(folder)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":4: not valid JSON");
    }

    @Test
    void protobufThatDoesNotParseIsReportedWithFileAndLine() throws IOException {
        Path file = write("d-value.proto", "message D {\n  string id 1;\n}");

        assertThatThrownBy(() -> importer.read(folder)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":2: expected '='");
    }

    @Test
    void versionGivenByTwoFilesIsReportedNamingBoth() throws IOException {
        write("orders-value.avsc", ORDER);
        write("orders-value.v1.avsc", ORDER_V2);

        assertThatThrownBy(() -> importer.read(folder)).isInstanceOf(InputException.class)
                .hasMessageContaining("orders-value.avsc").hasMessageContaining("orders-value.v1.avsc")
                .hasMessageContaining("version 1 of orders-value");
    }

    @Test
    void versionZeroIsRejected() throws IOException {
        write("orders-value.v0.avsc", ORDER);

        assertThatThrownBy(() -> importer.read(folder)).isInstanceOf(InputException.class)
                .hasMessageContaining("orders-value.v0.avsc").hasMessageContaining("not a positive number");
    }

    @Test
    void badlyNamedFileInASubjectFolderIsRejected() throws IOException {
        write("orders-value/1.avsc", ORDER);
        write("orders-value/latest.avsc", ORDER_V2);

        assertThatThrownBy(() -> importer.read(folder)).isInstanceOf(InputException.class)
                .hasMessageContaining("latest.avsc").hasMessageContaining("<version>.avsc");
    }

    @Test
    void folderWithoutNumberedFilesIsNotImported() throws IOException {
        write("orders-value.v1.avsc", ORDER);
        write("proposed/orders-value.v2.avsc", ORDER_V2);

        assertThat(importer.read(folder)).extracting(SchemaVersion::version).containsExactly(1);
    }

    @Test
    void otherFilesAreIgnored() throws IOException {
        write("orders-value.avsc", ORDER);
        write("README.md", "# schemas");
        write(".orders-value.avsc.swp", "junk");

        assertThat(importer.read(folder)).hasSize(1);
    }

    @Test
    void importSendsCoverageAndEverySchemaToTheSink() throws IOException {
        write("orders-value.v1.avsc", ORDER);
        write("orders-value.v2.avsc", ORDER_V2);
        MeshContent.Collector sink = new MeshContent.Collector();

        importer.importTo(folder, sink);

        assertThat(sink.content().sources()).containsExactly(SourceKind.SCHEMAS);
        assertThat(sink.content().schemas()).extracting(SchemaVersion::version).containsExactly(1, 2);
    }

    @Test
    void emptyFolderCoversSchemasWithNoVersions() throws IOException {
        MeshContent.Collector sink = new MeshContent.Collector();

        importer.importTo(folder, sink);

        assertThat(sink.content().sources()).isEqualTo(Set.of(SourceKind.SCHEMAS));
        assertThat(sink.content().schemas()).isEmpty();
    }

    @Test
    void badFileLeavesTheSinkUntouched() throws IOException {
        write("a-value.avsc", ORDER);
        write("z-value.avsc", "{not json");
        MeshContent.Collector sink = new MeshContent.Collector();

        assertThatThrownBy(() -> importer.importTo(folder, sink)).isInstanceOf(InputException.class);
        assertThat(sink.content()).isEqualTo(MeshContent.empty());
    }

    @Test
    void missingFolderIsReported() {
        Path missing = folder.resolve("nope");

        assertThatThrownBy(() -> importer.read(missing)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(missing + ": not a folder");
    }

    @Test
    void textThatIsNotUtf8IsReported() throws IOException {
        Files.write(folder.resolve("a-value.avsc"), new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'});

        assertThatThrownBy(() -> importer.read(folder)).isInstanceOf(InputException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void byteOrderMarkIsSkipped() throws IOException {
        Files.write(folder.resolve("a-value.avsc"), ("\uFEFF" + ORDER).getBytes(StandardCharsets.UTF_8));

        assertThat(importer.read(folder)).extracting(SchemaVersion::schema).containsExactly(ORDER);
    }

    @Test
    void folderInsideAJarIsReadLikeAFolderOnDisk() throws IOException {
        write("orders-value.v1.avsc", ORDER);
        write("customers-value/1.avsc", ORDER_V2);
        write("compatibility.properties", "default=FULL\n");
        Path zip = folder.resolve("schemas.jar");
        try (FileSystem jar = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            Path inside = jar.getPath("/demo/schemas");
            Files.createDirectories(inside.resolve("customers-value"));
            for (String name : List.of("orders-value.v1.avsc", "customers-value/1.avsc", "compatibility.properties")) {
                Files.copy(folder.resolve(name), inside.resolve(name));
            }
        }
        List<SchemaVersion> onDisk = importer.read(folder);

        try (FileSystem jar = FileSystems.newFileSystem(zip)) {
            assertThat(importer.read(jar.getPath("/demo/schemas"))).isEqualTo(onDisk).hasSize(2);
        }
    }
}
