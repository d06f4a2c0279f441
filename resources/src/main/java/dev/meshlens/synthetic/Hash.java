package dev.meshlens.synthetic;

/**
 * Stateless deterministic hashing (SplitMix64 finalizer). Attributes that nothing else depends on (a topic's
 * configs, a group's offsets, a product's description) are pure functions of (seed, salt, entity), so they
 * can be produced while streaming, in any order, without storing them and without shifting other draws.
 */
final class Hash {
    private Hash() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long of(long seed, long salt, long a) {
        return mix(mix(seed * 0x9E3779B97F4A7C15L + salt) + a);
    }

    static long of(long seed, long salt, long a, long b) {
        return mix(of(seed, salt, a) + b * 0xD1B54A32D192ED03L);
    }

    /** A double in [0, 1). */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** An int in [0, bound). */
    static int below(long hash, int bound) {
        return (int) ((hash >>> 33) % bound);
    }
}
