package dev.meshlens.app.ui.main;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.product.ProductActions;
import dev.meshlens.app.ui.product.SchemaFieldReader;
import dev.meshlens.app.ui.service.CatalogService;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.service.ReadOnlyCatalogService;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.store.CatalogInUseException;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the window does when another Meshlens holds its catalog: ask, then open read-only or not at all. */
class CatalogInUseViewModelTest {
    private static final String LOCATION = "jdbc:h2:file:/home/a/.meshlens/catalog";

    /** A catalog another process holds: opening it normally fails, read-only works. */
    private static final class HeldCatalog implements MainViewModel.ServiceOpener {
        private final boolean shared;

        HeldCatalog(boolean shared) {
            this.shared = shared;
        }

        @Override
        public CatalogService open() {
            throw new CatalogInUseException(LOCATION, shared);
        }

        @Override
        public CatalogService openReadOnly() {
            return new ReadOnlyCatalogService(TestMesh.service());
        }
    }

    private static MainViewModel started(boolean shared) {
        MainViewModel viewModel = new MainViewModel(new HeldCatalog(shared), new CurrentThreadTaskExecutor(),
                new SchemaFieldReader(), ZoneOffset.UTC, null, text -> { }, new NoActions());
        viewModel.start();
        return viewModel;
    }

    @Test
    void catalogHeldByAnotherWindowAsksWhetherToOpenItReadOnly() {
        MainViewModel viewModel = started(true);

        assertThat(viewModel.inUseProperty().get()).isEqualTo(LOCATION);
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.serviceProperty().get()).isNull();
    }

    @Test
    void openingReadOnlyShowsTheCatalogMarkedReadOnly() {
        MainViewModel viewModel = started(true);

        viewModel.openReadOnly();

        assertThat(viewModel.inUseProperty().get()).isEmpty();
        assertThat(viewModel.readOnlyProperty().get()).isTrue();
        assertThat(viewModel.titleProperty().get()).isEqualTo("Meshlens \u2014 test catalog (read-only)");
        assertThat(viewModel.catalogViewModel().rows()).hasSize(8);
    }

    @Test
    void readOnlyCatalogOffersNoImport() {
        MainViewModel viewModel = started(true);
        viewModel.openReadOnly();

        assertThatThrownBy(viewModel::newImport).isInstanceOf(IllegalStateException.class)
                .hasMessage("catalog opened read-only");
    }

    @Test
    void decliningLeavesTheWindowEmptyAndSaysWhy() {
        MainViewModel viewModel = started(true);

        viewModel.declineReadOnly();

        assertThat(viewModel.serviceProperty().get()).isNull();
        assertThat(viewModel.inUseProperty().get()).isEmpty();
        assertThat(viewModel.errorProperty().get()).isEqualTo("The catalog " + LOCATION
                + " is open in another Meshlens window; close it there, then Retry.");
    }

    @Test
    void catalogHeldWithoutSharingIsAnErrorNotAQuestion() {
        MainViewModel viewModel = started(false);

        assertThat(viewModel.inUseProperty().get()).isEmpty();
        assertThat(viewModel.errorProperty().get()).startsWith("Could not open the catalog: catalog " + LOCATION
                + " is in use by another process");
    }

    private static final class NoActions implements ProductActions {
        @Override
        public void open(DataProduct product) {
        }

        @Override
        public void showLineage(DataProduct product, LoadedCatalog catalog) {
        }

        @Override
        public void planBreakingChange(DataProduct product, LoadedCatalog catalog) {
        }
    }
}
