package dev.meshlens.importers.file;

import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.SourceKind;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Reads the group mapping sheet: one {@code Group,Principal} pair per row, stating which principal a consumer
 * group belongs to where GROUP ACLs cannot tell (see importers/FORMATS.md). Covers
 * {@link SourceKind#GROUP_MAPPING}.
 */
public final class GroupMappingCsvParser implements MeshFileParser {
    static final List<String> REQUIRED = List.of("Group", "Principal");

    /**
     * {@inheritDoc}
     *
     * <p>Both columns must be filled in; Principal must be Kafka's {@code Type:name}.
     */
    @Override
    public void parse(String fileName, Reader reader, MeshSink sink) throws IOException {
        try (CsvRecords records = new CsvRecords(fileName, reader)) {
            CsvHeader header = CsvHeader.read(fileName, records, "group mapping CSV", REQUIRED, List.of());
            for (CsvRecord record = records.next(); record != null; record = records.next()) {
                header.checkWidth(record);
                String group = header.required(record, "Group", "every row names a consumer group id");
                String principal = header.principal(record, "Principal",
                        "every row names the principal the group belongs to");
                sink.groupMapping(new GroupMapping(group, principal));
            }
        }
        sink.cover(SourceKind.GROUP_MAPPING);
    }
}
