package dev.meshlens.app.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the {@code --at} dates of the command line. */
final class Dates {
    private Dates() {
    }

    /**
     * Parses an ISO-8601 instant ({@code 2026-11-21T10:00:00Z}), an offset date-time, a local date-time (taken
     * as UTC) or a date. A bare date means the end of that day in UTC, so "as of 2026-11-21" includes that
     * day's imports.
     *
     * @throws IllegalArgumentException with the accepted forms when the text is none of them
     */
    static Instant parseAsOf(String text) {
        String t = text.trim();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(t).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date '" + text + "' is not ISO-8601; use e.g. 2026-11-21, "
                    + "2026-11-21T10:00 (UTC) or 2026-11-21T10:00:00Z");
        }
    }
}
