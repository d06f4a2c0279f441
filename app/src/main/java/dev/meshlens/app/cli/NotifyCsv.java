package dev.meshlens.app.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.meshlens.engine.change.Notification;
import dev.meshlens.engine.model.InputException;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the people to notify about a change as RFC 4180 CSV: a header {@code Owner,Kind,Name,Tier,Depth,Reason},
 * CRLF line ends, fields quoted when they hold a comma, a quote or a line break. Unknown owners and tiers are
 * empty fields.
 */
final class NotifyCsv {
    static final List<String> HEADER = List.of("Owner", "Kind", "Name", "Tier", "Depth", "Reason");
    /** Quoting decided by content, not length: Jackson otherwise quotes every value longer than 24 chars. */
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private NotifyCsv() {
    }

    /**
     * Writes {@code rows} to {@code file}, replacing it.
     *
     * @return the number of rows written (the header not counted)
     * @throws InputException naming the file when it cannot be written
     */
    static int write(Path file, List<Notification> rows) {
        CsvSchema.Builder columns = CsvSchema.builder();
        HEADER.forEach(columns::addColumn);
        CsvSchema schema = columns.build().withHeader().withLineSeparator("\r\n");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             SequenceWriter csv = MAPPER.writer(schema).writeValues(writer)) {
            for (Notification n : rows) {
                csv.write(Arrays.asList(n.owner(), n.kind(), n.name(), n.tier() == null ? null : n.tier().toString(),
                        Integer.toString(n.depth()), n.reason()));
            }
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot write the notify list: " + e.getMessage(), e);
        }
        return rows.size();
    }
}
