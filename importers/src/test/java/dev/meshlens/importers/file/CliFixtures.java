package dev.meshlens.importers.file;

import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.GroupMember;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.importers.testkit.GroundTruth;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the committed Kafka CLI fixtures ({@code fixtures/kafka-cli/<version>/...}) and runs parsers on them. */
final class CliFixtures {
    static final String LIVE = "4.3.1";
    static final String V3 = "3.x";
    static final String V2 = "2.x";

    private CliFixtures() {
    }

    /** The fixture's text. */
    static String text(String version, String file) {
        try (InputStream in = open(version, file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ground truth written next to the fixtures of {@code version}. */
    static GroundTruth truth(String version) {
        try (InputStream in = open(version, "truth.json")) {
            return GroundTruth.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses several fixture files into one collector, as an import of all of them would. */
    static MeshContent parse(MeshFileParser parser, String version, String... files) {
        MeshContent.Collector sink = new MeshContent.Collector();
        for (String file : files) {
            try (Reader reader = new InputStreamReader(open(version, file), StandardCharsets.UTF_8)) {
                parser.parse(file, reader, sink);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sink.content();
    }

    /** Parses text given inline. */
    static MeshContent parseText(MeshFileParser parser, String fileName, String text) {
        MeshContent.Collector sink = new MeshContent.Collector();
        try {
            parser.parse(fileName, new StringReader(text), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.content();
    }

    /** The group with this id among parsed groups, members and offsets sorted like the ground truth's. */
    static ConsumerGroup group(MeshContent content, String groupId) {
        return content.groups().stream().filter(g -> g.groupId().equals(groupId)).findFirst()
                .map(GroundTruth::sortedGroup)
                .orElseThrow(() -> new AssertionError("no group " + groupId + " in " + content.groups()));
    }

    /** The members of a group without their assignments (what a plain {@code --members} listing shows). */
    static List<GroupMember> withoutAssignment(List<GroupMember> members) {
        return members.stream().map(m -> new GroupMember(m.memberId(), m.clientId(), m.host(), List.of())).toList();
    }

    private static InputStream open(String version, String file) {
        String path = "/fixtures/kafka-cli/" + version + "/" + file;
        InputStream in = CliFixtures.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + path);
        }
        return in;
    }
}
