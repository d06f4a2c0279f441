package dev.meshlens.synthetic.format;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes ACL bindings exactly as {@code kafka-acls --bootstrap-server ... --list} (Kafka 4.x) prints them:
 * one block per resource pattern,
 * <pre>
 * Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`:
 * \t(principal=User:billing, host=*, operation=READ, permissionType=ALLOW)
 * \t(principal=User:audit, host=*, operation=DESCRIBE, permissionType=ALLOW)
 * (blank line)
 * </pre>
 * Kafka prints resources and entries in hash order; this writer keeps the order it is given.
 */
public final class KafkaAclListingWriter {
    private static final Comparator<AclBinding> RESOURCE_ORDER = Comparator.comparing(AclBinding::resourceType)
            .thenComparing(AclBinding::patternType).thenComparing(AclBinding::resourceName);

    private final Appendable out;
    private long lines;
    private long bindings;

    /** @param out where the listing goes; it is neither buffered nor closed here */
    public KafkaAclListingWriter(Appendable out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Writes the block of one resource pattern: its header, one line per binding and the blank line.
     *
     * @param bindings the bindings of that resource, at least one; each must name {@code type}, {@code pattern}
     *                 and {@code name}
     * @throws IllegalArgumentException when {@code bindings} is empty or holds a binding of another resource
     * @throws UncheckedIOException     when writing fails
     */
    public void resource(ResourceType type, PatternType pattern, String name, Collection<AclBinding> bindings) {
        if (bindings.isEmpty()) {
            throw new IllegalArgumentException("resource " + type + " " + pattern + " " + name + " has no binding;"
                    + " kafka-acls prints no block for it");
        }
        try {
            out.append("Current ACLs for resource `").append(resourcePattern(type, pattern, name)).append("`:\n");
            for (AclBinding binding : bindings) {
                if (binding.resourceType() != type || binding.patternType() != pattern
                        || !binding.resourceName().equals(name)) {
                    throw new IllegalArgumentException("binding " + binding + " does not belong to resource "
                            + resourcePattern(type, pattern, name));
                }
                out.append('\t').append(entry(binding)).append('\n');
            }
            out.append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines += bindings.size() + 2L;
        this.bindings += bindings.size();
    }

    /**
     * Writes any bindings, grouped into one block per resource pattern; resources in the order of
     * (resource type, pattern type, name), entries in the order given.
     *
     * @throws UncheckedIOException when writing fails
     */
    public void all(Collection<AclBinding> bindings) {
        Map<String, List<AclBinding>> grouped = new LinkedHashMap<>();
        bindings.stream().sorted(RESOURCE_ORDER).forEach(b -> grouped
                .computeIfAbsent(b.resourceType() + "\u0000" + b.patternType() + "\u0000" + b.resourceName(),
                        k -> new ArrayList<>()).add(b));
        for (List<AclBinding> block : grouped.values()) {
            AclBinding first = block.get(0);
            resource(first.resourceType(), first.patternType(), first.resourceName(), block);
        }
    }

    /** Lines written so far, blank lines included. */
    public long lines() {
        return lines;
    }

    /** Binding lines written so far. */
    public long bindings() {
        return bindings;
    }

    /** Kafka's {@code ResourcePattern.toString()}. */
    public static String resourcePattern(ResourceType type, PatternType pattern, String name) {
        return "ResourcePattern(resourceType=" + type.name() + ", name=" + name + ", patternType=" + pattern.name()
                + ")";
    }

    /** Kafka's {@code AccessControlEntry.toString()} for the entry of {@code binding}. */
    public static String entry(AclBinding binding) {
        return "(principal=" + binding.principal() + ", host=" + binding.host() + ", operation="
                + binding.operation().name() + ", permissionType=" + binding.permission().name() + ")";
    }
}
