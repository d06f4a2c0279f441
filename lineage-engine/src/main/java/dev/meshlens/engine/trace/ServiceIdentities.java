package dev.meshlens.engine.trace;

import dev.meshlens.engine.model.Principal;
import dev.meshlens.engine.model.ServiceInfo;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches the service names of hops with principals. A {@code lineage} header names a service as its code
 * knows itself ({@code order-service}), the topology by the principal it authenticates as
 * ({@code User:order-service}); services.csv may give it a third name. A hop's service is taken for a principal
 * when it is the principal, the principal's name part, or the principal's name in services.csv, and only when
 * exactly one principal answers to it; otherwise the hop's name stands for itself.
 */
final class ServiceIdentities {
    private final Map<String, Set<String>> principalsByAlias = new HashMap<>();

    ServiceIdentities(Collection<String> principals, Collection<ServiceInfo> services) {
        principals.forEach(p -> alias(p, p));
        for (String p : principals) {
            try {
                alias(Principal.parse(p).name(), p);
            } catch (IllegalArgumentException e) {
                // not of the Type:name form: known by its full text only
            }
        }
        for (ServiceInfo service : services) {
            if (service.name() != null && !service.name().isBlank()) {
                alias(service.name().trim(), service.principal());
            }
        }
    }

    private void alias(String alias, String principal) {
        principalsByAlias.computeIfAbsent(alias, a -> new TreeSet<>()).add(principal);
    }

    /** The principal {@code service} names, or {@code service} itself when none or several could be meant. */
    String identity(String service) {
        if (service == null) {
            return null;
        }
        Set<String> principals = principalsByAlias.get(service);
        return principals != null && principals.size() == 1 ? principals.iterator().next() : service;
    }
}
