package dev.meshlens.app.ui.canvas.impact;

import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.FanOutMesh;
import dev.meshlens.app.ui.service.LoadedCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A product with a thousand direct consumers: the impact lists and counts every one, none capped. */
class ImpactFanOutTest {

    @Test
    void aThousandConsumersAndTheirProductsAreAllImpactedAndCounted() {
        LoadedCatalog fan = FanOutMesh.of(1000);

        ImpactAnalysis impact = new ImpactBuilder().build(fan.state(), fan.lineage(), "product:" + FanOutMesh.HUB,
                null);

        assertThat(impact.graph().marked(Mark.IMPACTED)).hasSize(2000);
        assertThat(impact.byDepth()).containsExactly(new DepthCount(1, 1000), new DepthCount(2, 1000));
        assertThat(impact.byTier().get(4)).isEqualTo(new TierCount(null, 143));
        assertThat(impact.csv().split("\r\n")).hasSize(2001);
    }
}
