package dev.meshlens.synthetic;

import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.GroupMember;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.TopicPartition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The consumer groups of a synthetic mesh. Which groups exist is decided up front (a few hundred thousand
 * short strings for L); each group's members and offsets are produced when it is asked for, from the seed.
 *
 * <p>Per consuming service: usually one group named after it ({@code name} or {@code name-consumer}); one in
 * twenty has a main and a backfill group covered by a PREFIXED GROUP ACL; one in a hundred uses a
 * {@code legacy-batch-n} group that only {@code group-mapping.csv} ties to it; one in twenty-five has no group
 * at all (its permissions are never used). Groups are Stable and up to date (65 %), Stable and lagging (10 %),
 * replaying from far behind (2 %), Stable with a topic never committed (3 %), rebalancing while a member
 * joins (1 %), Empty with offsets (stopped, 15 %) or Empty without offsets (never consumed, 5 %). Lake exporters and the archiver always
 * consume; backfill groups are always stopped.
 */
final class GroupPlan {
    static final byte SINGLE = 0;
    static final byte MAIN = 1;
    static final byte BACKFILL = 2;
    static final byte LEGACY = 3;

    private static final long SALT_GROUPS = 40;
    private static final long SALT_STATE = 41;
    private static final long SALT_OFFSETS = 42;
    private static final long SALT_MEMBERS = 43;
    private static final long SALT_END = 44;
    private static final long SALT_EXTRA = 45;

    private enum Health { UP_TO_DATE, LAGGING, REPLAYING, PARTLY_COMMITTED, REBALANCING, STOPPED, NEVER_CONSUMED }

    /** One consumer group: its id, the service it belongs to and its kind. */
    record GroupRef(String groupId, int service, byte kind) {
    }

    private final Topology t;
    private final TopicPlan topics;
    private final List<GroupRef> groups;

    GroupPlan(Topology topology, TopicPlan topics) {
        this.t = topology;
        this.topics = topics;
        List<GroupRef> refs = new ArrayList<>();
        int legacy = 0;
        for (int s = 0; s < t.services; s++) {
            if (!consumes(s)) {
                continue;
            }
            String name = t.serviceNames[s];
            long h = Hash.of(t.seed, SALT_GROUPS, s);
            double u = Hash.unit(h);
            boolean platform = t.kind[s] != Topology.PROCESSOR && t.kind[s] != Topology.SINK;
            if (!platform && u < 0.04) {
                continue;
            } else if (!platform && u < 0.05) {
                refs.add(new GroupRef("legacy-batch-" + (++legacy), s, LEGACY));
            } else if (!platform && u < 0.10) {
                refs.add(new GroupRef(name + ".main", s, MAIN));
                refs.add(new GroupRef(name + ".backfill", s, BACKFILL));
            } else {
                refs.add(new GroupRef(Hash.unit(Hash.mix(h)) < 0.3 ? name + "-consumer" : name, s, SINGLE));
            }
        }
        refs.sort(Comparator.comparing(GroupRef::groupId));
        groups = List.copyOf(refs);
    }

    /** Whether the service reads anything (and so may have a group). */
    boolean consumes(int service) {
        return t.readStart[service + 1] > t.readStart[service] || t.kind[service] == Topology.LAKE_EXPORTER
                || t.kind[service] == Topology.ARCHIVER;
    }

    /** Every group, sorted by group id as {@code kafka-consumer-groups --describe} prints them. */
    List<GroupRef> groups() {
        return groups;
    }

    /** Produces every group in group id order. */
    void forEach(Consumer<ConsumerGroup> sink) {
        for (GroupRef ref : groups) {
            sink.accept(group(ref));
        }
    }

    ConsumerGroup group(GroupRef ref) {
        return group(ref, true);
    }

