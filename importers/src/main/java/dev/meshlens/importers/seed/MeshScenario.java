package dev.meshlens.importers.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A mesh to replay against a real broker: topics, ACLs, records with lineage headers, and consumer groups that
 * commit real offsets. The demo mesh is one ({@code demo-mesh.json} in the resources module).
 *
 * @param acls                 ACLs in the compact form {@code RESOURCE_TYPE PATTERN_TYPE NAME PRINCIPAL
 *                             OPERATION PERMISSION [HOST]}
 * @param revokeAfterConsuming ACLs (same form) deleted once the groups have committed, so that a group is left
 *                             consuming without permission, as happens when access is revoked
 * @param later                what changes after the first capture (the next day of the mesh); empty when the
 *                             scenario has no {@code later} block
 */
public record MeshScenario(String description, String cluster, List<TopicSpec> topics, List<String> acls,
                           List<RecordSpec> records, List<ConsumerSpec> consumers, List<String> revokeAfterConsuming,
                           Later later) {

    /**
     * @throws IllegalArgumentException when {@code later} stops a group that is not one of this scenario's
     *                                  groups left active
     */
    public MeshScenario {
        topics = topics == null ? List.of() : List.copyOf(topics);
        acls = acls == null ? List.of() : List.copyOf(acls);
        records = records == null ? List.of() : List.copyOf(records);
        consumers = consumers == null ? List.of() : List.copyOf(consumers);
        revokeAfterConsuming = revokeAfterConsuming == null ? List.of() : List.copyOf(revokeAfterConsuming);
        later = later == null ? Later.NONE : later;
        Set<String> activeGroups = new TreeSet<>();
        consumers.stream().filter(ConsumerSpec::staysActive).forEach(c -> activeGroups.add(c.group()));
        for (String group : later.stopGroups()) {
            if (!activeGroups.contains(group)) {
                throw new IllegalArgumentException("later.stopGroups: '" + group + "' is not a group the scenario "
                        + "leaves active; active groups are " + activeGroups);
            }
        }
    }

    /** A scenario without a {@code later} block. */
    public MeshScenario(String description, String cluster, List<TopicSpec> topics, List<String> acls,
                        List<RecordSpec> records, List<ConsumerSpec> consumers, List<String> revokeAfterConsuming) {
        this(description, cluster, topics, acls, records, consumers, revokeAfterConsuming, null);
    }

    /**
     * What happens to the mesh after the first capture, applied by
     * {@link ScenarioSeeder#seedLater(SeededMesh, Later)}: the same shapes as the scenario itself, in the same
     * order (topics, ACLs, records, groups, revocations), plus groups whose live member stops.
     *
     * @param records    records written now; their parents may be topics written before
     * @param stopGroups groups of the first part whose live member leaves, so they become Empty
     * @param catalog    the file name of the catalog sheet that describes the mesh from now on, or null when the
     *                   first one still does
     */
    public record Later(List<TopicSpec> topics, List<String> acls, List<RecordSpec> records,
                        List<ConsumerSpec> consumers, List<String> revokeAfterConsuming, List<String> stopGroups,
                        String catalog) {
        /** No changes. */
        public static final Later NONE = new Later(null, null, null, null, null, null, null);

        public Later {
            topics = topics == null ? List.of() : List.copyOf(topics);
            acls = acls == null ? List.of() : List.copyOf(acls);
            records = records == null ? List.of() : List.copyOf(records);
            consumers = consumers == null ? List.of() : List.copyOf(consumers);
            revokeAfterConsuming = revokeAfterConsuming == null ? List.of() : List.copyOf(revokeAfterConsuming);
            stopGroups = stopGroups == null ? List.of() : List.copyOf(stopGroups);
        }

        /** Whether this block changes nothing and names no catalog sheet. */
        public boolean isEmpty() {
            return topics.isEmpty() && acls.isEmpty() && records.isEmpty() && consumers.isEmpty()
                    && revokeAfterConsuming.isEmpty() && stopGroups.isEmpty() && catalog == null;
        }

        /** The ACLs to create, parsed. */
        public List<AclBinding> aclBindings() {
            return parseAcls(acls);
        }

        /** The ACLs to delete after this block's groups committed, parsed. */
        public List<AclBinding> revokedBindings() {
            return parseAcls(revokeAfterConsuming);
        }
    }

    /** A topic to create. */
    public record TopicSpec(String name, int partitions, Map<String, String> configs) {
        public TopicSpec {
            configs = configs == null ? Map.of() : Map.copyOf(configs);
        }
    }

    /**
     * Records a service writes to a topic.
     *
     * @param parents topics whose records this one derives from; several parents make a join
     * @param fanIn   how many records of each parent topic one record derives from (an aggregation when > 1)
     * @param headers false for a producer that writes no {@code lineage} header (a gap in record lineage)
     */
    public record RecordSpec(String topic, int count, String service, List<String> parents, Integer fanIn,
                             Boolean headers) {
        public RecordSpec {
            parents = parents == null ? List.of() : List.copyOf(parents);
            fanIn = fanIn == null ? 1 : fanIn;
            headers = headers == null || headers;
        }
    }

    /**
     * A consumer group run by a user.
     *
     * @param consumed the fraction of each partition's records the group commits (1.0 = caught up)
     * @param after    {@code active} keeps a live member in the group, {@code stopped} leaves it Empty
     */
    public record ConsumerSpec(String group, String user, List<String> topics, double consumed, String after) {
        public ConsumerSpec {
            topics = List.copyOf(topics);
            if (consumed < 0 || consumed > 1) {
                throw new IllegalArgumentException("group " + group + ": consumed must be between 0 and 1");
            }
            if (!"active".equals(after) && !"stopped".equals(after)) {
                throw new IllegalArgumentException("group " + group + ": after must be active or stopped");
            }
        }

        public boolean staysActive() {
            return "active".equals(after);
        }
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** Reads a scenario from JSON. */
    public static MeshScenario read(InputStream json) throws IOException {
        return MAPPER.readValue(json, MeshScenario.class);
    }

    /** The ACLs to create, parsed. */
    public List<AclBinding> aclBindings() {
        return parseAcls(acls);
    }

    /** The ACLs to delete after the groups committed, parsed. */
    public List<AclBinding> revokedBindings() {
        return parseAcls(revokeAfterConsuming);
    }

    /**
     * Every user name the scenario's principals and consumers use, those of the {@code later} block included
     * (for SASL/PLAIN credentials).
     */
    public Set<String> users() {
        Set<String> users = new TreeSet<>();
        List<AclBinding> all = new ArrayList<>(aclBindings());
        all.addAll(later.aclBindings());
        for (AclBinding acl : all) {
            String name = acl.principal().substring(acl.principal().indexOf(':') + 1);
            if (!"*".equals(name)) {
                users.add(name);
            }
        }
        consumers.forEach(c -> users.add(c.user()));
        later.consumers().forEach(c -> users.add(c.user()));
        return users;
    }

    private static List<AclBinding> parseAcls(List<String> lines) {
        List<AclBinding> result = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 6 || f.length > 7) {
                throw new IllegalArgumentException("ACL '" + line + "' is not RESOURCE_TYPE PATTERN_TYPE NAME "
                        + "PRINCIPAL OPERATION PERMISSION [HOST]");
            }
            result.add(new AclBinding(ResourceType.parse(f[0]), PatternType.parse(f[1]), f[2], f[3],
                    f.length == 7 ? f[6] : "*", AclOperation.parse(f[4]), AclPermission.parse(f[5])));
        }
        return result;
    }
}
