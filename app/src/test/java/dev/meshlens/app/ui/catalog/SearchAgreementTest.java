package dev.meshlens.app.ui.catalog;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.product.SchemaFieldReader;
import dev.meshlens.app.ui.service.InMemoryCatalogService;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.catalog.ProductFilter;
import dev.meshlens.engine.model.DataProduct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The table's search (text lower-cased once per load) answers exactly as the shared ProductFilter does. */
class SearchAgreementTest {
    @ParameterizedTest
    @ValueSource(strings = {"orders", "ORDERS placed", "sales", "  customer   seg ", "iban", "pii", "team", "zzz", "v1",
            "orders validated"})
    void tableSearchFindsWhatProductFilterFinds(String query) {
        InMemoryCatalogService service = TestMesh.service();
        String cluster = service.clusters().get(0);
        List<dev.meshlens.engine.model.Snapshot> snapshots = service.snapshots(cluster);
        LoadedCatalog catalog = service.load(cluster, snapshots.get(snapshots.size() - 1).id());
        SchemaFieldReader schemas = new SchemaFieldReader();
        List<ProductRow> rows = catalog.products().stream().map(p -> ProductRow.of(catalog, p, schemas)).toList();
        CatalogViewModel viewModel = new CatalogViewModel();
        viewModel.setRows(rows);
        viewModel.lifecycleFacet().selected().setAll(viewModel.lifecycleFacet().available());

        viewModel.searchTextProperty().set(query);

        ProductFilter filter = new ProductFilter(query, null, null, null, true);
        List<DataProduct> expected = rows.stream().filter(r -> filter.test(r.product(), r.schemaFieldNames()))
                .map(ProductRow::product).toList();
        assertThat(viewModel.shownRows().stream().map(ProductRow::product).toList()).isEqualTo(expected);
    }
}
