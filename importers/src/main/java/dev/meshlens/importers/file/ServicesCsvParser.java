package dev.meshlens.importers.file;

import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.SlaTier;
import dev.meshlens.engine.model.SourceKind;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code services.csv}: one service per row with the columns {@code Principal,Name,Owner,Tier,Production}
 * in any order (see importers/FORMATS.md). Covers {@link SourceKind#SERVICES}.
 */
public final class ServicesCsvParser implements MeshFileParser {
    static final List<String> REQUIRED = List.of("Principal", "Name", "Owner", "Tier", "Production");

    /**
     * {@inheritDoc}
     *
     * <p>Principal must be Kafka's {@code Type:name} (e.g. {@code User:billing-svc}); Tier accepts {@code 1},
     * {@code Tier 1}, {@code T1} or blank; Production is {@code true/false}, {@code yes/no} or {@code 1/0},
     * blank meaning false.
     */
    @Override
    public void parse(String fileName, Reader reader, MeshSink sink) throws IOException {
        try (CsvRecords records = new CsvRecords(fileName, reader)) {
            CsvHeader header = CsvHeader.read(fileName, records, "services CSV", REQUIRED, List.of());
            for (CsvRecord record = records.next(); record != null; record = records.next()) {
                header.checkWidth(record);
                sink.service(service(header, record));
            }
        }
        sink.cover(SourceKind.SERVICES);
    }

    private static ServiceInfo service(CsvHeader header, CsvRecord record) {
        String principal = header.principal(record, "Principal",
                "every service is named by the Kafka principal it connects as");
        Integer tier;
        try {
            tier = SlaTier.parse(header.value(record, "Tier"));
        } catch (IllegalArgumentException e) {
            throw header.error(record, "Tier", e.getMessage());
        }
        return new ServiceInfo(principal, header.value(record, "Name"), header.value(record, "Owner"), tier,
                production(header, record));
    }

    private static boolean production(CsvHeader header, CsvRecord record) {
        String value = header.value(record, "Production");
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw header.error(record, "Production", "'" + value
                    + "' is not one of true, false, yes, no, 1, 0 (blank means false)");
        };
    }
}
