package dev.meshlens.app.ui.fx;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.catalog.CatalogView;
import dev.meshlens.app.ui.catalog.CatalogViewModel;
import dev.meshlens.app.ui.catalog.ProductRow;
import dev.meshlens.app.ui.common.Stylesheets;
import dev.meshlens.app.ui.product.SchemaFieldReader;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.model.DataProduct;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The product table mounted alone and driven like a user: typing, checking facets, double-clicking. */
@ExtendWith(ApplicationExtension.class)
class CatalogViewFxTest {
    private final List<DataProduct> opened = new ArrayList<>();
    private CatalogViewModel viewModel;

    @Start
    void start(Stage stage) {
        LoadedCatalog catalog = TestMesh.service().load(TestMesh.CLUSTER, 2);
        viewModel = new CatalogViewModel();
        viewModel.setRows(catalog.products().stream()
                .map(p -> ProductRow.of(catalog, p, new SchemaFieldReader())).toList());
        viewModel.setOpener(opened::add);
        Scene scene = new Scene(new CatalogView(viewModel, List.of()), 1200, 700);
        scene.getStylesheets().setAll(Stylesheets.forTheme(false));
        stage.setScene(scene);
        stage.show();
    }

    private static TableView<?> table(FxRobot robot) {
        return robot.lookup("#product-table").queryAs(TableView.class);
    }

    @Test
    void typingInTheSearchFieldNarrowsTheTable(FxRobot robot) {
        robot.clickOn("#search-field").write("iban");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table(robot).getItems()).hasSize(1);
        assertThat(((ProductRow) table(robot).getItems().get(0)).product()).isEqualTo(TestMesh.CAPTURES);
    }

    @Test
    void aSearchWithoutMatchesSaysSoInTheTable(FxRobot robot) {
        robot.clickOn("#search-field").write("xyz");
        WaitForAsyncUtils.waitForFxEvents();

        Label empty = robot.lookup("#empty-message").queryAs(Label.class);
        assertThat(table(robot).getItems()).isEmpty();
        assertThat(empty.getText()).isEqualTo("No products match 'xyz'");
        assertThat(empty.isVisible()).isTrue();
    }

    @Test
    void escapeClearsTheSearch(FxRobot robot) {
        robot.clickOn("#search-field").write("iban").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table(robot).getItems()).hasSize(7);
    }

    @Test
    void checkingADomainInTheFacetFiltersTheTable(FxRobot robot) {
        robot.clickOn("#facet-domain");
        robot.clickOn("payments (1)");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table(robot).getItems()).hasSize(1);
        assertThat(viewModel.domainFacet().selected()).containsExactly("payments");
    }

    @Test
    void checkingDeprecatedShowsDeprecatedProducts(FxRobot robot) {
        CheckComboBox<?> lifecycle = robot.lookup("#facet-lifecycle").queryAs(CheckComboBox.class);
        robot.interact(() -> lifecycle.getCheckModel().check(1));

        assertThat(table(robot).getItems()).hasSize(8);
        assertThat(lifecycle.getTitle()).isEqualTo("Lifecycle (2)");
    }

    @Test
    void clearFiltersRestoresTheWholeTable(FxRobot robot) {
        robot.clickOn("#search-field").write("orders");
        robot.clickOn("#clear-filters");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table(robot).getItems()).hasSize(7);
    }

    @Test
    void doubleClickingARowOpensItsProduct(FxRobot robot) {
        robot.doubleClickOn("Payment captures");

        assertThat(opened).containsExactly(TestMesh.CAPTURES);
    }

    @Test
    void enterInTheSearchOpensTheOnlyMatch(FxRobot robot) {
        robot.clickOn("#search-field").write("iban").type(KeyCode.ENTER);

        assertThat(opened).containsExactly(TestMesh.CAPTURES);
    }

    @Test
    void clickingAColumnHeaderSortsByIt(FxRobot robot) {
        robot.clickOn("Consumers");
        robot.clickOn("Consumers");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(((ProductRow) table(robot).getItems().get(0)).product()).isEqualTo(TestMesh.ORDERS);
    }
}
