package dev.meshlens.importers.testkit;

import dev.meshlens.localkafka.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Drives real consumer groups on a test broker into exactly the states the fixtures need: a group whose members
 * stay joined (Stable) with chosen committed offsets, a group that consumed everything and left (Empty), and a
 * group that only committed offsets (Empty, no members ever). Every wait is bounded.
 */
public final class ConsumerGroupDriver {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final EmbeddedKafkaBroker broker;
    private final Admin admin;

    /** @param admin a super-user client, used to watch the groups */
    public ConsumerGroupDriver(EmbeddedKafkaBroker broker, Admin admin) {
        this.broker = broker;
        this.admin = admin;
    }

    /**
     * One member of a held group.
     *
     * @param groupInstanceId a static member id, or null for a dynamic member
     * @param groupProtocol   {@code classic} or {@code consumer} (KIP-848)
     */
    public record Member(String clientId, String groupInstanceId, String groupProtocol) {
    }

    /**
     * Starts the members, waits until the group is Stable with every member holding partitions and the whole
     * subscription assigned, commits {@code commitPlan} (partitions absent from the plan keep no committed
     * offset), then stops the members' polling so nothing moves until {@link HeldGroup#close()}.
     *
     * @param user the principal the members run as
     * @throws IllegalStateException when the group does not settle within a minute
     */
    public HeldGroup holdStable(String user, String groupId, List<String> topics, List<Member> members,
                                Map<TopicPartition, Long> commitPlan) {
        Set<TopicPartition> committed = ConcurrentHashMap.newKeySet();
        List<HeldMember> running = new CopyOnWriteArrayList<>();
        HeldGroup group = new HeldGroup(groupId, running);
        try {
            for (Member m : members) {
                HeldMember member = new HeldMember(consumerProperties(user, groupId, m), topics, commitPlan, committed);
                running.add(member);
                member.thread.start();
            }
            Set<TopicPartition> subscribed = partitionsOf(topics);
            awaitCondition("group " + groupId + " to be Stable with all of " + topics + " assigned and "
                    + commitPlan.keySet() + " committed", () -> {
                running.forEach(HeldMember::rethrow);
                return committed.containsAll(commitPlan.keySet())
                        && isStableWithFullAssignment(groupId, members.size(), subscribed);
            });
            running.forEach(HeldMember::freeze);
            for (HeldMember m : running) {
                m.awaitFrozen();
            }
            if (!isStableWithFullAssignment(groupId, members.size(), subscribed)) {
                throw new IllegalStateException("group " + groupId + " did not stay Stable once its members stopped polling");
            }
            return group;
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
    }

    /**
     * Holds a classic group in the middle of a rebalance: one member joins, commits {@code commitPlan} and stops
     * polling; a second member then asks to join. The group waits in PreparingRebalance for the first member to
     * rejoin, which it does not do before {@link HeldGroup#close()} (its rebalance timeout is two minutes).
     *
     * @throws IllegalStateException when the group does not reach PreparingRebalance within a minute
     */
    public HeldGroup holdRebalancing(String user, String groupId, List<String> topics,
                                     Map<TopicPartition, Long> commitPlan) {
        Member first = new Member(groupId + "-1", null, "classic");
        HeldGroup group = holdStable(user, groupId, topics, List.of(first), commitPlan);
        try {
            HeldMember joiner = new HeldMember(consumerProperties(user, groupId,
                    new Member(groupId + "-2", null, "classic")), topics, Map.of(), ConcurrentHashMap.newKeySet());
            group.members.add(joiner);
            joiner.thread.start();
            awaitCondition("group " + groupId + " to be rebalancing", () -> {
                joiner.rethrow();
                return state(groupId) == GroupState.PREPARING_REBALANCE;
            });
            return group;
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
    }

    /**
     * Joins the group as one classic member, reads {@code topics} to their end, commits those positions and
     * leaves, so the group ends Empty with lag 0 everywhere.
     */
    public void consumeAllAndLeave(String user, String groupId, List<String> topics, String clientId) {
        Properties props = consumerProperties(user, groupId, new Member(clientId, null, "classic"));
        Set<TopicPartition> subscribed = partitionsOf(topics);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                consumer.poll(Duration.ofMillis(100));
                Set<TopicPartition> assigned = consumer.assignment();
                if (assigned.containsAll(subscribed) && atEnd(consumer, assigned)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("group " + groupId + " did not read " + topics + " to the end");
                }
            }
            consumer.commitSync(Duration.ofSeconds(30));
        }
    }

