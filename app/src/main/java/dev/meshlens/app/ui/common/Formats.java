package dev.meshlens.app.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the window writes tiers, times and ages, so every view writes them the same way. */
public final class Formats {
    /** What a cell shows for a value that is unknown or undeclared. */
    public static final String NONE = "—";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Formats() {
    }

    /** {@code Tier 2}, or {@link #NONE} when undeclared. */
    public static String tier(Integer tier) {
        return tier == null ? NONE : "Tier " + tier;
    }

    /** The text, or {@link #NONE} when it is null or blank. */
    public static String orNone(String text) {
        return text == null || text.isBlank() ? NONE : text;
    }

    /** {@code 2024-05-01 10:00} in {@code zone}, or {@link #NONE} for null. */
    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? NONE : DATE_TIME.format(instant.atZone(zone));
    }

    /** {@code 2024-05-01 10:00:07} in {@code zone}, or {@link #NONE} for null. */
    public static String dateTimeSeconds(Instant instant, ZoneId zone) {
        return instant == null ? NONE : DATE_TIME_SECONDS.format(instant.atZone(zone));
    }

    /**
     * A short age for a table cell: {@code just now}, {@code 12 min}, {@code 3 h}, {@code 5 d}; {@link #NONE}
     * for null. Negative ages (a clock ahead of the snapshot) read as {@code just now}.
     */
    public static String age(Duration age) {
        if (age == null) {
            return NONE;
        }
        long seconds = age.getSeconds();
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 2 * 86400) {
            return seconds / 3600 + " h";
        }
        return seconds / 86400 + " d";
    }

    /** A count with its noun, singular or plural: {@code 1 product}, {@code 3 products}. */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** Kafka-style lag with thousands separators, {@link #NONE} for unknown. */
    public static String lag(Long lag) {
        return lag == null ? NONE : String.format(Locale.ROOT, "%,d", lag);
    }
}
