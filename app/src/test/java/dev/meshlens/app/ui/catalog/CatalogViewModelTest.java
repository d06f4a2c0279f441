package dev.meshlens.app.ui.catalog;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.product.SchemaFieldReader;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.Lifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogViewModelTest {
    private CatalogViewModel viewModel;

    @BeforeEach
    void loadSecondSnapshot() {
        viewModel = new CatalogViewModel();
        viewModel.setRows(rows(TestMesh.service().load(TestMesh.CLUSTER, 2)));
    }

    static List<ProductRow> rows(LoadedCatalog catalog) {
        return catalog.products().stream().map(p -> ProductRow.of(catalog, p, new SchemaFieldReader())).toList();
    }

    private List<String> shownNames() {
        return viewModel.shownRows().stream().map(r -> r.product().name()).sorted().toList();
    }

    @Test
    void deprecatedProductsAreHiddenByDefault() {
        assertThat(shownNames()).doesNotContain(TestMesh.LEGACY.name()).hasSize(7);
    }

    @Test
    void checkingDeprecatedInTheLifecycleFacetShowsThem() {
        viewModel.lifecycleFacet().selected().add(Lifecycle.DEPRECATED);

        assertThat(shownNames()).contains(TestMesh.LEGACY.name()).hasSize(8);
    }

    @Test
    void searchNarrowsToProductsMatchingEveryWord() {
        viewModel.searchTextProperty().set("orders SALES");

        assertThat(shownNames()).containsExactly("Orders placed", "Orders validated");
    }

    @Test
    void searchMatchesOwnersDescriptionsAndTags() {
        viewModel.searchTextProperty().set("exec-reporting");
        assertThat(shownNames()).containsExactly("KPI dashboard feed");

        viewModel.searchTextProperty().set("behavioural");
        assertThat(shownNames()).containsExactly("Customer segments");

        viewModel.searchTextProperty().set("financial");
        assertThat(shownNames()).containsExactly("Payment captures");
    }

    @Test
    void searchMatchesSchemaFieldNames() {
        viewModel.searchTextProperty().set("iban");

        assertThat(shownNames()).containsExactly("Payment captures");
    }

    @Test
    void searchMatchesNestedSchemaFieldPaths() {
        viewModel.searchTextProperty().set("shipping.postcode");

        assertThat(shownNames()).containsExactly("Orders placed");
    }

    @Test
    void domainFacetKeepsOnlyTheCheckedDomains() {
        viewModel.domainFacet().selected().setAll("customer", "payments");

        assertThat(shownNames()).containsExactly("Customer profiles", "Customer segments", "Payment captures");
    }

    @Test
    void tierFacetCombinesWithTheSearch() {
        viewModel.tierFacet().selected().setAll(1);
        viewModel.searchTextProperty().set("orders");

        assertThat(shownNames()).containsExactly("Orders placed", "Orders validated");
    }

    @Test
    void qualityFacetOffersGoldSilverBronzeInThatOrder() {
        assertThat(viewModel.qualityFacet().available()).containsExactly("gold", "silver", "bronze");
    }

    @Test
    void qualityFacetFiltersByQualityClass() {
        viewModel.qualityFacet().selected().setAll("bronze");

        assertThat(shownNames()).containsExactly("Tracking events");
    }

    @Test
    void tagFacetFiltersByTagAndCountsProducts() {
        viewModel.tagFacet().selected().setAll("pii");

        assertThat(shownNames()).containsExactly("Customer profiles", "Orders placed");
        assertThat(viewModel.tagFacet().labelWithCount("orders")).isEqualTo("orders (3)");
    }

    @Test
    void emptyResultNamesTheSearchText() {
        viewModel.searchTextProperty().set("xyz");

        assertThat(viewModel.shownRows()).isEmpty();
        assertThat(viewModel.emptyMessageProperty().get()).isEqualTo("No products match 'xyz'");
    }

    @Test
    void emptyResultSaysWhenFiltersHideMatchingProducts() {
        viewModel.searchTextProperty().set("legacy");

        assertThat(viewModel.emptyMessageProperty().get())
                .isEqualTo("No products match 'legacy' with the selected filters (1 product matches without them)");
    }

    @Test
    void emptyMessageIsBlankWhileRowsAreShown() {
        assertThat(viewModel.emptyMessageProperty().get()).isEmpty();
    }

    @Test
    void nothingIsSaidToBeEmptyBeforeTheFirstLoad() {
        CatalogViewModel fresh = new CatalogViewModel();

        assertThat(fresh.emptyMessageProperty().get()).isEmpty();
    }

    @Test
    void anEmptyCatalogSuggestsImporting() {
        CatalogViewModel fresh = new CatalogViewModel();
        fresh.setRows(List.of());

        assertThat(fresh.emptyMessageProperty().get()).startsWith("No data products in this catalog yet");
    }

    @Test
    void summaryCountsShownOfAll() {
        viewModel.searchTextProperty().set("sales");

        assertThat(viewModel.summaryProperty().get()).isEqualTo("2 of 8 products");
    }

    @Test
    void clearFiltersRestoresTheSearchAndEveryFacet() {
        viewModel.searchTextProperty().set("orders");
        viewModel.domainFacet().selected().setAll("sales");
        viewModel.lifecycleFacet().selected().add(Lifecycle.DEPRECATED);

        viewModel.clearFilters();

        assertThat(viewModel.searchTextProperty().get()).isEmpty();
        assertThat(viewModel.domainFacet().selected()).isEmpty();
        assertThat(viewModel.lifecycleFacet().selected()).containsExactly(Lifecycle.ACTIVE);
        assertThat(viewModel.filtersChangedProperty().get()).isFalse();
    }

    @Test
    void filtersChangedOnceTheUserNarrows() {
        viewModel.tierFacet().selected().setAll(2);

        assertThat(viewModel.filtersChangedProperty().get()).isTrue();
    }

    @Test
    void selectionFollowsTheSameProductIntoAnotherSnapshot() {
        viewModel.selectedProperty().set(viewModel.rowForTopic(TestMesh.ORDERS.topic()).orElseThrow());

        viewModel.setRows(rows(TestMesh.service().load(TestMesh.CLUSTER, 1)));

        assertThat(viewModel.selectedProperty().get().product().topic()).isEqualTo(TestMesh.ORDERS.topic());
        assertThat(viewModel.selectedProperty().get()).isSameAs(viewModel.rowForTopic(TestMesh.ORDERS.topic())
                .orElseThrow());
    }

    @Test
    void aCheckedValueNoProductCarriesAnyMoreIsUnchecked() {
        viewModel.domainFacet().selected().setAll("analytics", "sales");

        viewModel.setRows(rows(TestMesh.service().load(TestMesh.CLUSTER, 1)));

        assertThat(viewModel.domainFacet().selected()).containsExactly("sales");
    }

    @Test
    void openingARowHandsItsProductToTheOpener() {
        java.util.concurrent.atomic.AtomicReference<DataProduct> opened = new java.util.concurrent.atomic.AtomicReference<>();
        viewModel.setOpener(opened::set);

        viewModel.open(viewModel.rowForTopic(TestMesh.CAPTURES.topic()).orElseThrow());

        assertThat(opened.get()).isEqualTo(TestMesh.CAPTURES);
    }
}