    /**
     * Commits offsets for a group without ever joining it (a manually assigned consumer), so the group exists
     * only through its committed offsets: Empty, no members, no assignment strategy.
     */
    public void commitWithoutJoining(String user, String groupId, Map<TopicPartition, Long> offsets) {
        Properties props = consumerProperties(user, groupId, new Member(groupId + "-committer", null, "classic"));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.assign(offsets.keySet());
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            offsets.forEach((tp, offset) -> commit.put(tp, new OffsetAndMetadata(offset)));
            consumer.commitSync(commit, Duration.ofSeconds(30));
        }
    }

    private static boolean atEnd(KafkaConsumer<String, String> consumer, Set<TopicPartition> assigned) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, Duration.ofSeconds(10));
        return assigned.stream().allMatch(tp -> consumer.position(tp, Duration.ofSeconds(10)) >= ends.get(tp));
    }

    private GroupState state(String groupId) {
        try {
            return admin.describeConsumerGroups(List.of(groupId)).all().get(10, TimeUnit.SECONDS).get(groupId)
                    .groupState();
        } catch (ExecutionException | TimeoutException e) {
            return GroupState.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private boolean isStableWithFullAssignment(String groupId, int memberCount, Set<TopicPartition> subscribed) {
        ConsumerGroupDescription d;
        try {
            d = admin.describeConsumerGroups(List.of(groupId)).all().get(10, TimeUnit.SECONDS).get(groupId);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Collection<MemberDescription> members = d.members();
        Set<TopicPartition> assigned = new HashSet<>();
        members.forEach(m -> assigned.addAll(m.assignment().topicPartitions()));
        return d.groupState() == GroupState.STABLE && members.size() == memberCount
                && members.stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty())
                && assigned.equals(subscribed);
    }

    private Set<TopicPartition> partitionsOf(List<String> topics) {
        try {
            Set<TopicPartition> partitions = new HashSet<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
            return partitions;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe " + topics, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Properties consumerProperties(String user, String groupId, Member member) {
        Properties props = broker.clientProperties(user);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, member.clientId());
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, member.groupProtocol());
        if (member.groupInstanceId() != null) {
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, member.groupInstanceId());
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        if ("classic".equals(member.groupProtocol())) {
            // a classic member that stops polling must still look alive for as long as a capture takes
            props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "45000");
            props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
            // also the group's rebalance timeout: how long a rebalance waits for a member that stopped polling
            props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "120000");
        }
        return props;
    }

    private static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + WAIT.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }

    /** Members kept joined and still; closing them makes them leave the group. */
    public static final class HeldGroup implements AutoCloseable {
        private final String groupId;
        private final List<HeldMember> members;

        private HeldGroup(String groupId, List<HeldMember> members) {
            this.groupId = groupId;
            this.members = members;
        }

        /** The group's id. */
        public String groupId() {
            return groupId;
        }

        /** Lets every member close its consumer (leaving the group) and waits for it. */
        @Override
        public void close() {
            members.forEach(HeldMember::release);
            for (HeldMember m : members) {
                m.join();
            }
        }
    }

    /** One consumer on its own thread (KafkaConsumer is single-threaded): polls and commits, then holds still. */
    private static final class HeldMember implements Runnable {
        private final Properties props;
        private final List<String> topics;
        private final Map<TopicPartition, Long> plan;
        private final Set<TopicPartition> committed;
        private final Thread thread;
        private final CountDownLatch frozen = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private volatile boolean freeze;

        HeldMember(Properties props, List<String> topics, Map<TopicPartition, Long> plan, Set<TopicPartition> committed) {
            this.props = props;
            this.topics = topics;
            this.plan = plan;
            this.committed = committed;
            this.thread = new Thread(this, "held-consumer-" + props.getProperty(ConsumerConfig.CLIENT_ID_CONFIG));
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                consumer.subscribe(topics);
                while (!freeze) {
                    consumer.poll(Duration.ofMillis(100));
                    commitDue(consumer);
                }
                frozen.countDown();
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                frozen.countDown();
            }
        }

        private void commitDue(KafkaConsumer<String, String> consumer) {
            Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>();
            for (TopicPartition tp : consumer.assignment()) {
                if (plan.containsKey(tp) && !committed.contains(tp)) {
                    due.put(tp, new OffsetAndMetadata(plan.get(tp)));
                }
            }
            if (due.isEmpty()) {
                return;
            }
            try {
                consumer.commitSync(due, Duration.ofSeconds(10));
                committed.addAll(due.keySet());
            } catch (CommitFailedException | RebalanceInProgressException | RetriableException e) {
                // a rebalance is under way: the partitions are committed by whoever holds them next
            }
        }

        void rethrow() {
            RuntimeException e = failure.get();
            if (e != null) {
                throw new IllegalStateException("consumer " + thread.getName() + " failed", e);
            }
        }

        void freeze() {
            freeze = true;
        }

        void awaitFrozen() {
            try {
                if (!frozen.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(thread.getName() + " did not stop polling");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            rethrow();
        }

        void release() {
            freeze = true;
            released.countDown();
        }

        void join() {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
