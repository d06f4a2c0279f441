package dev.meshlens.app.ui.canvas.modes;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LayeringTest {

    @Test
    void eachNodeSitsOneColumnRightOfItsFurthestPredecessor() {
        var layers = Layering.longestPath(List.of("a", "b", "c", "d"),
                List.of(new String[] {"a", "b"}, new String[] {"b", "c"}, new String[] {"a", "c"},
                        new String[] {"d", "c"}));

        assertThat(layers).containsEntry("a", 0).containsEntry("b", 1).containsEntry("c", 2).containsEntry("d", 0);
    }

    @Test
    void aCycleIsCutInsteadOfPushingForever() {
        var layers = Layering.longestPath(List.of("a", "b", "c"),
                List.of(new String[] {"a", "b"}, new String[] {"b", "c"}, new String[] {"c", "a"}));

        assertThat(layers).containsEntry("a", 0).containsEntry("b", 1).containsEntry("c", 2);
    }
}
