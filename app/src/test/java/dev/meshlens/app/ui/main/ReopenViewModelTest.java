package dev.meshlens.app.ui.main;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.product.ProductActions;
import dev.meshlens.app.ui.product.SchemaFieldReader;
import dev.meshlens.app.ui.service.InMemoryCatalogService;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.service.ReadOnlyCatalogService;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.engine.model.DataProduct;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Switching the window to another catalog (File ▸ Open catalog, or a recent one). */
class ReopenViewModelTest {
    private final InMemoryCatalogService first = TestMesh.service();

    private MainViewModel started() {
        MainViewModel viewModel = new MainViewModel(() -> first, new CurrentThreadTaskExecutor(),
                new SchemaFieldReader(), ZoneOffset.UTC, null, text -> { }, new NoActions());
        viewModel.start();
        return viewModel;
    }

    @Test
    void reopeningClosesTheOldCatalogAndShowsTheNewOne() {
        MainViewModel viewModel = started();
        viewModel.openProduct(TestMesh.ORDERS);

        viewModel.reopen(() -> new ReadOnlyCatalogService(TestMesh.service()));

        assertThat(first.isClosed()).isTrue();
        assertThat(viewModel.openProducts()).isEmpty();
        assertThat(viewModel.readOnlyProperty().get()).isTrue();
        assertThat(viewModel.catalogViewModel().rows()).hasSize(8);
    }

    @Test
    void catalogThatFailsToOpenLeavesAnEmptyWindowWithTheReason() {
        MainViewModel viewModel = started();

        viewModel.reopen(() -> {
            throw new IllegalStateException("cannot open catalog jdbc:postgresql://db/x: connection refused");
        });

        assertThat(viewModel.serviceProperty().get()).isNull();
        assertThat(viewModel.catalogViewModel().rows()).isEmpty();
        assertThat(viewModel.errorProperty().get())
                .isEqualTo("Could not open the catalog: cannot open catalog jdbc:postgresql://db/x: connection refused");
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
