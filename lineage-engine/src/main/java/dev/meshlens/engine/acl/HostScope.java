package dev.meshlens.engine.acl;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The client hosts from which a permission holds. Kafka matches an ACL's host by exact string equality with the
 * client address, {@code *} matching every host; a permission therefore holds either from every host except
 * some (an ALLOW from {@code *}, minus the hosts a DENY names) or only from a finite set of hosts.
 *
 * @param anyHost whether the permission holds from every host except {@code hosts}; when false it holds from
 *                exactly {@code hosts}
 * @param hosts   the excluded hosts when {@code anyHost}, the included hosts otherwise; sorted, never {@code *}
 */
public record HostScope(boolean anyHost, SortedSet<String> hosts) {

    /** The host name Kafka uses for "every host". */
    public static final String ANY_HOST = "*";

    private static final HostScope NONE = new HostScope(false, new TreeSet<>());
    private static final HostScope ANY = new HostScope(true, new TreeSet<>());

    /**
     * @throws NullPointerException     when {@code hosts} is null
     * @throws IllegalArgumentException when {@code hosts} names {@code *}, which is what {@code anyHost} is for
     */
    public HostScope {
        Objects.requireNonNull(hosts, "hosts");
        if (hosts.contains(ANY_HOST)) {
            throw new IllegalArgumentException("hosts must name concrete hosts; use anyHost for '*'");
        }
        hosts = Collections.unmodifiableSortedSet(new TreeSet<>(hosts));
    }

    /** The scope of a permission that holds from no host at all. */
    public static HostScope none() {
        return NONE;
    }

    /** The scope of a permission that holds from every host. */
    public static HostScope any() {
        return ANY;
    }

    /**
     * Combines the hosts of the ALLOW and DENY bindings that match one request (principal, operation, resource)
     * the way Kafka does per host: allowed from host h when some ALLOW names h or {@code *} and no DENY does.
     *
     * @param allowHosts hosts of the matching ALLOW bindings, possibly {@code *}
     * @param denyHosts  hosts of the matching DENY bindings, possibly {@code *}
     * @return the hosts from which the request is allowed; {@link #none()} when a DENY names {@code *}
     */
    public static HostScope resolve(Collection<String> allowHosts, Collection<String> denyHosts) {
        if (denyHosts.contains(ANY_HOST) || allowHosts.isEmpty()) {
            return NONE;
        }
        if (allowHosts.contains(ANY_HOST)) {
            return denyHosts.isEmpty() ? ANY : new HostScope(true, new TreeSet<>(denyHosts));
        }
        TreeSet<String> allowed = new TreeSet<>(allowHosts);
        allowed.removeAll(denyHosts);
        return allowed.isEmpty() ? NONE : new HostScope(false, allowed);
    }

    /** Whether the permission holds from no host, i.e. it is not granted at all. */
    public boolean isEmpty() {
        return !anyHost && hosts.isEmpty();
    }

    /**
     * Whether the permission holds for a client connecting from {@code host}, compared as Kafka compares it
     * (exact string equality with the client address).
     */
    public boolean allows(String host) {
        return anyHost ? !hosts.contains(host) : hosts.contains(host);
    }

    /**
     * The scope as short strings for output: {@code ["*"]} for every host, {@code ["*", "!10.0.0.9"]} for every
     * host but 10.0.0.9, {@code ["10.0.0.5"]} for one host, {@code []} for none.
     */
    @JsonValue
    public List<String> labels() {
        List<String> labels = new ArrayList<>(hosts.size() + 1);
        if (anyHost) {
            labels.add(ANY_HOST);
            hosts.forEach(h -> labels.add("!" + h));
        } else {
            labels.addAll(hosts);
        }
        return List.copyOf(labels);
    }

    @Override
    public String toString() {
        return String.join(",", labels());
    }
}
