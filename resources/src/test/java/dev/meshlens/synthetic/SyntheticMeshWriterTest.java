package dev.meshlens.synthetic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticMeshWriterTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesEveryFileOfACustomSizedMeshAndReportsIt(@TempDir Path directory) throws IOException {
        int status = run("200", directory.toString(), "--seed", "3");

        assertThat(status).isZero();
        assertThat(directory.resolve(SyntheticMesh.ACLS_FILE)).isNotEmptyFile();
        assertThat(Files.list(directory)).hasSize(7);
        assertThat(text(out)).contains("generated 200 products", "acls.txt", "big fan-out product");
        assertThat(Files.readString(directory.resolve(SyntheticMesh.CATALOG_FILE)))
                .isEqualTo(catalogOf(SyntheticMesh.generate(MeshSpec.ofProducts(200), 3)));
    }

    @Test
    void writesAnAclListingOfTheRequestedLines(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("nested/acls.txt");

        int status = run("--acl-lines", "1_000", file.toString());

        assertThat(status).isZero();
        assertThat(Files.readAllLines(file)).hasSize(1_000);
        assertThat(text(out)).contains("wrote 1,000 lines");
    }

    @Test
    void unknownSizeIsABadArgumentWithUsageAndNoStackTrace(@TempDir Path directory) {
        int status = run("XL", directory.toString());

        assertThat(status).isEqualTo(2);
        assertThat(text(err)).contains("unknown mesh size 'XL'", "usage:").doesNotContain("Exception", "\tat ");
    }

    @Test
    void missingDirectoryIsABadArgument() {
        assertThat(run("S")).isEqualTo(2);
        assertThat(text(err)).contains("expected a size and a directory");
    }

    @Test
    void seedMustBeANumber(@TempDir Path directory) {
        assertThat(run("S", directory.toString(), "--seed", "forty-two")).isEqualTo(2);
        assertThat(text(err)).contains("forty-two");
    }

    @Test
    void unwritableDirectoryFailsWithStatusOneAndNamesIt(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("a-file"), "x");

        int status = run("100", file.toString());

        assertThat(status).isEqualTo(1);
        assertThat(text(err)).contains("cannot write " + file).doesNotContain("\tat ");
    }

    private int run(String... args) {
        return SyntheticMeshWriter.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String catalogOf(SyntheticMesh mesh) {
        StringBuilder sb = new StringBuilder();
        mesh.writeCatalog(sb);
        return sb.toString();
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
