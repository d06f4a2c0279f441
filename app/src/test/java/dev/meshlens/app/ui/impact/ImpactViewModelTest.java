package dev.meshlens.app.ui.impact;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.service.LoadedCatalog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImpactViewModelTest {
    private final LoadedCatalog catalog = TestMesh.service().load(TestMesh.CLUSTER, 2);
    private final List<String> clipboard = new ArrayList<>();

    @Test
    void directConsumersComeFirstThenThoseOfDownstreamProducts() {
        ImpactViewModel viewModel = new ImpactViewModel(catalog, TestMesh.ORDERS, clipboard::add);

        assertThat(viewModel.rows()).extracting(ImpactRow::consumer).containsExactly("Order validator",
                "Fraud scoring", "User:dev-alice", "BI tool", "Payment authorizer", "Ledger");
        assertThat(viewModel.rows().get(4).via()).isEqualTo("Orders validated");
        assertThat(viewModel.rows().get(4).depth()).isEqualTo(1);
    }

    @Test
    void aConsumerReachedSeveralWaysIsListedOnceWhereItIsNearest() {
        ImpactViewModel viewModel = new ImpactViewModel(catalog, TestMesh.ORDERS, clipboard::add);

        // fraud scoring reads the orders directly and reads payment captures downstream too
        assertThat(viewModel.rows()).filteredOn(r -> r.consumer().equals("Fraud scoring")).singleElement()
                .satisfies(r -> assertThat(r.depth()).isZero());
    }

    @Test
    void theSummaryCountsDirectIndirectAndActiveConsumers() {
        ImpactViewModel viewModel = new ImpactViewModel(catalog, TestMesh.ORDERS, clipboard::add);

        assertThat(viewModel.summary()).isEqualTo("A breaking change to sales.orders.placed reaches 6 consumers: "
                + "4 direct, 2 through 2 downstream products; 4 active as of snapshot #2.");
    }

    @Test
    void copyContactsCopiesEveryOwnerReachedOnce() {
        ImpactViewModel viewModel = new ImpactViewModel(catalog, TestMesh.ORDERS, clipboard::add);

        viewModel.copyContacts();

        assertThat(clipboard).containsExactly("sales-team@shop.example, risk-team@shop.example, "
                + "analytics-team@shop.example, payments-team@shop.example, finance-team@shop.example");
    }

    @Test
    void aProductNobodyReadsReachesNobody() {
        ImpactViewModel viewModel = new ImpactViewModel(catalog, TestMesh.TRACKING, clipboard::add);

        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.copyContacts()).isEmpty();
        assertThat(viewModel.noticeProperty().get()).isEqualTo("No consumer declares an owner; nothing copied.");
    }
}
