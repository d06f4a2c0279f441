package dev.meshlens.importers.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.GroupMember;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.Topic;
import dev.meshlens.engine.model.TopicPartition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a cluster really held when the Kafka CLI fixtures were captured, read from the Admin API (or, for the
 * hand-made fixtures of older Kafka versions, written by hand), in the domain model's terms.
 *
 * <p>Stored as {@code truth.json} next to the fixtures. The JSON is plain and reviewable: {@code lag} is
 * written for readers and recomputed (never read back), group member extras such as {@code groupInstanceId}
 * are kept for readers only, because the model does not carry them.
 *
 * @param kafkaVersion the version of the tools that printed the fixtures, e.g. {@code 4.3.1} or {@code 3.x}
 */
public record GroundTruth(String kafkaVersion, List<AclBinding> acls, List<Topic> topics, List<ConsumerGroup> groups) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public GroundTruth {
        MeshContent sorted = new MeshContent(Set.of(), acls, topics, groups, null, null, null, null, null).canonical();
        acls = sorted.acls();
        topics = sorted.topics();
        groups = sorted.groups().stream().map(GroundTruth::sortedGroup).toList();
    }

    /** The group with its members sorted by member id, for stable output and comparison. */
    public static ConsumerGroup sortedGroup(ConsumerGroup g) {
        List<GroupMember> members = g.members().stream()
                .map(m -> new GroupMember(m.memberId(), m.clientId(), m.host(),
                        m.assignment().stream().sorted().toList()))
                .sorted(Comparator.comparing(GroupMember::memberId)).toList();
        return new ConsumerGroup(g.groupId(), g.state(), g.coordinator(), g.assignmentStrategy(), members,
                g.offsets().stream().sorted().toList());
    }

    /** The group with this id. */
    public ConsumerGroup group(String groupId) {
        return groups.stream().filter(g -> g.groupId().equals(groupId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no group " + groupId + " in the ground truth"));
    }

    /**
     * Reads a {@code truth.json}.
     *
     * @throws UncheckedIOException when it cannot be read or is not ground truth JSON
     */
    public static GroundTruth read(InputStream in) {
        try {
            JsonNode root = JSON.readTree(in);
            List<AclBinding> acls = new ArrayList<>();
            for (JsonNode a : root.path("acls")) {
                acls.add(new AclBinding(ResourceType.parse(a.get("resourceType").asText()),
                        PatternType.parse(a.get("patternType").asText()), a.get("resourceName").asText(),
                        a.get("principal").asText(), a.get("host").asText(),
                        AclOperation.parse(a.get("operation").asText()),
                        AclPermission.parse(a.get("permission").asText())));
            }
            List<Topic> topics = new ArrayList<>();
            for (JsonNode t : root.path("topics")) {
                Map<String, String> configs = new TreeMap<>();
                t.path("configs").fields().forEachRemaining(e -> configs.put(e.getKey(), e.getValue().asText()));
                topics.add(new Topic(t.get("name").asText(), text(t, "topicId"), t.get("partitions").asInt(),
                        t.get("replicationFactor").asInt(), configs));
            }
            List<ConsumerGroup> groups = new ArrayList<>();
            for (JsonNode g : root.path("groups")) {
                groups.add(readGroup(g));
            }
            return new GroundTruth(root.path("kafkaVersion").asText(), acls, topics, groups);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ground truth", e);
        }
    }

    /** Reads a {@code truth.json} from a file. */
    public static GroundTruth read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Writes this truth as {@code truth.json}.
     *
     * @param memberExtras per member id, facts the model does not carry (e.g. {@code groupInstanceId}),
     *                     written for readers of the file only
     */
    public void write(Path file, Map<String, Map<String, String>> memberExtras) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kafkaVersion", kafkaVersion);
        ArrayNode aclArray = root.putArray("acls");
        for (AclBinding a : acls) {
            aclArray.addObject().put("resourceType", a.resourceType().name()).put("patternType", a.patternType().name())
                    .put("resourceName", a.resourceName()).put("principal", a.principal()).put("host", a.host())
                    .put("operation", a.operation().name()).put("permission", a.permission().name());
        }
        ArrayNode topicArray = root.putArray("topics");
        for (Topic t : topics) {
            ObjectNode node = topicArray.addObject().put("name", t.name()).put("topicId", t.topicId())
                    .put("partitions", t.partitions()).put("replicationFactor", t.replicationFactor());
            ObjectNode configs = node.putObject("configs");
            t.configs().forEach(configs::put);
        }
        ArrayNode groupArray = root.putArray("groups");
        for (ConsumerGroup g : groups) {
            writeGroup(groupArray.addObject(), g, memberExtras);
        }
        try {
            Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void writeGroup(ObjectNode node, ConsumerGroup g, Map<String, Map<String, String>> memberExtras) {
        node.put("groupId", g.groupId()).put("state", g.state() == null ? null : g.state().name())
                .put("coordinator", g.coordinator()).put("assignmentStrategy", g.assignmentStrategy());
        ArrayNode members = node.putArray("members");
        for (GroupMember m : g.members()) {
            ObjectNode member = members.addObject().put("memberId", m.memberId()).put("clientId", m.clientId())
                    .put("host", m.host());
            memberExtras.getOrDefault(m.memberId(), Map.of()).forEach(member::put);
            ArrayNode assignment = member.putArray("assignment");
            m.assignment().forEach(tp -> assignment.add(tp.toString()));
        }
        ArrayNode offsets = node.putArray("offsets");
        for (PartitionOffset o : g.offsets()) {
            offsets.addObject().put("topic", o.topic()).put("partition", o.partition())
                    .put("committedOffset", o.committedOffset()).put("endOffset", o.endOffset())
                    .put("lag", o.lag()).put("memberId", o.memberId());
        }
    }

    private static ConsumerGroup readGroup(JsonNode g) {
        List<GroupMember> members = new ArrayList<>();
        for (JsonNode m : g.path("members")) {
            List<TopicPartition> assignment = new ArrayList<>();
            for (JsonNode tp : m.path("assignment")) {
                String text = tp.asText();
                int dash = text.lastIndexOf('-');
                assignment.add(new TopicPartition(text.substring(0, dash), Integer.parseInt(text.substring(dash + 1))));
            }
            members.add(new GroupMember(m.get("memberId").asText(), text(m, "clientId"), text(m, "host"), assignment));
        }
        List<PartitionOffset> offsets = new ArrayList<>();
        for (JsonNode o : g.path("offsets")) {
            offsets.add(new PartitionOffset(o.get("topic").asText(), o.get("partition").asInt(),
                    number(o, "committedOffset"), number(o, "endOffset"), text(o, "memberId")));
        }
        String state = text(g, "state");
        return new ConsumerGroup(g.get("groupId").asText(), state == null ? null : GroupState.parse(state),
                text(g, "coordinator"), text(g, "assignmentStrategy"), members, offsets);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }
}
