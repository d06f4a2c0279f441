package dev.meshlens.engine.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * One kind of fact an import can cover. The catalog as of time T is, per cluster and per source, what
 * the newest import at or before T that covered that source saw; importing a catalog sheet therefore
 * never hides the ACLs imported earlier.
 */
public enum SourceKind {
    ACLS("acls"),
    TOPICS("topics"),
    GROUPS("groups"),
    CATALOG("catalog"),
    SERVICES("services"),
    GROUP_MAPPING("group-mapping"),
    SCHEMAS("schemas"),
    HOPS("hops");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    /** The stable lower-case name used in JSON output, the store and on the command line. */
    public String label() {
        return label;
    }

    /**
     * Parses a label as printed by {@link #label()}.
     *
     * @throws IllegalArgumentException naming the accepted labels when {@code text} is not one
     */
    public static SourceKind fromLabel(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.label.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown source '" + text + "', expected one of "
                        + Arrays.stream(values()).map(SourceKind::label).toList()));
    }
}
