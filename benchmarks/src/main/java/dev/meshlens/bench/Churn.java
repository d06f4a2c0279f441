package dev.meshlens.bench;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Daily churn of a mesh, deterministic by seed: each day about {@code rate} of the base facts change, and a fact
 * keeps its latest change until it changes again. Facts are told apart by their position in the (deterministic)
 * stream of the synthetic mesh. A changed fact becomes:
 * <ul>
 *   <li>ACL binding: removed, or kept with a new READ grant on the same resource to a churn principal (ACL adds
 *       and removes, so lineage edges come and go);</li>
 *   <li>consumer group: its committed and end offsets moved forward (offset moves);</li>
 *   <li>data product: a new description revision (catalog edits);</li>
 *   <li>topic: a new {@code retention.ms}; service: a new display name;</li>
 *   <li>group mappings do not change.</li>
 * </ul>
 * Days must be applied in order, starting at day 1; day 0 is the mesh itself.
 */
final class Churn {
    private final long seed;
    private final double rate;
    /** The day each base fact last changed, by stream position; 0 while unchanged. */
    private int[] lastChange = new int[0];
    /** The number of base facts, learnt on day 0. */
    private int facts;
    private int day;

    Churn(long seed, double rate) {
        this.seed = seed;
        this.rate = rate;
    }

    /**
     * Moves to the next day: draws which facts change. The number of facts is learnt from the first stream, so
     * the first call happens after day 0 was streamed through {@link #sink(MeshSink)}.
     *
     * @return how many facts changed this day
     */
    int nextDay() {
        day++;
        int changed = 0;
        long threshold = (long) (rate * (1L << 53));
        for (int i = 0; i < facts; i++) {
            if (mix(mix(seed * 0x9E3779B97F4A7C15L + day) + i) >>> 11 < threshold) {
                lastChange[i] = day;
                changed++;
            }
        }
        return changed;
    }

    /** The current day: 0 before the first {@link #nextDay()}. */
    int day() {
        return day;
    }

    /** A sink that passes the current day's version of every fact on to {@code target}. */
    MeshSink sink(MeshSink target) {
        return new Sink(target);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private final class Sink implements MeshSink {
        private final MeshSink target;
        private int position;

        Sink(MeshSink target) {
            this.target = target;
        }

        /** The day the next fact last changed, 0 for the base version; learns the fact count on day 0. */
        private int version() {
            int i = position++;
            if (day > 0 && i >= facts) {
                throw new IllegalStateException("the mesh streamed more facts than on day 0");
            }
            if (i >= lastChange.length) {
                lastChange = Arrays.copyOf(lastChange, Math.max(1024, lastChange.length * 2));
            }
            facts = Math.max(facts, i + 1);
            return lastChange[i];
        }

        /** A draw for the changed fact at the previous position, stable for that fact and version. */
        private long draw(int version) {
            return mix(mix(seed ^ 0x5DEECE66DL) + (long) (position - 1) * 31 + version);
        }

        @Override
        public void cover(SourceKind source) {
            target.cover(source);
        }

        @Override
        public void acl(AclBinding acl) {
            int v = version();
            if (v == 0) {
                target.acl(acl);
                return;
            }
            long draw = draw(v);
            if ((draw & 1) == 0) {
                return; // removed
            }
            target.acl(acl);
            target.acl(new AclBinding(acl.resourceType(), acl.patternType(), acl.resourceName(),
                    "User:churn-" + Long.remainderUnsigned(draw >>> 1, 997), "*", AclOperation.READ,
                    AclPermission.ALLOW));
        }

        @Override
        public void topic(Topic topic) {
            int v = version();
            if (v == 0) {
                target.topic(topic);
                return;
            }
            Map<String, String> configs = new TreeMap<>(topic.configs());
            configs.put("retention.ms", Long.toString(3_600_000L * (1 + Long.remainderUnsigned(draw(v), 720))));
            target.topic(new Topic(topic.name(), topic.topicId(), topic.partitions(), topic.replicationFactor(),
                    configs));
        }

        @Override
        public void group(ConsumerGroup group) {
            int v = version();
            if (v == 0) {
                target.group(group);
                return;
            }
            long moved = 1000L * v;
            List<PartitionOffset> offsets = new ArrayList<>(group.offsets().size());
            for (PartitionOffset o : group.offsets()) {
                offsets.add(new PartitionOffset(o.topic(), o.partition(),
                        o.committedOffset() == null ? null : o.committedOffset() + moved,
                        o.endOffset() == null ? null : o.endOffset() + moved + Long.remainderUnsigned(draw(v), 500),
                        o.memberId()));
            }
            target.group(new ConsumerGroup(group.groupId(), group.state(), group.coordinator(),
                    group.assignmentStrategy(), group.members(), offsets));
        }

        @Override
        public void product(DataProduct p) {
            int v = version();
            if (v == 0) {
                target.product(p);
                return;
            }
            String description = (p.description() == null ? "" : p.description() + " ") + "(revision " + v + ")";
            target.product(new DataProduct(p.name(), p.topic(), p.cluster(), p.bootstrapUri(), p.domain(), p.owner(),
                    description, p.slaTier(), p.quality(), p.tags(), p.schemaUri(), p.lifecycle()));
        }

        @Override
        public void service(ServiceInfo s) {
            int v = version();
            target.service(v == 0 ? s
                    : new ServiceInfo(s.principal(), (s.name() == null ? s.principal() : s.name()) + " (revision " + v
                    + ")", s.owner(), s.tier(),
                    s.production()));
        }

        @Override
        public void groupMapping(GroupMapping mapping) {
            version();
            target.groupMapping(mapping);
        }

        @Override
        public void schema(SchemaVersion schema) {
            version();
            target.schema(schema);
        }

        @Override
        public void hop(RecordHop hop) {
            version();
            target.hop(hop);
        }
    }
}
