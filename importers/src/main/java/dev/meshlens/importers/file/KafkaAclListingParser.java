package dev.meshlens.importers.file;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.SourceKind;

import java.io.IOException;
import java.io.Reader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code kafka-acls --list} output into one {@link AclBinding} per ACL and covers
 * {@link SourceKind#ACLS}. Understands every layout Kafka has printed:
 *
 * <pre>
 * Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`:
 *  	(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)          (2.4 and later)
 *
 * Current ACLs for resource `Topic:LITERAL:orders`:
 *  	User:alice has Allow permission for operations: Read from hosts: *            (2.0 to 2.3)
 *
 * Current ACLs for resource `Topic:orders`:                                        (before 2.0: LITERAL)
 * </pre>
 * Resource names and principals may contain spaces, commas and colons; hosts may not. The order of resources
 * and entries is irrelevant (Kafka's own order is not stable). {@code ACLs for principal `...`} lines (from
 * {@code --principal}) and the tool's log lines are skipped.
 */
public final class KafkaAclListingParser implements MeshFileParser {
    private static final Pattern HEADER = Pattern.compile("^Current ACLs for resource `(.*)`:\\s*$");
    private static final Pattern PRINCIPAL_NOTE = Pattern.compile("^ACLs for principal `.*`\\s*$");
    private static final Pattern RESOURCE_PATTERN = Pattern.compile(
            "^ResourcePattern\\(resourceType=([A-Za-z_]+), name=(.*), patternType=([A-Za-z_]+)\\)$");
    private static final Pattern ENTRY = Pattern.compile(
            "^\\(principal=(.*), host=([^,]*), operation=([A-Za-z_]+), permissionType=([A-Za-z_]+)\\)$");
    private static final Pattern LEGACY_ENTRY = Pattern.compile(
            "^(.+) has (\\w+) permission for operations: (.+) from hosts: (.+)$");
    private static final String EXPECTED_LINE = "'Current ACLs for resource `...`:' or an ACL entry like "
            + "'(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)'";

    /**
     * {@inheritDoc}
     *
     * @throws InputException at the first line that is neither a resource header, an ACL entry, blank nor a
     *                        skipped note, and for unknown resource types, pattern types, operations or
     *                        permissions (naming them)
     */
    @Override
    public void parse(String fileName, Reader reader, MeshSink sink) throws IOException {
        KafkaCliFormats.Lines lines = new KafkaCliFormats.Lines(reader);
        Resource resource = null;
        String line;
        while ((line = lines.next()) != null) {
            String text = line.strip();
            if (text.isEmpty() || KafkaCliFormats.isToolLogLine(text) || PRINCIPAL_NOTE.matcher(text).matches()) {
                continue;
            }
            Matcher header = HEADER.matcher(text);
            if (header.matches()) {
                resource = resource(fileName, lines.number(), header.group(1));
                continue;
            }
            boolean entry = ENTRY.matcher(text).matches() || LEGACY_ENTRY.matcher(text).matches();
            if (!entry) {
                throw KafkaCliFormats.expected(fileName, lines.number(), EXPECTED_LINE, line);
            }
            if (resource == null) {
                throw KafkaCliFormats.expected(fileName, lines.number(),
                        "'Current ACLs for resource `...`:' before the first ACL entry", line);
            }
            emitEntry(fileName, lines.number(), resource, text, sink);
        }
        sink.cover(SourceKind.ACLS);
    }

    private static void emitEntry(String fileName, long lineNumber, Resource resource, String text, MeshSink sink) {
        Matcher current = ENTRY.matcher(text);
        if (current.matches()) {
            sink.acl(binding(fileName, lineNumber, resource, current.group(1), current.group(2), current.group(3),
                    current.group(4)));
            return;
        }
        Matcher legacy = LEGACY_ENTRY.matcher(text);
        if (!legacy.matches()) {
            throw new IllegalStateException("entry was matched before: " + text);
        }
        // the pre-2.4 layout groups operations and hosts: one binding per operation and host
        for (String operation : legacy.group(3).split(",")) {
            for (String host : legacy.group(4).split(",")) {
                sink.acl(binding(fileName, lineNumber, resource, legacy.group(1), host.strip(), operation.strip(),
                        legacy.group(2)));
            }
        }
    }

    private static AclBinding binding(String fileName, long lineNumber, Resource resource, String principal,
                                      String host, String operation, String permission) {
        String who = principal.strip();
        if (who.indexOf(':') <= 0) {
            throw KafkaCliFormats.expected(fileName, lineNumber, "a principal of the form Type:name (e.g. User:alice)",
                    who);
        }
        try {
            return new AclBinding(resource.type, resource.pattern, resource.name, who, host,
                    AclOperation.parse(operation), AclPermission.parse(permission));
        } catch (IllegalArgumentException e) {
            throw new InputException(fileName, lineNumber, e.getMessage());
        }
    }

    private static Resource resource(String fileName, long lineNumber, String text) {
        try {
            Matcher pattern = RESOURCE_PATTERN.matcher(text);
            if (pattern.matches()) {
                return new Resource(ResourceType.parse(pattern.group(1)), PatternType.parse(pattern.group(3)),
                        pattern.group(2));
            }
            // before 2.4 a resource was written Type:PATTERN:name, and before 2.0 Type:name
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw KafkaCliFormats.expected(fileName, lineNumber,
                        "a resource like 'ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)' "
                                + "or 'Topic:LITERAL:orders'", text);
            }
            ResourceType type = ResourceType.parse(text.substring(0, colon));
            String rest = text.substring(colon + 1);
            int second = rest.indexOf(':');
            if (second > 0 && isPatternType(rest.substring(0, second))) {
                return new Resource(type, PatternType.parse(rest.substring(0, second)), rest.substring(second + 1));
            }
            return new Resource(type, PatternType.LITERAL, rest);
        } catch (IllegalArgumentException e) {
            throw new InputException(fileName, lineNumber, e.getMessage());
        }
    }

    private static boolean isPatternType(String text) {
        for (PatternType type : PatternType.values()) {
            if (type.name().equalsIgnoreCase(text)) {
                return true;
            }
        }
        return false;
    }

    private record Resource(ResourceType type, PatternType pattern, String name) {
    }
}