    /**
     * The group with its state, coordinator, strategy and members; with its offsets and the members'
     * assignments only when {@code complete} (the state view needs neither).
     */
    ConsumerGroup group(GroupRef ref, boolean complete) {
        Health health = health(ref);
        int[] consumed = health == Health.NEVER_CONSUMED || !complete && health == Health.STOPPED ? new int[0]
                : consumedProducts(ref);
        long h = Hash.of(t.seed, SALT_MEMBERS, ref.groupId().hashCode(), ref.service());
        boolean stable = health != Health.STOPPED && health != Health.NEVER_CONSUMED;
        String coordinator = topics.coordinatorOf(ref.groupId());

        int totalPartitions = 0;
        for (int p : consumed) {
            totalPartitions += t.partitions[p];
        }
        List<GroupMember> members = new ArrayList<>();
        String strategy = null;
        if (stable) {
            double protocol = Hash.unit(h);
            boolean consumerProtocol = protocol >= 0.85;
            strategy = consumerProtocol ? "uniform" : protocol < 0.70 ? "range" : "cooperative-sticky";
            int count = Math.min(8, 1 + Hash.below(Hash.mix(h), 3) + totalPartitions / 200);
            if (health == Health.REBALANCING) {
                // a classic group while a member joins: no protocol chosen yet, the newcomer holds nothing
                consumerProtocol = false;
                strategy = null;
                count = Math.max(2, count);
            }
            String[] memberIds = new String[count];
            for (int i = 0; i < count; i++) {
                long mh = Hash.of(t.seed, SALT_MEMBERS, h, i);
                String clientId = "consumer-" + ref.groupId() + "-" + (i + 1);
                memberIds[i] = consumerProtocol ? uuid22(mh) : clientId + "-" + uuid36(mh);
            }
            // Kafka's RangeAssignor orders members by id
            Arrays.sort(memberIds);
            int assigned = health == Health.REBALANCING ? count - 1 : count;
            List<List<TopicPartition>> assignments = new ArrayList<>(complete ? rangeAssign(consumed, assigned)
                    : java.util.Collections.nCopies(assigned, List.of()));
            while (assignments.size() < count) {
                assignments.add(List.of());
            }
            for (int i = 0; i < count; i++) {
                long mh = Hash.of(t.seed, SALT_MEMBERS, h, 100 + i);
                String host = "/10." + (mh >>> 8 & 0xff) + "." + (mh >>> 16 & 0xff) + "." + (1 + (mh >>> 24 & 0xfd));
                String clientId = clientIdOf(memberIds[i], ref.groupId(), i);
                members.add(new GroupMember(memberIds[i], clientId, host, assignments.get(i)));
            }
        }
        if (!complete) {
            return new ConsumerGroup(ref.groupId(), state(health), coordinator, strategy, members, List.of());
        }
        List<PartitionOffset> offsets = new ArrayList<>(totalPartitions);
        String[] ownerOf = stable ? memberByPartition(members, consumed) : null;
        int uncommittedTopic = health == Health.PARTLY_COMMITTED && consumed.length > 0
                ? consumed[Hash.below(Hash.mix(h + 7), consumed.length)] : -1;
        int index = 0;
        for (int p : consumed) {
            for (int partition = 0; partition < t.partitions[p]; partition++) {
                long end = topics.endOffset(p, partition);
                Long committed = p == uncommittedTopic ? null : committed(health, end,
                        Hash.of(t.seed, SALT_OFFSETS, ref.groupId().hashCode() * 31L + p, partition));
                offsets.add(new PartitionOffset(t.topics[p], partition, committed, end,
                        ownerOf == null ? null : ownerOf[index]));
                index++;
            }
        }
        return new ConsumerGroup(ref.groupId(), state(health), coordinator, strategy, members, offsets);
    }

    private static GroupState state(Health health) {
        return switch (health) {
            case STOPPED, NEVER_CONSUMED -> GroupState.EMPTY;
            case REBALANCING -> GroupState.PREPARING_REBALANCE;
            default -> GroupState.STABLE;
        };
    }

    private static String clientIdOf(String memberId, String groupId, int fallbackIndex) {
        // a classic member id is the client id, a dash and a UUID; consumer-protocol ids carry no client id
        String prefix = "consumer-" + groupId + "-";
        if (memberId.startsWith(prefix) && memberId.length() > 37) {
            return memberId.substring(0, memberId.length() - 37);
        }
        return prefix + (fallbackIndex + 1);
    }

    private Health health(GroupRef ref) {
        if (ref.kind() == BACKFILL) {
            return Health.STOPPED;
        }
        double u = Hash.unit(Hash.of(t.seed, SALT_STATE, ref.service(), ref.kind()));
        if (t.kind[ref.service()] == Topology.LAKE_EXPORTER || t.kind[ref.service()] == Topology.ARCHIVER) {
            return u < 0.8 ? Health.UP_TO_DATE : Health.LAGGING;
        }
        return u < 0.64 ? Health.UP_TO_DATE : u < 0.74 ? Health.LAGGING : u < 0.76 ? Health.REPLAYING
                : u < 0.79 ? Health.PARTLY_COMMITTED : u < 0.80 ? Health.REBALANCING : u < 0.95 ? Health.STOPPED
                : Health.NEVER_CONSUMED;
    }

