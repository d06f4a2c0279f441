package dev.meshlens.app.ui.lineage;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.service.LinkedProduct;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.model.DataProduct;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineageViewModelTest {
    private final LoadedCatalog catalog = TestMesh.service().load(TestMesh.CLUSTER, 2);
    private final List<DataProduct> opened = new ArrayList<>();

    @Test
    void upstreamAndDownstreamAreListedWithTheirCatalogEntries() {
        LineageViewModel viewModel = new LineageViewModel(catalog, TestMesh.VALIDATED, opened::add);

        assertThat(viewModel.upstream()).containsExactly(new LinkedProduct("sales.orders.placed", "Orders placed", 1,
                "sales-team@shop.example"));
        assertThat(viewModel.downstream()).extracting(LinkedProduct::displayName).containsExactly("Payment captures");
        assertThat(viewModel.summary())
                .isEqualTo("1 topic feeds Orders validated; 1 topic is derived from it.");
    }

    @Test
    void aTopicWithoutACatalogEntryIsListedByItsName() {
        LineageViewModel viewModel = new LineageViewModel(catalog, TestMesh.KPIS, opened::add);

        assertThat(viewModel.upstream()).extracting(LinkedProduct::displayName)
                .containsExactly("analytics.customer.ltv", "Customer segments");
    }

    @Test
    void openingALinkedProductOpensItsPageButAnUnregisteredTopicHasNone() {
        LineageViewModel viewModel = new LineageViewModel(catalog, TestMesh.KPIS, opened::add);

        viewModel.open(viewModel.upstream().get(0));
        viewModel.open(viewModel.upstream().get(1));

        assertThat(opened).containsExactly(TestMesh.SEGMENTS);
    }
}
