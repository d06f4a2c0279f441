package dev.meshlens.synthetic;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict reader of {@code kafka-acls --list} text for the tests: every line must have Kafka's shape. */
final class KafkaAclText {
    static final Pattern HEADER = Pattern.compile(
            "^Current ACLs for resource `ResourcePattern\\(resourceType=([A-Z_]+), name=(.+), "
                    + "patternType=(LITERAL|PREFIXED)\\)`:$");
    static final Pattern ENTRY = Pattern.compile(
            "^\\t\\(principal=(.+), host=([^,]+), operation=([A-Z_]+), permissionType=(ALLOW|DENY)\\)$");

    private KafkaAclText() {
    }

    /**
     * Parses a listing.
     *
     * @throws AssertionError naming the line that does not have Kafka's shape
     */
    static List<AclBinding> parse(List<String> lines) {
        List<AclBinding> bindings = new ArrayList<>();
        Matcher resource = null;
        int entries = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (resource == null) {
                Matcher header = HEADER.matcher(line);
                if (!header.matches()) {
                    throw new AssertionError("line " + (i + 1) + " is not a resource header: " + line);
                }
                resource = header;
                entries = 0;
            } else if (line.isEmpty()) {
                if (entries == 0) {
                    throw new AssertionError("line " + (i + 1) + " ends a block without entries");
                }
                resource = null;
            } else {
                Matcher entry = ENTRY.matcher(line);
                if (!entry.matches()) {
                    throw new AssertionError("line " + (i + 1) + " is not an ACL entry: " + line);
                }
                bindings.add(new AclBinding(ResourceType.valueOf(resource.group(1)),
                        PatternType.valueOf(resource.group(3)), resource.group(2), entry.group(1), entry.group(2),
                        AclOperation.valueOf(entry.group(3)), AclPermission.valueOf(entry.group(4))));
                entries++;
            }
        }
        if (resource != null) {
            throw new AssertionError("the listing ends inside a block");
        }
        return bindings;
    }
}
