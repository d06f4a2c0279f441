package dev.meshlens.engine.acl;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Resolves ACL bindings exactly as Kafka's {@code StandardAuthorizer} does with
 * {@code allow.everyone.if.no.acl.found=false}:
 * <ul>
 *   <li>a binding matches a resource by LITERAL name, by the LITERAL wildcard name {@code *}, or by PREFIXED
 *       name (the resource name starts with the binding's name);</li>
 *   <li>it matches the requesting principal when it names that principal or the wildcard principal
 *       {@code User:*} (string equality on {@code Type:name}, as Kafka compares principals);</li>
 *   <li>it matches the client host when it names that host exactly or {@code *};</li>
 *   <li>operation ALL matches every operation; an ALLOW of READ, WRITE, DELETE or ALTER also grants DESCRIBE, an
 *       ALLOW of ALTER_CONFIGS also grants DESCRIBE_CONFIGS (a DENY implies nothing beyond its operation);</li>
 *   <li>any matching DENY denies; otherwise a matching ALLOW allows; otherwise the request is denied;</li>
 *   <li>super users are allowed everything.</li>
 * </ul>
 * The bindings are indexed at construction (see {@link ResourceIndex}), so a query costs a few hash lookups
 * whatever the number of bindings. Instances are immutable and thread-safe.
 */
public final class AclAuthorizer {

    /** Kafka's wildcard principal, which every principal matches. */
    public static final String WILDCARD_PRINCIPAL = "User:*";
    /** {@link #specificity} when no ALLOW binding grants the operation. */
    public static final int NO_MATCH = -1;
    /** {@link #specificity} of a grant through the LITERAL wildcard name {@code *} (or a super user's). */
    public static final int WILDCARD_SPECIFICITY = 0;
    /** {@link #specificity} of a grant through a LITERAL binding on the exact name. */
    public static final int LITERAL_SPECIFICITY = Integer.MAX_VALUE;

    /** Operations whose ALLOW implies DESCRIBE. */
    private static final Set<AclOperation> IMPLIES_DESCRIBE = EnumSet.of(AclOperation.DESCRIBE, AclOperation.READ,
            AclOperation.WRITE, AclOperation.DELETE, AclOperation.ALTER);
    /** Operations whose ALLOW implies DESCRIBE_CONFIGS. */
    private static final Set<AclOperation> IMPLIES_DESCRIBE_CONFIGS = EnumSet.of(AclOperation.DESCRIBE_CONFIGS,
            AclOperation.ALTER_CONFIGS);

    private final Map<ResourceType, ResourceIndex> indexes = new EnumMap<>(ResourceType.class);
    private final Set<String> superUsers;
    private final SortedSet<String> principals;
    private final int size;

    /**
     * Indexes {@code bindings}, with no super users.
     *
     * @throws NullPointerException when {@code bindings} or one of them is null
     */
    public AclAuthorizer(Collection<AclBinding> bindings) {
        this(bindings, Set.of());
    }

    /**
     * Indexes {@code bindings}.
     *
     * @param superUsers principals ({@code User:admin}) allowed everything, as Kafka's {@code super.users}
     * @throws NullPointerException when an argument or one of the bindings is null
     */
    public AclAuthorizer(Collection<AclBinding> bindings, Collection<String> superUsers) {
        Map<ResourceType, List<AclBinding>> byType = new EnumMap<>(ResourceType.class);
        TreeSet<String> named = new TreeSet<>();
        for (AclBinding b : bindings) {
            Objects.requireNonNull(b, "binding");
            byType.computeIfAbsent(b.resourceType(), t -> new ArrayList<>()).add(b);
            if (!WILDCARD_PRINCIPAL.equals(b.principal())) {
                named.add(b.principal());
            }
        }
        byType.forEach((type, list) -> indexes.put(type, new ResourceIndex(list)));
        this.superUsers = Set.copyOf(superUsers);
        this.principals = Collections.unmodifiableSortedSet(named);
        this.size = bindings.size();
    }

    /**
     * Decides one request as Kafka's StandardAuthorizer would.
     *
     * @param principal the requesting principal, e.g. {@code User:alice}
     * @param host      the client address as Kafka sees it, e.g. {@code 10.0.0.5}
     * @param name      the literal resource name (for CLUSTER, {@code kafka-cluster})
     * @return true when allowed: super user, or some matching ALLOW and no matching DENY
     */
    public boolean authorize(String principal, String host, AclOperation op, ResourceType type, String name) {
        Objects.requireNonNull(host, "host");
        checkRequest(principal, op, type, name);
        if (superUsers.contains(principal)) {
            return true;
        }
        ResourceIndex index = indexes.get(type);
        if (index == null) {
            return false;
        }
        boolean[] allowDeny = new boolean[2];
        index.forEachMatching(name, principal, b -> {
            if (grants(b, op) && matchesHost(b, host)) {
                allowDeny[b.permission() == AclPermission.ALLOW ? 0 : 1] = true;
            }
        });
        return allowDeny[0] && !allowDeny[1];
    }

    /**
     * The hosts from which {@code principal} may perform {@code op} on the resource: {@code authorize(principal,
     * h, op, type, name)} is true exactly for the hosts {@code h} the result {@link HostScope#allows allows}.
     *
     * @return {@link HostScope#none()} when no host is allowed, {@link HostScope#any()} for super users
     */
    public HostScope hostsAllowed(String principal, AclOperation op, ResourceType type, String name) {
        checkRequest(principal, op, type, name);
        if (superUsers.contains(principal)) {
            return HostScope.any();
        }
        ResourceIndex index = indexes.get(type);
        if (index == null) {
            return HostScope.none();
        }
        Set<String> allowHosts = new HashSet<>(2);
        Set<String> denyHosts = new HashSet<>(2);
        index.forEachMatching(name, principal, b -> {
            if (grants(b, op)) {
                (b.permission() == AclPermission.ALLOW ? allowHosts : denyHosts).add(b.host());
            }
        });
        return HostScope.resolve(allowHosts, denyHosts);
    }

    /**
     * Which of {@code names} {@code principal} may perform {@code op} on, from which hosts. Candidates come from
     * the principal's own and the wildcard principal's ALLOW bindings (a literal name, a range of the sorted
     * names for a prefix, every name for {@code *}); each candidate is then confirmed with
     * {@link #hostsAllowed}, so DENY bindings apply. Names allowed from no host are left out.
     *
     * @param names the resource names to consider, e.g. every known topic
     * @return the allowed names, sorted, each with the hosts it is allowed from
     */
    public SortedMap<String, HostScope> resourcesAllowed(String principal, AclOperation op, ResourceType type,
                                                         NavigableSet<String> names) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(names, "names");
        SortedMap<String, HostScope> allowed = new TreeMap<>();
        ResourceIndex index = indexes.get(type);
        if (!superUsers.contains(principal) && index == null) {
            return allowed;
        }
        for (String name : candidates(principal, op, index, names)) {
            HostScope hosts = hostsAllowed(principal, op, type, name);
            if (!hosts.isEmpty()) {
                allowed.put(name, hosts);
            }
        }
        return allowed;
    }

    /**
     * Which of {@code topics} {@code principal} may perform {@code op} on from at least one host.
     *
     * @return the allowed topics, sorted
     */
    public SortedSet<String> topicsAllowed(String principal, AclOperation op, Collection<String> topics) {
        return new TreeSet<>(resourcesAllowed(principal, op, ResourceType.TOPIC, new TreeSet<>(topics)).keySet());
    }

    /**
     * Which of {@code principals} may perform {@code op} on the resource from at least one host. A binding of
     * the wildcard principal makes every one of {@code principals} a candidate; each candidate is confirmed
     * with {@link #hostsAllowed}.
     *
     * @param principals the principals to consider (the wildcard principal itself is considered only if listed)
     * @return the allowed principals, sorted, each with the hosts it is allowed from
     */
    public SortedMap<String, HostScope> principalsAllowed(AclOperation op, ResourceType type, String name,
                                                          Collection<String> principals) {
        checkRequest(WILDCARD_PRINCIPAL, op, type, name);
        Set<String> wanted = principals instanceof Set<String> set ? set : new HashSet<>(principals);
        Set<String> candidates = new HashSet<>();
        // super users are few and the wanted principals may be a whole mesh's: look the few up in the many
        for (String p : superUsers) {
            if (wanted.contains(p)) {
                candidates.add(p);
            }
        }
        ResourceIndex index = indexes.get(type);
        if (index != null) {
            boolean[] everyone = new boolean[1];
            index.forEachMatchingByPrincipal(name, (p, bindings) -> {
                if (bindings.stream().anyMatch(b -> b.permission() == AclPermission.ALLOW && grants(b, op))) {
                    if (WILDCARD_PRINCIPAL.equals(p)) {
                        everyone[0] = true;
                    }
                    if (wanted.contains(p)) {
                        candidates.add(p);
                    }
                }
            });
            if (everyone[0]) {
                candidates.addAll(wanted);
            }
        }
        SortedMap<String, HostScope> allowed = new TreeMap<>();
        for (String p : candidates) {
            HostScope hosts = hostsAllowed(p, op, type, name);
            if (!hosts.isEmpty()) {
                allowed.put(p, hosts);
            }
        }
        return allowed;
    }

    /**
     * How specifically the ALLOW bindings that grant {@code op} to {@code principal} (directly or through the
     * wildcard principal) name the resource, ignoring hosts and DENY bindings: {@link #LITERAL_SPECIFICITY} for
     * a LITERAL binding on the exact name, the prefix length for the longest matching PREFIXED binding,
     * {@link #WILDCARD_SPECIFICITY} for the name {@code *}, {@link #NO_MATCH} when none. Greater is more specific.
     * A super user with no such binding gets {@link #WILDCARD_SPECIFICITY}.
     */
    public int specificity(String principal, AclOperation op, ResourceType type, String name) {
        checkRequest(principal, op, type, name);
        int[] best = {superUsers.contains(principal) ? WILDCARD_SPECIFICITY : NO_MATCH};
        ResourceIndex index = indexes.get(type);
        if (index != null) {
            index.forEachMatching(name, principal, b -> {
                if (b.permission() == AclPermission.ALLOW && grants(b, op)) {
                    best[0] = Math.max(best[0], specificityOf(b));
                }
            });
        }
        return best[0];
    }

    /** Every principal some binding names, except the wildcard principal; sorted. */
    public SortedSet<String> principals() {
        return principals;
    }

    /** The number of bindings indexed. */
    public int size() {
        return size;
    }

    /**
     * Whether binding {@code b} covers operation {@code op}, as Kafka's StandardAuthorizerData.findResult does:
     * ALL covers everything; implications (DESCRIBE, DESCRIBE_CONFIGS) hold for ALLOW bindings only.
     */
    static boolean grants(AclBinding b, AclOperation op) {
        if (b.operation() == AclOperation.ALL) {
            return true;
        }
        if (b.permission() == AclPermission.ALLOW) {
            if (op == AclOperation.DESCRIBE) {
                return IMPLIES_DESCRIBE.contains(b.operation());
            }
            if (op == AclOperation.DESCRIBE_CONFIGS) {
                return IMPLIES_DESCRIBE_CONFIGS.contains(b.operation());
            }
        }
        return b.operation() == op;
    }

    private static boolean matchesHost(AclBinding b, String host) {
        return HostScope.ANY_HOST.equals(b.host()) || b.host().equals(host);
    }

    private static int specificityOf(AclBinding b) {
        if (b.isWildcardResource()) {
            return WILDCARD_SPECIFICITY;
        }
        return b.patternType() == PatternType.LITERAL ? LITERAL_SPECIFICITY : b.resourceName().length();
    }

    /** The names among {@code names} that some ALLOW binding applying to {@code principal} could grant. */
    private Collection<String> candidates(String principal, AclOperation op, ResourceIndex index,
                                          NavigableSet<String> names) {
        if (superUsers.contains(principal)) {
            return names;
        }
        Set<String> candidates = new HashSet<>();
        for (String p : WILDCARD_PRINCIPAL.equals(principal) ? List.of(principal)
                : List.of(principal, WILDCARD_PRINCIPAL)) {
            for (AclBinding b : index.allowsOf(p)) {
                if (!grants(b, op)) {
                    continue;
                }
                if (b.isWildcardResource()) {
                    return names;
                }
                if (b.patternType() == PatternType.LITERAL) {
                    if (names.contains(b.resourceName())) {
                        candidates.add(b.resourceName());
                    }
                } else {
                    for (String name : names.tailSet(b.resourceName(), true)) {
                        if (!name.startsWith(b.resourceName())) {
                            break;
                        }
                        candidates.add(name);
                    }
                }
            }
        }
        return candidates;
    }

    private static void checkRequest(String principal, AclOperation op, ResourceType type, String name) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "AclAuthorizer[" + size + " bindings, " + principals.size() + " principals, superUsers=" + superUsers
                + "]";
    }
}
