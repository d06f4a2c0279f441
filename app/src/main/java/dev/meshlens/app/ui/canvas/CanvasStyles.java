package dev.meshlens.app.ui.canvas;

import java.util.Locale;

/**
 * The GraphStream stylesheet of the canvas and the class names the renderer gives elements: nodes are shaped by
 * {@link NodeKind} and filled by SLA tier, edges are coloured and dashed by {@link EdgeStyle}, and every
 * {@link Mark} has a style of its own, laid over the others (mark classes come last in an element's class list).
 */
public final class CanvasStyles {
    /** The colours of tiers 1 to 4 and of an unknown tier, light theme; also the legend's. */
    static final String[] TIER_FILL_LIGHT = {"#f4a6a6", "#f7c98b", "#f3e79b", "#b9d7ea", "#e4e4e4"};
    /** The same in the dark theme: darker fills under light text. */
    static final String[] TIER_FILL_DARK = {"#8c3b3b", "#8a5a22", "#7a6f2a", "#2f5673", "#4a4a4a"};

    private CanvasStyles() {
    }

    /** The class of a node kind, e.g. {@code product}. */
    public static String kindClass(NodeKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** The class of a tier: {@code tier1} to {@code tier4}, {@code notier}. */
    public static String tierClass(dev.meshlens.engine.model.SlaTier tier) {
        return tier == null ? "notier" : "tier" + tier.level();
    }

    /** The class of an edge style, e.g. {@code never_consumed}. */
    public static String styleClass(EdgeStyle style) {
        return style.name().toLowerCase(Locale.ROOT);
    }

    /** The class of a mark, e.g. {@code impacted}. */
    public static String markClass(Mark mark) {
        return "m_" + mark.name().toLowerCase(Locale.ROOT);
    }

    /** The mark a class stands for, or null when it is not a mark class. */
    public static Mark markOf(String cssClass) {
        if (!cssClass.startsWith("m_")) {
            return null;
        }
        try {
            return Mark.valueOf(cssClass.substring(2).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The fill of a tier (1 to 4, null for unknown) in a theme, as CSS hex; for the legend. */
    public static String tierFill(Integer tier, boolean dark) {
        String[] fills = dark ? TIER_FILL_DARK : TIER_FILL_LIGHT;
        return tier == null ? fills[4] : fills[tier - 1];
    }

    /** The colour an edge style is drawn in (both themes); for the legend. */
    public static String edgeColour(EdgeStyle style) {
        return switch (style) {
            case WRITE -> "#7f8c9a";
            case UP_TO_DATE -> "#2e9d4f";
            case LAGGING -> "#e08a00";
            case REPLAYING -> "#3b7ddd";
            case STOPPED -> "#9b59b6";
            case NEVER_CONSUMED -> "#a0a0a0";
            case UNAUTHORIZED -> "#e53935";
            case DERIVED -> "#7f8c9a";
            case GAP -> "#e53935";
        };
    }

    /**
     * The stylesheet.
     *
     * @param dark      the dark theme's colours
     * @param fixedSize node sizes in graph units for the layered layout (they scale with zoom, so nodes never
     *                  overlap however far one zooms out); in pixels for the force-directed one, whose graph units
     *                  are a spring length
     * @param labels    whether ordinary nodes and edges show their text: once boxes are too small for it, text only
     *                  clutters; clusters and the focus keep theirs
     */
    public static String stylesheet(boolean dark, boolean fixedSize, boolean labels) {
        String unit = fixedSize ? "gu" : "px";
        String text = dark ? "#e8e8e8" : "#1d1d1d";
        String stroke = dark ? "#9aa0a6" : "#5f6368";
        String background = dark ? "#232527" : "#fbfbfb";
        String[] fills = dark ? TIER_FILL_DARK : TIER_FILL_LIGHT;
        String textVisibility = labels ? "text-mode: normal;" : "text-mode: hidden;";
        StringBuilder css = new StringBuilder();
        css.append("graph { fill-color: ").append(background).append("; padding: 100px, 40px; }\n");
        css.append("node { shape: box; size: 200").append(unit).append(", 28").append(unit)
                .append("; fill-mode: plain; fill-color: ").append(fills[4]).append("; stroke-mode: plain; stroke-color: ")
                .append(stroke).append("; stroke-width: 1px; text-size: 11px; text-color: ").append(text)
                .append("; text-alignment: center; ").append(textVisibility).append(" z-index: 2; }\n");
        css.append("node.service { shape: circle; }\n");
        css.append("node.group { shape: diamond; size: 200").append(unit).append(", 34").append(unit).append("; }\n");
        css.append("node.record { shape: box; }\n");
        css.append("node.cluster { shape: box; size: 220").append(unit).append(", 34").append(unit)
                .append("; stroke-width: 3px; stroke-color: ").append(dark ? "#c8ccd0" : "#3c4043")
                .append("; text-style: bold; text-mode: normal; fill-color: ").append(dark ? "#3a3f44" : "#eef1f4")
                .append("; }\n");
        for (int tier = 1; tier <= 4; tier++) {
            css.append("node.tier").append(tier).append(" { fill-color: ").append(fills[tier - 1]).append("; }\n");
        }
        css.append("node.notier { fill-color: ").append(fills[4]).append("; }\n");
        css.append("edge { shape: line; size: 1.5px; fill-color: #7f8c9a; arrow-shape: arrow; arrow-size: 9px, 5px; "
                + "text-size: 12px; text-background-mode: rounded-box; text-padding: 3px; " + textVisibility + " text-color: ")
                .append(text).append("; text-background-color: ").append(background).append("; z-index: 1; }\n");
        for (EdgeStyle style : EdgeStyle.values()) {
            css.append("edge.").append(styleClass(style)).append(" { fill-color: ").append(edgeColour(style))
                    .append(";").append(edgeExtra(style)).append(" }\n");
        }
        // marks, last so that they win over kind, tier and state
        css.append("node.m_focus { stroke-width: 4px; stroke-color: ").append(dark ? "#8ab4f8" : "#1a56db")
                .append("; text-style: bold; text-mode: normal; }\n");
        css.append("node.m_impacted { stroke-width: 3px; stroke-color: #f57c00; }\n");
        css.append("node.m_breaks { stroke-width: 4px; stroke-color: #d50000; text-color: ")
                .append(dark ? "#ff8a80" : "#b71c1c").append("; text-style: bold; }\n");
        css.append("node.m_limiting { stroke-width: 4px; stroke-color: #8e24aa; }\n");
        css.append("node.m_added { stroke-width: 3px; stroke-color: #2e7d32; fill-color: ")
                .append(dark ? "#2e5d32" : "#c8e6c9").append("; }\n");
        css.append("node.m_removed { stroke-width: 3px; stroke-color: #c62828; fill-color: ")
                .append(dark ? "#5d2e2e" : "#ffcdd2").append("; text-style: italic; }\n");
        css.append("node.m_changed { stroke-width: 3px; stroke-color: #f9a825; fill-color: ")
                .append(dark ? "#5d5a2e" : "#fff59d").append("; }\n");
        css.append("node.m_gap { stroke-width: 3px; stroke-color: #d50000; fill-color: ")
                .append(dark ? "#3a2a2a" : "#ffffff").append("; }\n");
        css.append("node.m_dimmed { fill-color: ").append(dark ? "#303234" : "#f0f0f0").append("; text-color: ")
                .append(dark ? "#6f7478" : "#a0a0a0").append("; stroke-color: ").append(dark ? "#4a4d50" : "#cfcfcf")
                .append("; }\n");
        css.append("node.m_selected { stroke-width: 4px; stroke-color: ").append(dark ? "#fdd663" : "#00897b")
                .append("; text-style: bold; z-index: 3; }\n");
        css.append("edge.m_impacted { fill-color: #f57c00; stroke-color: #f57c00; size: 2.5px; }\n");
        css.append("edge.m_breaks { fill-color: #d50000; stroke-color: #d50000; size: 3px; }\n");
        css.append("edge.m_limiting { fill-color: #8e24aa; stroke-color: #8e24aa; size: 3.5px; }\n");
        css.append("edge.m_added { fill-color: #2e7d32; stroke-color: #2e7d32; size: 2.5px; }\n");
        css.append("edge.m_removed { fill-color: #c62828; stroke-color: #c62828; size: 2.5px; }\n");
        css.append("edge.m_changed { fill-color: #f9a825; stroke-color: #f9a825; size: 2.5px; }\n");
        css.append("edge.m_gap { fill-color: #d50000; stroke-color: #d50000; size: 2px; }\n");
        // dashed edges draw with their stroke colour: every mark sets both, so a mark wins over the state colour
        String dimmed = dark ? "#44474a" : "#dddddd";
        css.append("edge.m_dimmed { fill-color: ").append(dimmed).append("; stroke-color: ").append(dimmed)
                .append("; }\n");
        String selected = dark ? "#fdd663" : "#00897b";
        css.append("edge.m_selected { size: 3.5px; fill-color: ").append(selected).append("; stroke-color: ")
                .append(selected).append("; }\n");
        return css.toString();
    }

    private static String edgeExtra(EdgeStyle style) {
        return switch (style) {
            case UNAUTHORIZED -> " size: 2.5px;";
            case LAGGING, REPLAYING -> " size: 2px;";
            case STOPPED, NEVER_CONSUMED, GAP -> " size: 1.5px; stroke-mode: dashes; stroke-width: 1px; stroke-color: "
                    + edgeColour(style) + "; fill-mode: none;";
            default -> "";
        };
    }
}
