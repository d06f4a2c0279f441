package dev.meshlens.engine.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SLA tiers: 1 = get out of bed, 4 = next business day. A smaller number is a stronger promise. */
public final class SlaTier {
    public static final int STRONGEST = 1;
    public static final int WEAKEST = 4;
    private static final Pattern TIER = Pattern.compile("(?i)^\\s*(?:tier|t|sla)?[\\s_-]*([0-9]+)\\s*$");

    private SlaTier() {
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
