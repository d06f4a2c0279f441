package dev.meshlens.importers.file;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of file Meshlens imports. Each has a stable lower-case label, used by {@code --kind} on the
 * command line and in progress messages; labels never change once released.
 */
public enum FileKind {
    ACL_LISTING("acls", "output of kafka-acls --list"),
    GROUP_LISTING("groups", "output of kafka-consumer-groups --describe"),
    TOPIC_LISTING("topics", "output of kafka-topics --describe"),
    MESH_JSON("json", "a mesh JSON document {\"cluster\": ..., \"acls\": [...], ...}"),
    CATALOG_CSV("catalog", "a catalog CSV with the header Name,Topic,Bootstrap URI,Owner,SLA,Quality,Schema URI,"
            + "Description"),
    SERVICES_CSV("services", "a services CSV with the header Principal,Name,Owner,Tier,Production"),
    GROUP_MAPPING_CSV("group-mapping", "a group mapping CSV with the header Group,Principal"),
    TRACE_LOG("trace", "a trace log of JSON lines {\"service\": ..., \"event\": \"consumed|processed|emitted\", "
            + "\"record\": ..., \"at\": ..., \"parents\": [...]}");

    private final String label;
    private final String description;

    FileKind(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The stable lower-case name accepted by {@code --kind}, e.g. {@code group-mapping}. */
    public String label() {
        return label;
    }

    /** What a file of this kind is, in words a user recognises, e.g. {@code output of kafka-acls --list}. */
    public String description() {
        return description;
    }

    /**
     * Parses a label as printed by {@link #label()}, ignoring case and surrounding spaces.
     *
     * @throws IllegalArgumentException naming every accepted label when {@code text} is not one
     */
    public static FileKind fromLabel(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.label.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown file kind '" + text + "', expected one of "
                        + Arrays.stream(values()).map(FileKind::label).collect(Collectors.joining(", "))));
    }

    /** Every kind as {@code label (description)}, for messages that tell the user what is accepted. */
    static String catalogue() {
        return Arrays.stream(values()).map(kind -> kind.label + " (" + kind.description + ")")
                .collect(Collectors.joining("; "));
    }
}
