package dev.meshlens.synthetic.format;

import dev.meshlens.engine.model.GroupMapping;

/**
 * Writes the group mapping sheet ({@code group-mapping.csv}) that says which principal a consumer group belongs
 * to where GROUP ACLs cannot tell: the header {@value #HEADER}, then one record per mapping.
 */
public final class GroupMappingCsvWriter {
    /** The header line, without its line end. */
    public static final String HEADER = "Group,Principal";

    private final CsvWriter csv;

    /**
     * Starts the sheet by writing its header.
     *
     * @throws java.io.UncheckedIOException when writing fails
     */
    public GroupMappingCsvWriter(Appendable out) {
        csv = new CsvWriter(out);
        csv.record(HEADER.split(","));
    }

    /**
     * Writes one mapping.
     *
     * @throws java.io.UncheckedIOException when writing fails
     */
    public void mapping(GroupMapping mapping) {
        csv.record(mapping.groupId(), mapping.principal());
    }
}
