package dev.meshlens.importers.kafka;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.GroupMember;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;
import dev.meshlens.importers.kafka.KafkaCalls.Call;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConfigsResult;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsResult;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TopicListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;

/**
 * Reads a live cluster through Kafka's Admin API into a {@link MeshSink}, covering {@link SourceKind#ACLS},
 * {@link SourceKind#TOPICS} and {@link SourceKind#GROUPS} (or those of them the options ask for):
 * <ul>
 *   <li><b>ACLs</b>: every binding ({@code describeAcls(AclBindingFilter.ANY)}). A cluster without an authorizer
 *       has none.</li>
 *   <li><b>Topics</b>: every topic the principal may describe, internal ones included as Kafka lists them
 *       ({@code listTopics}), with partitions, replication factor and topic id ({@code describeTopics}) and the
 *       configs that differ from the defaults ({@code describeConfigs}), as {@code kafka-topics --describe}
 *       shows them.</li>
 *   <li><b>Consumer groups</b> ({@code listGroups} filtered to consumer groups, classic and KIP-848): state,
 *       coordinator, assignor, members with client ids, hosts and assignments ({@code describeConsumerGroups}),
 *       committed offsets ({@code listConsumerGroupOffsets}) and the latest offsets of those partitions
 *       ({@code listOffsets}), so lag per partition is the Admin API's own.</li>
 * </ul>
 * Steps run in that order, each reported to the options' progress. Every wait is bounded by the options'
 * timeout. A failure of any call (an unreachable cluster, a failed login, a missing ACL, a timeout) ends the
 * import with one {@link InputException} whose source is the call, e.g. {@code Admin.describeAcls}; the facts
 * already sent are the caller's to discard (an import session rolls them back). Instances are single use per
 * call of {@link #importTo(MeshSink)} and hold no connection between calls.
 */
public final class KafkaAdminImporter {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaAdminImporter.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Comparator<org.apache.kafka.common.TopicPartition> PARTITION_ORDER =
            Comparator.comparing(org.apache.kafka.common.TopicPartition::topic)
                    .thenComparingInt(org.apache.kafka.common.TopicPartition::partition);

    static final Call CREATE = new Call("Admin.create", "to connect", "DESCRIBE");
    static final Call DESCRIBE_ACLS = new Call("Admin.describeAcls", "to list ACLs (describeAcls)", "DESCRIBE");
    static final Call LIST_TOPICS = new Call("Admin.listTopics", "to list topics (listTopics)", "DESCRIBE");
    static final Call DESCRIBE_TOPICS = new Call("Admin.describeTopics", "to describe them (describeTopics)",
            "DESCRIBE");
    static final Call DESCRIBE_CONFIGS = new Call("Admin.describeConfigs",
            "to read topic configs (describeConfigs)", "DESCRIBE_CONFIGS");
    static final Call LIST_GROUPS = new Call("Admin.listGroups", "to list consumer groups (listGroups)", "DESCRIBE");
    static final Call DESCRIBE_GROUPS = new Call("Admin.describeConsumerGroups",
            "to describe it (describeConsumerGroups)", "DESCRIBE");
    static final Call LIST_GROUP_OFFSETS = new Call("Admin.listConsumerGroupOffsets",
            "to read committed offsets (listConsumerGroupOffsets)", "DESCRIBE");
    static final Call LIST_OFFSETS = new Call("Admin.listOffsets", "to read end offsets (listOffsets)", "DESCRIBE");

    private final KafkaClientConfig client;
    private final KafkaImportOptions options;

