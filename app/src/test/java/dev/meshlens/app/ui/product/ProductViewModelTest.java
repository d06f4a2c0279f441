package dev.meshlens.app.ui.product;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.service.ConsumerState;
import dev.meshlens.app.ui.service.InMemoryCatalogService;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.schema.SchemaDiff;
import dev.meshlens.engine.schema.SchemaField;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProductViewModelTest {
    private final InMemoryCatalogService service = TestMesh.service();
    private final LoadedCatalog newest = service.load(TestMesh.CLUSTER, 2);
    private final List<String> clipboard = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();

    private ProductViewModel page(DataProduct product) {
        ProductViewModel page = new ProductViewModel(product, new SchemaFieldReader(), clipboard::add,
                new ProductActions() {
                    @Override
                    public void open(DataProduct p) {
                        actions.add("open " + p.topic());
                    }

                    @Override
                    public void showLineage(DataProduct p, LoadedCatalog c) {
                        actions.add("lineage " + p.topic() + " #" + c.snapshot().id());
                    }

                    @Override
                    public void planBreakingChange(DataProduct p, LoadedCatalog c) {
                        actions.add("breaking " + p.topic() + " #" + c.snapshot().id());
                    }
                }, ZoneOffset.UTC);
        page.setCatalog(newest);
        return page;
    }

    private static String value(ProductViewModel page, String key) {
        return page.metadata().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow().value();
    }

    @Test
    void metadataShowsEveryDeclaredField() {
        ProductViewModel page = page(TestMesh.ORDERS);

        assertThat(value(page, "Owner")).isEqualTo("sales-team@shop.example");
        assertThat(value(page, "SLA tier")).isEqualTo("Tier 1");
        assertThat(value(page, "Tags")).isEqualTo("pii, orders");
        assertThat(value(page, "Lifecycle")).isEqualTo("Active");
    }

    @Test
    void undeclaredMetadataShowsADash() {
        ProductViewModel page = page(TestMesh.VALIDATED);

        assertThat(value(page, "Schema")).isEqualTo("\u2014");
    }

    @Test
    void aTopicMissingFromTheListingSaysSo() {
        ProductViewModel page = page(TestMesh.TRACKING);

        assertThat(value(page, "Topic status")).startsWith("Missing");
    }

    @Test
    void theAddressJoinsBootstrapUriAndTopic() {
        ProductViewModel page = page(TestMesh.ORDERS);

        assertThat(page.addressProperty().get()).isEqualTo("kafka://broker.shop:9092 \u00b7 sales.orders.placed");
    }

    @Test
    void copyAddressPutsBootstrapUriAndTopicOnTheClipboard() {
        page(TestMesh.ORDERS).copyAddress();

        assertThat(clipboard).containsExactly("kafka://broker.shop:9092 sales.orders.placed");
    }

    @Test
    void theNewestSchemaVersionIsShownFirstWithNestedFields() {
        ProductViewModel page = page(TestMesh.ORDERS);

        assertThat(page.selectedVersionProperty().get().version()).isEqualTo(2);
        assertThat(page.fields()).extracting(SchemaField::path)
                .containsExactly("order_id", "customer_id", "amount", "currency", "shipping", "shipping.city",
                        "shipping.postcode");
        assertThat(page.fields().get(0).doc()).isEqualTo("Shop order number");
    }

    @Test
    void choosingAnOlderVersionShowsItsFields() {
        ProductViewModel page = page(TestMesh.ORDERS);

        page.selectedVersionProperty().set(page.versions().get(0));

        assertThat(page.fields()).extracting(SchemaField::path).containsExactly("order_id", "customer_id", "amount");
    }

    @Test
    void theDiffComparesTheTwoNewestVersions() {
        ProductViewModel page = page(TestMesh.ORDERS);

        assertThat(page.diffSummaryProperty().get()).isEqualTo("Version 1 \u2192 2: 4 added, 1 changed");
        assertThat(page.diff()).filteredOn(r -> r.status() == SchemaDiff.Status.CHANGED)
                .extracting(SchemaDiff.Row::path).containsExactly("amount");
    }

    @Test
    void aProductWithoutASchemaSaysWhichSubjectIsMissing() {
        ProductViewModel page = page(TestMesh.VALIDATED);

        assertThat(page.versions()).isEmpty();
        assertThat(page.schemaMessageProperty().get())
                .isEqualTo("No schema registered for subject sales.orders.validated-value (the catalog declares no "
                        + "schema).");
    }

    @Test
    void consumersAreListedWithAStateSummary() {
        ProductViewModel page = page(TestMesh.ORDERS);

        assertThat(page.consumers()).extracting(c -> c.state()).contains(ConsumerState.LAGGING,
                ConsumerState.STOPPED);
        assertThat(page.consumerSummaryProperty().get())
                .isEqualTo("4 consumers: 1 up to date, 1 lagging, 1 stopped, 1 never consumed");
    }

    @Test
    void promisingMoreThanTheUpstreamWarnsWithTheLimitingProduct() {
        ProductViewModel page = page(TestMesh.KPIS);

        assertThat(page.tierWarningProperty().get()).isEqualTo("Promises Tier 1 but depends on customer.segments "
                + "(Tier 3): a product cannot promise more than its upstream can give.");
        assertThat(page.upstreamTierTextProperty().get())
                .isEqualTo("Tier 3 via customer.segments \u2192 analytics.customer.ltv \u2192 analytics.kpi.dashboard");
    }

    @Test
    void anUpstreamAsStrongAsThePromiseGivesNoWarning() {
        ProductViewModel page = page(TestMesh.VALIDATED);

        assertThat(page.tierWarningProperty().get()).isEmpty();
        assertThat(page.tierTextProperty().get()).isEqualTo("Tier 1");
    }

    @Test
    void copyConsumerContactsCopiesEachOwnerOnceAndNamesConsumersWithoutOne() {
        ProductViewModel page = page(TestMesh.ORDERS);

        String copied = page.copyConsumerContacts();

        assertThat(copied).isEqualTo("sales-team@shop.example, risk-team@shop.example, analytics-team@shop.example");
        assertThat(clipboard).containsExactly(copied);
        assertThat(page.noticeProperty().get()).isEqualTo("Copied 3 contacts. Without a declared owner: "
                + "User:dev-alice.");
    }

    @Test
    void aProductAbsentFromTheSnapshotViewedSaysSo() {
        ProductViewModel page = page(TestMesh.KPIS);

        page.setCatalog(service.load(TestMesh.CLUSTER, 1));

        assertThat(page.absentMessageProperty().get()).isEqualTo("'KPI dashboard feed' (analytics.kpi.dashboard) "
                + "is not in the catalog as of snapshot #1 (2024-03-01 09:00).");
        assertThat(page.consumers()).isEmpty();
        assertThat(page.historicalProperty().get()).isTrue();
    }

    @Test
    void thePageFollowsTheSnapshotViewed() {
        ProductViewModel page = page(TestMesh.ORDERS);

        page.setCatalog(service.load(TestMesh.CLUSTER, 1));

        assertThat(page.versions()).hasSize(1);
        assertThat(page.fields()).extracting(SchemaField::path).containsExactly("order_id", "customer_id", "amount");
    }

    @Test
    void linkedProductsAreListedUpAndDownstream() {
        ProductViewModel page = page(TestMesh.VALIDATED);

        assertThat(page.upstream()).extracting(l -> l.displayName()).containsExactly("Orders placed");
        assertThat(page.downstream()).extracting(l -> l.displayName()).containsExactly("Payment captures");
    }

    @Test
    void openingALinkedProductAsksTheWindow() {
        ProductViewModel page = page(TestMesh.VALIDATED);

        page.open(page.upstream().get(0));

        assertThat(actions).containsExactly("open sales.orders.placed");
    }

    @Test
    void actionsReceiveTheProductAndTheSnapshotViewed() {
        ProductViewModel page = page(TestMesh.ORDERS);

        page.showLineage();
        page.planBreakingChange();

        assertThat(actions).containsExactly("lineage sales.orders.placed #2", "breaking sales.orders.placed #2");
    }
}
