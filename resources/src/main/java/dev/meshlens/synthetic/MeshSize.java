package dev.meshlens.synthetic;

import java.util.Locale;

/** The three named sizes of synthetic mesh the tests, the benchmarks and the desktop app use. */
public enum MeshSize {
    /** 1,000 products in 20 domains, about 10,000 lineage edges: fast enough for any unit test. */
    S(new MeshSpec(1_000, 20, 10_000)),
    /** 10,000 products in 60 domains, about 100,000 lineage edges. */
    M(new MeshSpec(10_000, 60, 100_000)),
    /** 100,000 products in 200 domains, about 1,000,000 lineage edges. */
    L(new MeshSpec(100_000, 200, 1_000_000));

    private final MeshSpec spec;

    MeshSize(MeshSpec spec) {
        this.spec = spec;
    }

    /** The products, domains and edge target of this size. */
    public MeshSpec spec() {
        return spec;
    }

    /**
     * Parses {@code S}, {@code m}, {@code L}.
     *
     * @throws IllegalArgumentException naming the accepted sizes
     */
    public static MeshSize parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown mesh size '" + text + "', expected S, M or L");
        }
    }
}
