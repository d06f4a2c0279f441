package dev.meshlens.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --key value} arguments of a phase, as the parent process passes them. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    /**
     * @throws IllegalArgumentException when an argument is not a {@code --key value} pair
     */
    Args(String[] args, int from) {
        for (int i = from; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --key value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
    }

    /** @throws IllegalArgumentException when the argument is missing */
    String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return value;
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    int getInt(String key, int fallback) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : fallback;
    }

    long getLong(String key, long fallback) {
        return values.containsKey(key) ? Long.parseLong(values.get(key)) : fallback;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }
}