    /**
     * @param client  how to reach the cluster; its secrets go to the Admin client only
     * @param options timeout, sources, progress and cancellation
     */
    public KafkaAdminImporter(KafkaClientConfig client, KafkaImportOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Connects, reads the chosen sources into {@code sink} and disconnects.
     *
     * @return what each step read
     * @throws InputException        naming the failed call; the message says which ACL is missing when the
     *                               principal lacks one
     * @throws CancellationException when the options' cancellation flag was set
     */
    public KafkaImportResult importTo(MeshSink sink) {
        Objects.requireNonNull(sink, "sink");
        options.cancellation().throwIfCancelled();
        KafkaCalls calls = new KafkaCalls(client, options.timeout(), options.cancellation());
        List<StepResult> steps = new ArrayList<>();
        Admin admin = createAdmin();
        try {
            if (options.sources().contains(SourceKind.ACLS)) {
                steps.add(readAcls(admin, calls, sink));
            }
            if (options.sources().contains(SourceKind.TOPICS)) {
                steps.add(readTopics(admin, calls, sink));
            }
            if (options.sources().contains(SourceKind.GROUPS)) {
                steps.add(readGroups(admin, calls, sink));
            }
        } finally {
            // bounded: a dead cluster must not hold the import on its way out, nor delay a cancellation
            admin.close(options.cancellation().isCancelled() ? Duration.ZERO
                    : CLOSE_TIMEOUT.compareTo(options.timeout()) < 0 ? CLOSE_TIMEOUT : options.timeout());
        }
        return new KafkaImportResult(client.bootstrapServers(), steps);
    }

    private Admin createAdmin() {
        Properties props = client.clientProperties();
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis());
        // the client's own retries end with our timeout, so no call outlives it
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs));
        props.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, "meshlens-import");
        try {
            return Admin.create(props);
        } catch (KafkaException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new InputException(CREATE.name(), 0, "cannot create a client from " + client.source() + ": "
                    + cause.getMessage(), e);
        }
    }

    private StepResult readAcls(Admin admin, KafkaCalls calls, MeshSink sink) {
        long start = started("acls", "reading ACLs (Admin.describeAcls)");
        Collection<org.apache.kafka.common.acl.AclBinding> bindings;
        String note = "";
        try {
            bindings = calls.await(admin.describeAcls(AclBindingFilter.ANY).values(), DESCRIBE_ACLS);
        } catch (InputException e) {
            if (!(e.getCause() instanceof SecurityDisabledException)) {
                throw e;
            }
            // no authorizer: everyone may do everything, and there is no ACL to list
            LOG.warn("the cluster at {} has no authorizer: it holds no ACLs", client.bootstrapServers());
            bindings = List.of();
            note = " (the cluster has no authorizer)";
        }
        int count = 0;
        for (org.apache.kafka.common.acl.AclBinding b : bindings) {
            sink.acl(toModel(b));
            count++;
        }
        sink.cover(SourceKind.ACLS);
        return finished("acls", count, count + " ACL bindings" + note, start);
    }

    static AclBinding toModel(org.apache.kafka.common.acl.AclBinding b) {
        return new AclBinding(ResourceType.parse(b.pattern().resourceType().name()),
                PatternType.parse(b.pattern().patternType().name()), b.pattern().name(), b.entry().principal(),
                b.entry().host(), AclOperation.parse(b.entry().operation().name()),
                AclPermission.parse(b.entry().permissionType().name()));
    }

    private StepResult readTopics(Admin admin, KafkaCalls calls, MeshSink sink) {
        long start = started("topics", "reading topics (Admin.listTopics, describeTopics, describeConfigs)");
        Collection<TopicListing> listings = calls.await(
                admin.listTopics(new ListTopicsOptions().listInternal(true)).listings(), LIST_TOPICS);
        TreeSet<String> names = new TreeSet<>();
        listings.forEach(l -> names.add(l.name()));
        long internal = listings.stream().filter(TopicListing::isInternal).count();
        Map<String, TopicDescription> descriptions = new TreeMap<>();
        Map<String, Map<String, String>> configs = new HashMap<>();
        if (!names.isEmpty()) {
            DescribeTopicsResult described = admin.describeTopics(names);
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<TopicDescription>> e
                    : described.topicNameValues().entrySet()) {
                TopicDescription d = calls.awaitUnlessGone(e.getValue(), DESCRIBE_TOPICS, e.getKey());
                if (d == null) {
                    LOG.debug("topic {} was deleted while it was being read", e.getKey());
                } else {
                    descriptions.put(e.getKey(), d);
                }
            }
            configs = nonDefaultConfigs(admin, calls, descriptions.keySet());
        }
        int count = 0;
        for (TopicDescription d : descriptions.values()) {
            Map<String, String> topicConfigs = configs.get(d.name());
            if (topicConfigs == null) {
                continue; // deleted between describeTopics and describeConfigs
            }
            int replicationFactor = d.partitions().isEmpty() ? -1 : d.partitions().get(0).replicas().size();
            sink.topic(new Topic(d.name(), d.topicId() == null ? null : d.topicId().toString(),
                    d.partitions().size(), replicationFactor, topicConfigs));
            count++;
        }
        sink.cover(SourceKind.TOPICS);
        return finished("topics", count, count + " topics (" + internal + " internal)", start);
    }

    /** Per topic, the configs whose value is not the default, as {@code kafka-topics --describe} lists them. */
    private static Map<String, Map<String, String>> nonDefaultConfigs(Admin admin, KafkaCalls calls,
                                                                     Collection<String> topics) {
        List<ConfigResource> resources = topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<String, Map<String, String>> configs = new HashMap<>();
        if (resources.isEmpty()) {
            return configs;
        }
        DescribeConfigsResult result = admin.describeConfigs(resources);
        for (Map.Entry<ConfigResource, org.apache.kafka.common.KafkaFuture<Config>> e : result.values().entrySet()) {
            Config config = calls.awaitUnlessGone(e.getValue(), DESCRIBE_CONFIGS, e.getKey().name());
            if (config == null) {
                continue;
            }
            Map<String, String> nonDefault = new TreeMap<>();
            config.entries().stream().filter(c -> !c.isDefault() && c.value() != null)
                    .forEach(c -> nonDefault.put(c.name(), c.value()));
            configs.put(e.getKey().name(), nonDefault);
        }
        return configs;
    }

    private StepResult readGroups(Admin admin, KafkaCalls calls, MeshSink sink) {
        long start = started("groups", "reading consumer groups (Admin.listGroups, describeConsumerGroups, "
                + "listConsumerGroupOffsets, listOffsets)");
        Collection<GroupListing> listings = calls.await(
                admin.listGroups(ListGroupsOptions.forConsumerGroups()).all(), LIST_GROUPS);
        List<String> ids = listings.stream().map(GroupListing::groupId).distinct().sorted().toList();
        if (ids.isEmpty()) {
            sink.cover(SourceKind.GROUPS);
            return finished("groups", 0, "0 consumer groups", start);
        }
        Map<String, ConsumerGroupDescription> descriptions = describeGroups(admin, calls, ids);
        Map<String, Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata>> committed =
                committedOffsets(admin, calls, descriptions.keySet());
        TreeSet<org.apache.kafka.common.TopicPartition> partitions = new TreeSet<>(PARTITION_ORDER);
        committed.values().forEach(m -> m.forEach((tp, offset) -> {
            if (offset != null) {
                partitions.add(tp);
            }
        }));
        descriptions.values().forEach(d -> d.members()
                .forEach(m -> partitions.addAll(m.assignment().topicPartitions())));
        Map<org.apache.kafka.common.TopicPartition, Long> ends = endOffsets(admin, calls, partitions);
        int active = 0;
        long partitionsWithLag = 0;
        for (ConsumerGroupDescription d : descriptions.values()) {
            ConsumerGroup group = toModel(d, committed.getOrDefault(d.groupId(), Map.of()), ends);
            if (group.isActive()) {
                active++;
            }
            partitionsWithLag += group.offsets().stream().filter(o -> o.lag() != null && o.lag() > 0).count();
            sink.group(group);
        }
        sink.cover(SourceKind.GROUPS);
        return finished("groups", descriptions.size(), descriptions.size() + " consumer groups (" + active
                + " active), " + partitions.size() + " partitions, " + partitionsWithLag + " lagging", start);
    }

    private static Map<String, ConsumerGroupDescription> describeGroups(Admin admin, KafkaCalls calls,
                                                                        List<String> ids) {
        DescribeConsumerGroupsResult result = admin.describeConsumerGroups(ids);
        Map<String, ConsumerGroupDescription> descriptions = new LinkedHashMap<>();
        for (String id : ids) {
            try {
                descriptions.put(id, calls.await(result.describedGroups().get(id), DESCRIBE_GROUPS, id));
            } catch (InputException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
                LOG.debug("group {} was deleted while it was being read", id);
            }
        }
        return descriptions;
    }

    private static Map<String, Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata>> committedOffsets(
            Admin admin, KafkaCalls calls, Collection<String> ids) {
        Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
        ids.forEach(id -> specs.put(id, new ListConsumerGroupOffsetsSpec()));
        ListConsumerGroupOffsetsResult result = admin.listConsumerGroupOffsets(specs);
        Map<String, Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (String id : ids) {
            try {
                committed.put(id, calls.await(result.partitionsToOffsetAndMetadata(id), LIST_GROUP_OFFSETS, id));
            } catch (InputException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
                committed.put(id, Map.of());
            }
        }
        return committed;
    }

    /** The latest offset of each partition; absent for partitions of topics deleted meanwhile. */
    private static Map<org.apache.kafka.common.TopicPartition, Long> endOffsets(
            Admin admin, KafkaCalls calls, Collection<org.apache.kafka.common.TopicPartition> partitions) {
        Map<org.apache.kafka.common.TopicPartition, Long> ends = new HashMap<>();
        if (partitions.isEmpty()) {
            return ends;
        }
        Map<org.apache.kafka.common.TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        ListOffsetsResult result = admin.listOffsets(latest);
        for (org.apache.kafka.common.TopicPartition tp : partitions) {
            ListOffsetsResult.ListOffsetsResultInfo info = calls.awaitUnlessGone(result.partitionResult(tp),
                    LIST_OFFSETS, tp.topic());
            if (info != null) {
                ends.put(tp, info.offset());
            }
        }
        return ends;
    }

    /** The group as the model holds it: every partition with a committed offset or an owner, with its end offset. */
    static ConsumerGroup toModel(ConsumerGroupDescription d,
                                 Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> committed,
                                 Map<org.apache.kafka.common.TopicPartition, Long> ends) {
        Map<org.apache.kafka.common.TopicPartition, String> owner = new HashMap<>();
        List<GroupMember> members = new ArrayList<>();
        for (MemberDescription m : d.members()) {
            List<dev.meshlens.engine.model.TopicPartition> assignment = new ArrayList<>();
            for (org.apache.kafka.common.TopicPartition tp : m.assignment().topicPartitions()) {
                owner.put(tp, m.consumerId());
                assignment.add(new dev.meshlens.engine.model.TopicPartition(tp.topic(), tp.partition()));
            }
            assignment.sort(null);
            members.add(new GroupMember(m.consumerId(), m.clientId(), m.host(), assignment));
        }
        TreeSet<org.apache.kafka.common.TopicPartition> partitions = new TreeSet<>(PARTITION_ORDER);
        committed.forEach((tp, offset) -> {
            if (offset != null) {
                partitions.add(tp);
            }
        });
        partitions.addAll(owner.keySet());
        List<PartitionOffset> offsets = new ArrayList<>();
        for (org.apache.kafka.common.TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            offsets.add(new PartitionOffset(tp.topic(), tp.partition(), c == null ? null : c.offset(), ends.get(tp),
                    owner.get(tp)));
        }
        String assignor = d.partitionAssignor() == null || d.partitionAssignor().isEmpty() ? null
                : d.partitionAssignor();
        return new ConsumerGroup(d.groupId(), state(d), coordinator(d.coordinator()), assignor, members, offsets);
    }

    private static GroupState state(ConsumerGroupDescription d) {
        if (d.groupState() == null) {
            return GroupState.UNKNOWN;
        }
        try {
            return GroupState.parse(d.groupState().name());
        } catch (IllegalArgumentException e) {
            // a state newer than this model: say unknown rather than fail the import
            return GroupState.UNKNOWN;
        }
    }

    /** A coordinator as {@code kafka-consumer-groups --state} writes it: {@code host:port (id)}. */
    static String coordinator(Node node) {
        return node == null || node.isEmpty() ? null : node.host() + ":" + node.port() + " (" + node.idString() + ")";
    }

    private long started(String step, String what) {
        options.cancellation().throwIfCancelled();
        options.progress().started(step, what);
        return System.nanoTime();
    }

    private StepResult finished(String step, long count, String summary, long start) {
        StepResult result = new StepResult(step, count, summary, Duration.ofNanos(System.nanoTime() - start));
        LOG.info("{} from {}", result, client.bootstrapServers());
        options.progress().finished(result);
        return result;
    }
}