    /** The products a group has offsets on, sorted by topic name. */
    int[] consumedProducts(GroupRef ref) {
        int s = ref.service();
        IntList products = new IntList();
        if (t.kind[s] == Topology.LAKE_EXPORTER) {
            for (int d : t.lakeDomains[s]) {
                for (int i = t.domainStart[d]; i < t.domainStart[d + 1]; i++) {
                    products.add(t.domainProducts[i]);
                }
            }
        } else if (t.kind[s] == Topology.ARCHIVER) {
            for (int p = 0; p < t.products; p++) {
                if (!t.piiDomain[t.domainOf[p]]) {
                    products.add(p);
                }
            }
        } else {
            for (int i = t.readStart[s]; i < t.readStart[s + 1]; i++) {
                boolean used = (t.readFlags[i] & Topology.UNUSED) == 0;
                boolean inBackfill = Hash.unit(Hash.of(t.seed, SALT_OFFSETS, s, t.reads[i])) < 0.3;
                if (used && (ref.kind() != BACKFILL || inBackfill)) {
                    products.add(t.reads[i]);
                }
            }
            if (ref.kind() == BACKFILL && products.size() == 0 && t.readStart[s + 1] > t.readStart[s]) {
                products.add(t.reads[t.readStart[s]]);
            }
            // one group in a hundred consumes a topic it has no READ permission on
            long extra = Hash.of(t.seed, SALT_EXTRA, s, ref.kind());
            if (ref.kind() != BACKFILL && Hash.unit(extra) < 0.01) {
                int p = Hash.below(Hash.mix(extra), t.products);
                if (!readable(s, p)) {
                    products.add(p);
                }
            }
        }
        int[] result = products.toArray();
        Integer[] boxed = Arrays.stream(result).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparing(p -> t.topics[p]));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).distinct().toArray();
    }

    /** Whether any ACL lets the service read the product (ignoring DENY). */
    private boolean readable(int service, int product) {
        return Arrays.binarySearch(t.reads, t.readStart[service], t.readStart[service + 1], product) >= 0
                || t.publicRead[product] || t.allGrant[product] && t.primaryWriter[product] == service;
    }

    private Long committed(Health health, long end, long h) {
        double u = Hash.unit(h);
        double v = Hash.unit(Hash.mix(h));
        long lag = switch (health) {
            case UP_TO_DATE, PARTLY_COMMITTED, REBALANCING -> u < 0.7 ? 0 : 1 + (long) (v * 200);
            case LAGGING -> 1_000 + (long) (v * Math.max(1, end * 0.3));
            case REPLAYING -> (long) (end * (0.8 + 0.15 * v));
            case STOPPED -> (long) (end * (0.05 + 0.45 * v));
            case NEVER_CONSUMED -> 0;
        };
        return Math.max(0, end - lag);
    }

    /** Kafka's RangeAssignor: per topic, contiguous ranges, the first members taking one extra partition. */
    private List<List<TopicPartition>> rangeAssign(int[] products, int members) {
        List<List<TopicPartition>> assignments = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            assignments.add(new ArrayList<>());
        }
        for (int p : products) {
            int n = t.partitions[p];
            int per = n / members;
            int extra = n % members;
            for (int i = 0; i < members; i++) {
                int start = i * per + Math.min(i, extra);
                int length = per + (i < extra ? 1 : 0);
                for (int partition = start; partition < start + length; partition++) {
                    assignments.get(i).add(new TopicPartition(t.topics[p], partition));
                }
            }
        }
        return assignments;
    }

    private String[] memberByPartition(List<GroupMember> members, int[] products) {
        int total = 0;
        int[] base = new int[products.length];
        for (int i = 0; i < products.length; i++) {
            base[i] = total;
            total += t.partitions[products[i]];
        }
        String[] owner = new String[total];
        for (GroupMember member : members) {
            int topicIndex = 0;
            for (TopicPartition tp : member.assignment()) {
                // assignments list topics in the consumed order, so a forward scan finds each topic
                while (!t.topics[products[topicIndex]].equals(tp.topic())) {
                    topicIndex++;
                }
                owner[base[topicIndex] + tp.partition()] = member.memberId();
            }
        }
        return owner;
    }

    private static String uuid36(long h) {
        long hi = Hash.mix(h);
        long lo = Hash.mix(hi);
        hi = (hi & 0xffffffffffff0fffL) | 0x0000000000004000L;
        lo = (lo & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new java.util.UUID(hi, lo).toString();
    }

    /** Kafka's {@code Uuid.toString()}: 16 bytes in URL-safe Base64 without padding, never starting with '-'. */
    static String uuid22(long h) {
        byte[] bytes = new byte[16];
        long a = Hash.mix(h);
        long b = Hash.mix(a);
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (a >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (b >>> (56 - 8 * i));
        }
        // Kafka draws again when the id would start with '-'; clearing the bits that make '-' (62) does the same
        bytes[0] = (byte) (bytes[0] & 0x7f);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
