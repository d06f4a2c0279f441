package dev.meshlens.engine.acl;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.PatternType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The ACL bindings of one resource type, indexed so that the bindings matching one resource name are found
 * without scanning: a hash map per literal name, one bucket for the literal wildcard {@code *}, and a hash map
 * per prefix probed once per distinct prefix length. Inside every bucket, bindings are grouped by principal so a
 * query only touches the requesting principal's bindings and those of the wildcard principal.
 *
 * <p>Immutable after construction, hence safe to share between threads.
 */
final class ResourceIndex {
    private static final Map<String, List<AclBinding>> EMPTY_BUCKET = Map.of();

    private final Map<String, Map<String, List<AclBinding>>> literal = new HashMap<>();
    private final Map<String, List<AclBinding>> wildcard = new HashMap<>();
    private final PrefixTable<Map<String, List<AclBinding>>> prefixed;
    /** Distinct prefix lengths, ascending: a name of length n can only match prefixes no longer than n. */
    private final int[] prefixLengths;
    private final Map<String, List<AclBinding>> allowsByPrincipal = new HashMap<>();

    /** Indexes {@code bindings}, which must all be of one resource type. */
    ResourceIndex(Collection<AclBinding> bindings) {
        TreeSet<Integer> lengths = new TreeSet<>();
        Map<String, Map<String, List<AclBinding>>> byPrefix = new HashMap<>();
        for (AclBinding b : bindings) {
            Map<String, List<AclBinding>> bucket;
            if (b.isWildcardResource()) {
                bucket = wildcard;
            } else if (b.patternType() == PatternType.LITERAL) {
                bucket = literal.computeIfAbsent(b.resourceName(), k -> new HashMap<>());
            } else {
                bucket = byPrefix.computeIfAbsent(b.resourceName(), k -> new HashMap<>());
                lengths.add(b.resourceName().length());
            }
            bucket.computeIfAbsent(b.principal(), k -> new ArrayList<>(2)).add(b);
            if (b.permission() == AclPermission.ALLOW) {
                allowsByPrincipal.computeIfAbsent(b.principal(), k -> new ArrayList<>()).add(b);
            }
        }
        prefixLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
        prefixed = new PrefixTable<>(byPrefix);
    }

    /**
     * Visits every binding whose resource pattern matches {@code name} and whose principal is {@code principal}
     * or the wildcard principal. Hosts and operations are not checked here.
     */
    void forEachMatching(String name, String principal, Consumer<AclBinding> action) {
        forEachMatchingBucket(name, bucket -> {
            visit(bucket.get(principal), action);
            if (!AclAuthorizer.WILDCARD_PRINCIPAL.equals(principal)) {
                visit(bucket.get(AclAuthorizer.WILDCARD_PRINCIPAL), action);
            }
        });
    }

    /** Visits, per principal (the wildcard principal included), the bindings whose pattern matches {@code name}. */
    void forEachMatchingByPrincipal(String name, BiConsumer<String, List<AclBinding>> action) {
        forEachMatchingBucket(name, bucket -> bucket.forEach(action));
    }

    /** The ALLOW bindings naming {@code principal} itself (not those of the wildcard principal), any pattern. */
    List<AclBinding> allowsOf(String principal) {
        return allowsByPrincipal.getOrDefault(principal, List.of());
    }

    private void forEachMatchingBucket(String name, Consumer<Map<String, List<AclBinding>>> action) {
        action.accept(literal.getOrDefault(name, EMPTY_BUCKET));
        if (wildcardApplies(name)) {
            action.accept(wildcard);
        }
        // String.hashCode is a rolling hash, so the hash of every leading part of the name comes from one pass
        // over its characters and no substring is cut: this runs for every (principal, name) a lineage asks about
        int hash = 0;
        int hashed = 0;
        for (int length : prefixLengths) {
            if (length > name.length()) {
                break;
            }
            while (hashed < length) {
                hash = 31 * hash + name.charAt(hashed++);
            }
            Map<String, List<AclBinding>> bucket = prefixed.get(name, length, hash);
            if (bucket != null) {
                action.accept(bucket);
            }
        }
    }

    /**
     * Whether LITERAL {@code *} bindings apply to {@code name}. They apply to every name except those that start
     * with {@code *} and are longer: Kafka's StandardAuthorizerData scans bindings in name order and treats
     * {@code *} as a plain literal when it is a proper prefix of the requested name, so a group
     * {@code *orders} is not covered by the wildcard. Topic names cannot contain {@code *}; group and
     * transactional ids can. Verified against Kafka 4.3.1 by the importers' differential test.
     */
    static boolean wildcardApplies(String name) {
        return name.isEmpty() || name.charAt(0) != '*' || name.length() == 1;
    }

    private static void visit(List<AclBinding> bindings, Consumer<AclBinding> action) {
        if (bindings != null) {
            bindings.forEach(action);
        }
    }

    @Override
    public String toString() {
        return "ResourceIndex[literal=" + literal.size() + ", wildcardPrincipals=" + wildcard.size() + ", prefixes="
                + prefixed.size + ", prefixLengths=" + Arrays.toString(prefixLengths) + "]";
    }

    /**
     * An open-addressing table of prefixes, looked up by a name, a length and the hash of the name's first
     * {@code length} characters, so that matching a name against every prefix length allocates nothing.
     */
    static final class PrefixTable<T> {
        private final String[] keys;
        private final int[] hashes;
        private final Object[] values;
        private final int mask;
        private final int size;

        PrefixTable(Map<String, T> entries) {
            int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
            keys = new String[capacity];
            hashes = new int[capacity];
            values = new Object[capacity];
            mask = capacity - 1;
            size = entries.size();
            entries.forEach((key, value) -> {
                int hash = key.hashCode();
                int i = spread(hash) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = key;
                hashes[i] = hash;
                values[i] = value;
            });
        }

        /** The value of the prefix {@code name.substring(0, length)}, whose String hash is {@code hash}. */
        @SuppressWarnings("unchecked")
        T get(String name, int length, int hash) {
            for (int i = spread(hash) & mask; keys[i] != null; i = (i + 1) & mask) {
                String key = keys[i];
                if (hashes[i] == hash && key.length() == length && name.startsWith(key)) {
                    return (T) values[i];
                }
            }
            return null;
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }
}
