package dev.meshlens.engine.model;

import java.util.Arrays;
import java.util.Locale;

/** Parsing of Kafka enum spellings, which differ between tools and versions (READ, Read, ClusterAction). */
final class Names {
    private Names() {
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing " + type.getSimpleName());
        }
        String folded = fold(text);
        for (E constant : type.getEnumConstants()) {
            if (fold(constant.name()).equals(folded)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + text + "', expected one of "
                + Arrays.toString(type.getEnumConstants()));
    }

    private static String fold(String text) {
        return text.trim().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }
}
