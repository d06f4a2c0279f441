package dev.meshlens.app.ui.fx;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.catalog.CatalogView;
import dev.meshlens.app.ui.catalog.CatalogViewModel;
import dev.meshlens.app.ui.catalog.ProductRow;
import dev.meshlens.app.ui.common.Stylesheets;
import dev.meshlens.app.ui.product.SchemaFieldReader;
import dev.meshlens.app.ui.service.LoadedCatalog;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product table's cells reuse their nodes from row to row (so a keystroke does not build new ones): what a
 * cell showed for one product must not stay when it shows another.
 */
@ExtendWith(ApplicationExtension.class)
class CatalogCellReuseFxTest {
    private CatalogViewModel viewModel;

    @Start
    void start(Stage stage) {
        LoadedCatalog catalog = TestMesh.service().load(TestMesh.CLUSTER, 2);
        viewModel = new CatalogViewModel();
        viewModel.setRows(catalog.products().stream()
                .map(p -> ProductRow.of(catalog, p, new SchemaFieldReader())).toList());
        viewModel.lifecycleFacet().selected().setAll(viewModel.lifecycleFacet().available());
        Scene scene = new Scene(new CatalogView(viewModel, List.of()), 1200, 700);
        scene.getStylesheets().setAll(Stylesheets.forTheme(false));
        stage.setScene(scene);
        stage.show();
    }

    private static long visibleChips(FxRobot robot, String text) {
        return robot.lookup(".chip").queryAllAs(Label.class).stream()
                .filter(label -> text.equals(label.getText()) && shown(label)).count();
    }

    /** Whether the node and all its parents are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    @Test
    void deprecatedChipFollowsTheDeprecatedProductOnly(FxRobot robot) {
        robot.interact(() -> viewModel.searchTextProperty().set("legacy"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visibleChips(robot, "deprecated")).isEqualTo(1);

        robot.interact(() -> viewModel.searchTextProperty().set("orders placed"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(visibleChips(robot, "deprecated")).isZero();
    }

    @Test
    void tagAndTierChipsShowTheProductNowInTheRow(FxRobot robot) {
        robot.interact(() -> viewModel.searchTextProperty().set("orders placed"));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> before = chipTexts(robot);

        robot.interact(() -> viewModel.searchTextProperty().set("customer profiles"));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> after = chipTexts(robot);

        assertThat(before).containsAll(TestMesh.ORDERS.tags()).contains("Tier " + TestMesh.ORDERS.slaTier());
        assertThat(after).containsAll(TestMesh.PROFILES.tags()).contains("Tier " + TestMesh.PROFILES.slaTier());
        List<String> onlyOrders = new java.util.ArrayList<>(TestMesh.ORDERS.tags());
        onlyOrders.removeAll(TestMesh.PROFILES.tags());
        assertThat(after).doesNotContainAnyElementsOf(onlyOrders);
    }

    private static List<String> chipTexts(FxRobot robot) {
        return robot.lookup(".chip").queryAllAs(Label.class).stream()
                .filter(CatalogCellReuseFxTest::shown).map(Label::getText).toList();
    }
}
