package dev.meshlens.importers.file;

import dev.meshlens.engine.model.MeshContent;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test inputs: the files under fixtures/files and parsing into a collected {@link MeshContent}. */
final class Fixtures {
    private Fixtures() {
    }

    /** The path of fixtures/files/{@code name} on the test classpath. */
    static Path path(String name) {
        URL url = Fixtures.class.getResource("/fixtures/files/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of fixtures/files/{@code name}. */
    static String text(String name) throws IOException {
        return Files.readString(path(name), StandardCharsets.UTF_8);
    }

    /** What {@code parser} reads from {@code text}, in canonical order. */
    static MeshContent parse(MeshFileParser parser, String fileName, String text) throws IOException {
        return parse(parser, fileName, new StringReader(text));
    }

    /** What {@code parser} reads from {@code reader}, in canonical order. */
    static MeshContent parse(MeshFileParser parser, String fileName, Reader reader) throws IOException {
        MeshContent.Collector collector = new MeshContent.Collector();
        parser.parse(fileName, reader, collector);
        return collector.content();
    }

    /** What {@code parser} reads from the fixture {@code name}. */
    static MeshContent parseFixture(MeshFileParser parser, String name) throws IOException {
        return parse(parser, name, text(name));
    }
}
