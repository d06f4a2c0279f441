package dev.meshlens.app.ui.common;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

import java.util.Locale;

/** Small coloured labels ("chips") for tiers, quality classes, tags and states; colours come from the theme. */
public final class Chips {
    private Chips() {
    }

    /** A chip with {@code text} and the extra style class {@code kind}, e.g. {@code tier-1}. */
    public static Label chip(String text, String kind) {
        Label label = new Label(text);
        label.getStyleClass().add("chip");
        if (kind != null) {
            label.getStyleClass().add(kind);
        }
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    /** A tier chip: {@code Tier 1} coloured by tier, or a muted {@code no tier}. */
    public static Label tier(Integer tier) {
        return tier == null ? chip("no tier", "chip-muted") : chip("Tier " + tier, "tier-" + tier);
    }

    /** A quality chip coloured for gold, silver and bronze; other classes are neutral. */
    public static Label quality(String quality) {
        if (quality == null || quality.isBlank()) {
            return chip("no quality", "chip-muted");
        }
        return chip(quality, "quality-" + quality.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }

    /** A tag chip. */
    public static Label tag(String tag) {
        return chip(tag, "tag");
    }

    /** A chip with a tooltip. */
    public static Label withTooltip(Label chip, String tooltip) {
        chip.setTooltip(new Tooltip(tooltip));
        return chip;
    }
}
