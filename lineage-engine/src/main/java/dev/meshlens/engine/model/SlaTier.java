package dev.meshlens.engine.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SLA tiers: 1 = get out of bed, 4 = next business day. A smaller number is a stronger promise.
 *
 * <p>Tiers are mostly handled as plain {@code Integer}s; where a typed value is wanted (the lineage canvas colours
 * nodes by tier) {@link #of(int)} gives one of four shared instances, so {@code ==} and {@code equals} agree.
 */
public final class SlaTier implements Comparable<SlaTier> {
    public static final int STRONGEST = 1;
    public static final int WEAKEST = 4;
    private static final Pattern TIER = Pattern.compile("(?i)^\\s*(?:tier|t|sla)?[\\s_-]*([0-9]+)\\s*$");
    private static final SlaTier[] TIERS = {new SlaTier(1), new SlaTier(2), new SlaTier(3), new SlaTier(4)};

    private final int level;

    private SlaTier(int level) {
        this.level = level;
    }

    /**
     * The tier {@code level}.
     *
     * @throws IllegalArgumentException when {@code level} is not from 1 to 4
     */
    public static SlaTier of(int level) {
        if (level < STRONGEST || level > WEAKEST) {
            throw new IllegalArgumentException("SLA tier " + level + " is outside 1 to 4");
        }
        return TIERS[level - 1];
    }

    /** The tier {@code level}, or null when it is null (undeclared). */
    public static SlaTier ofNullable(Integer level) {
        return level == null ? null : of(level);
    }

    /** 1 (strongest) to 4. */
    public int level() {
        return level;
    }

    /** Stronger tiers first. */
    @Override
    public int compareTo(SlaTier other) {
        return Integer.compare(level, other.level);
    }

    /** {@code Tier 1}. */
    @Override
    public String toString() {
        return "Tier " + level;
    }

    /**
     * Parses {@code 1}, {@code Tier 1}, {@code T1}, {@code tier-1}; blank means undeclared.
     *
     * @return the tier, or null when {@code text} is blank
     * @throws IllegalArgumentException when the text is not a tier from 1 to 4
     */
    public static Integer parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = TIER.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("SLA tier '" + text + "' is not a tier from 1 to 4 (e.g. 1, Tier 2, T3)");
        }
        int tier = Integer.parseInt(m.group(1));
        if (tier < STRONGEST || tier > WEAKEST) {
            throw new IllegalArgumentException("SLA tier " + tier + " is outside 1 to 4");
        }
        return tier;
    }
}
