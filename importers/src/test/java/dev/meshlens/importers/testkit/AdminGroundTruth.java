package dev.meshlens.importers.testkit;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.GroupMember;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.Topic;
import dev.meshlens.engine.model.TopicPartition;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.ConfigResource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads what a cluster holds straight from the Admin API, in the model's terms, so that what the parsers make
 * of the CLI tools' output can be compared against it. Every call waits at most 30 s.
 */
public final class AdminGroundTruth {
    private static final long TIMEOUT_S = 30;

    private final Admin admin;
    private final Map<String, Map<String, String>> memberExtras = new LinkedHashMap<>();

    /** @param admin a client with the rights to describe everything (the super user) */
    public AdminGroundTruth(Admin admin) {
        this.admin = admin;
    }

    /**
     * Reads ACLs, topics (internal ones included, with their non-default configs) and consumer groups (state,
     * coordinator, members, committed offsets and log end offsets of every assigned or committed partition).
     *
     * @throws IllegalStateException when the cluster does not answer in time
     */
    public GroundTruth capture(String kafkaVersion) {
        try {
            return new GroundTruth(kafkaVersion, acls(), topics(), groups());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("reading the ground truth from the Admin API failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the ground truth", e);
        }
    }

    /** Per member id, what the model does not carry (the static member's {@code groupInstanceId}). */
    public Map<String, Map<String, String>> memberExtras() {
        return Map.copyOf(memberExtras);
    }

    private List<AclBinding> acls() throws ExecutionException, InterruptedException, TimeoutException {
        List<AclBinding> acls = new ArrayList<>();
        for (org.apache.kafka.common.acl.AclBinding b : admin.describeAcls(AclBindingFilter.ANY).values()
                .get(TIMEOUT_S, TimeUnit.SECONDS)) {
            acls.add(new AclBinding(ResourceType.parse(b.pattern().resourceType().name()),
                    PatternType.parse(b.pattern().patternType().name()), b.pattern().name(), b.entry().principal(),
                    b.entry().host(), AclOperation.parse(b.entry().operation().name()),
                    AclPermission.parse(b.entry().permissionType().name())));
        }
        return acls;
    }

    private List<Topic> topics() throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        List<Topic> topics = new ArrayList<>();
        for (TopicDescription d : descriptions.values()) {
            Map<String, String> nonDefault = new TreeMap<>();
            configs.get(new ConfigResource(ConfigResource.Type.TOPIC, d.name())).entries().stream()
                    .filter(e -> !e.isDefault())
                    .forEach(e -> nonDefault.put(e.name(), e.value()));
            int replicationFactor = d.partitions().isEmpty() ? -1 : d.partitions().get(0).replicas().size();
            topics.add(new Topic(d.name(), d.topicId().toString(), d.partitions().size(), replicationFactor,
                    nonDefault));
        }
        return topics;
    }

    private List<ConsumerGroup> groups() throws ExecutionException, InterruptedException, TimeoutException {
        Collection<GroupListing> listings = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        List<String> ids = listings.stream().map(GroupListing::groupId).sorted().toList();
        Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(ids).all()
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        List<ConsumerGroup> groups = new ArrayList<>();
        for (String id : ids) {
            groups.add(group(descriptions.get(id)));
        }
        return groups;
    }

    private ConsumerGroup group(ConsumerGroupDescription d)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets(d.groupId()).partitionsToOffsetAndMetadata()
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        Map<org.apache.kafka.common.TopicPartition, String> owner = new HashMap<>();
        List<GroupMember> members = new ArrayList<>();
        for (MemberDescription m : d.members()) {
            List<TopicPartition> assignment = new ArrayList<>();
            for (org.apache.kafka.common.TopicPartition tp : m.assignment().topicPartitions()) {
                owner.put(tp, m.consumerId());
                assignment.add(new TopicPartition(tp.topic(), tp.partition()));
            }
            members.add(new GroupMember(m.consumerId(), m.clientId(), m.host(), assignment));
            m.groupInstanceId().ifPresent(id -> memberExtras.put(m.consumerId(), Map.of("groupInstanceId", id)));
        }
        Set<org.apache.kafka.common.TopicPartition> partitions = new TreeSet<>(
                Comparator.comparing(org.apache.kafka.common.TopicPartition::topic)
                        .thenComparingInt(org.apache.kafka.common.TopicPartition::partition));
        committed.forEach((tp, offset) -> {
            if (offset != null) {
                partitions.add(tp);
            }
        });
        partitions.addAll(owner.keySet());
        Map<org.apache.kafka.common.TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<org.apache.kafka.common.TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = latest.isEmpty()
                ? Map.of() : admin.listOffsets(latest).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        List<PartitionOffset> offsets = new ArrayList<>();
        for (org.apache.kafka.common.TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            offsets.add(new PartitionOffset(tp.topic(), tp.partition(), c == null ? null : c.offset(),
                    ends.get(tp).offset(), owner.get(tp)));
        }
        String strategy = d.partitionAssignor() == null || d.partitionAssignor().isEmpty() ? null : d.partitionAssignor();
        return new ConsumerGroup(d.groupId(), GroupState.parse(d.groupState().name()), coordinator(d.coordinator()),
                strategy, members, offsets);
    }

    /** A coordinator as the model writes it: {@code host:port (id)}. */
    static String coordinator(Node node) {
        return node == null ? null : node.host() + ":" + node.port() + " (" + node.idString() + ")";
    }
}
