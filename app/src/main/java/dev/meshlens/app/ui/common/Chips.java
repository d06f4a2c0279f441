package dev.meshlens.app.ui.common;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

import java.util.List;
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
        return chip(tierText(tier), tierKind(tier));
    }

    /** The text of a tier chip. */
    public static String tierText(Integer tier) {
        return tier == null ? "no tier" : "Tier " + tier;
    }

    /** The style class of a tier chip. */
    public static String tierKind(Integer tier) {
        return tier == null ? "chip-muted" : "tier-" + tier;
    }

    /** A quality chip coloured for gold, silver and bronze; other classes are neutral. */
    public static Label quality(String quality) {
        return chip(qualityText(quality), qualityKind(quality));
    }

    /** The text of a quality chip. */
    public static String qualityText(String quality) {
        return quality == null || quality.isBlank() ? "no quality" : quality;
    }

    /** The style class of a quality chip. */
    public static String qualityKind(String quality) {
        return quality == null || quality.isBlank() ? "chip-muted"
                : "quality-" + quality.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /**
     * Turns an existing chip into another one: new text, and the style class {@code kind} instead of its former
     * one. Table cells reuse their chips this way, since a new node per cell update costs its CSS set-up on every
     * keystroke of the search; the style classes change only when the kind does.
     */
    public static void update(Label chip, String text, String kind) {
        chip.setText(text);
        // a Label's own style class comes first, as in chip(...)
        List<String> wanted = kind == null ? List.of("label", "chip") : List.of("label", "chip", kind);
        if (!chip.getStyleClass().equals(wanted)) {
            chip.getStyleClass().setAll(wanted);
        }
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
