package dev.meshlens.importers.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.meshlens.engine.model.InputException;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time with Jackson's CSV parser: quoted fields, embedded separators,
 * doubled quotes, line breaks inside quotes, CRLF. Spaces around a separator are dropped so that
 * {@code a, "b, c"} reads as two fields, as spreadsheet users expect. Line numbers count physical lines, so
 * a record after a multi-line field is reported on the line it really starts on.
 */
final class CsvRecords implements Closeable {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            // the caller owns the reader
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private final String fileName;
    private final CsvParser parser;
    private long recordLine = 1;

    /**
     * @param fileName the name used in error messages
     * @throws IOException when the reader fails at once
     */
    CsvRecords(String fileName, Reader reader) throws IOException {
        this.fileName = fileName;
        this.parser = MAPPER.getFactory().createParser(reader);
        // no schema: each record comes as an array of strings, the header being the first one
        parser.setSchema(CsvSchema.emptySchema());
    }

    /**
     * The next record with a non-blank field; blank lines are skipped.
     *
     * @return the record, or null at the end of the input
     * @throws InputException naming the file and line of malformed CSV, e.g. an unclosed quote
     * @throws IOException    when reading fails
     */
    CsvRecord next() throws IOException {
        CsvRecord record;
        do {
            record = readRecord();
        } while (record != null && record.isBlank());
        return record;
    }

    private CsvRecord readRecord() throws IOException {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            // Jackson reports the start of a record with the location just after the previous one ends,
            // which is the line this record starts on.
            recordLine = parser.currentLocation().getLineNr();
            List<String> cells = new ArrayList<>();
            while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                cells.add(parser.getText().replace("\r\n", "\n"));
            }
            return new CsvRecord(recordLine, cells);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    private InputException malformed(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        if (original.contains("Missing closing quote")) {
            return new InputException(fileName, recordLine, "a quoted field of the record starting on this line is "
                    + "never closed: expected a closing '\"' before the end of the file");
        }
        long line = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr() : recordLine;
        if (original.contains("Expected column separator")) {
            return new InputException(fileName, line, "text after a closing quote: a quoted field must be followed by "
                    + "',' or the end of the line (write \"\" for a quote inside a quoted field)");
        }
        return new InputException(fileName, line, "malformed CSV: " + original, e);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
