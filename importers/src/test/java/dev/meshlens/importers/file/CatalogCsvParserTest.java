package dev.meshlens.importers.file;

import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.SourceKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogCsvParserTest {
    private static final String HEADER = "Name,Topic,Bootstrap URI,Owner,SLA,Quality,Schema URI,Description\n";
    private static final String BOOTSTRAP = "kafka://broker-1.acme.example:9092";

    private final CatalogCsvParser parser = new CatalogCsvParser();

    private List<DataProduct> products(String csv) throws IOException {
        return Fixtures.parse(parser, "catalog.csv", csv).products();
    }

    private static DataProduct product(String name, String topic, Integer tier, String quality) {
        return new DataProduct(name, topic, "default", null, null, null, null, tier, quality, List.of(), null, null);
    }

    @Test
    void readsEveryColumnOfTheSheet() throws IOException {
        MeshContent content = Fixtures.parseFixture(parser, "catalog.csv");

        assertThat(content.sources()).containsExactly(SourceKind.CATALOG);
        assertThat(content.products()).containsExactly(
                new DataProduct("Legacy orders", "orders.v0", "default", BOOTSTRAP, "sales", "team-orders@acme.example",
                        "Old order stream kept for reconciliation", 4, null, List.of(), null, Lifecycle.DEPRECATED),
                new DataProduct("Orders", "orders.v1", "default", BOOTSTRAP, "sales", "team-orders@acme.example",
                        "All customer orders, as placed", 1, "gold", List.of("pii", "financial"),
                        "https://registry.acme.example/subjects/orders.v1-value/versions/latest", Lifecycle.ACTIVE),
                new DataProduct("Payments", "payments.v2", "default", BOOTSTRAP, "finance",
                        "team-payments@acme.example",
                        "Payment events.\nOne per state change; see \"Payment lifecycle\" in the wiki.", 2, "silver",
                        List.of("financial", "pci"),
                        "https://registry.acme.example/subjects/payments.v2-value/versions/latest", Lifecycle.ACTIVE),
                new DataProduct("shipments.v1", "shipments.v1", "default", BOOTSTRAP, "logistics",
                        "team-logistics@acme.example", null, 3, "bronze", List.of("logistics", "tracking"), null,
                        Lifecycle.ACTIVE));
    }

    @Test
    void headerMatchesColumnsInAnyOrderIgnoringCaseAndSeparators() throws IOException {
        String csv = "description,SCHEMA_URI,quality,sla,owner,bootstrap-uri,TOPIC,name\n"
                + "Orders as placed,https://registry/orders,gold,1,team-orders,kafka://b:9092,orders.v1,Orders\n";

        assertThat(products(csv)).containsExactly(new DataProduct("Orders", "orders.v1", "default", "kafka://b:9092",
                null, "team-orders", "Orders as placed", 1, "gold", List.of(), "https://registry/orders", null));
    }

    @Test
    void optionalColumnsLeftOutMeanNoDomainNoTagsAndActive() throws IOException {
        DataProduct read = products(HEADER + "Orders,orders.v1,,,1,gold,,\n").get(0);

        assertThat(read.domain()).isNull();
        assertThat(read.tags()).isEmpty();
        assertThat(read.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void productsBelongToTheClusterOfTheImport() throws IOException {
        MeshContent content = Fixtures.parse(new CatalogCsvParser("prod-eu"), "catalog.csv",
                HEADER + "Orders,orders.v1,,,1,gold,,\n");

        assertThat(content.products()).extracting(DataProduct::cluster).containsExactly("prod-eu");
    }

    @Test
    void slaAcceptsNumberTierWordAndTPrefix() throws IOException {
        String csv = HEADER + "a,a,,,1,,,\nb,b,,,Tier 2,,,\nc,c,,,T3,,,\nd,d,,,tier-4,,,\ne,e,,,,,,\n";

        assertThat(products(csv)).extracting(DataProduct::slaTier).containsExactly(1, 2, 3, 4, null);
    }

    @Test
    void qualityIsKeptAsWrittenTrimmedAndBlankIsNull() throws IOException {
        String csv = HEADER + "a,a,,,,  Platinum ,,\nb,b,,,,   ,,\n";

        assertThat(products(csv)).containsExactly(product("a", "a", null, "Platinum"), product("b", "b", null, null));
    }

    @Test
    void blankNameFallsBackToTheTopic() throws IOException {
        assertThat(products(HEADER + " ,orders.v1,,,,,,\n")).extracting(DataProduct::name).containsExactly("orders.v1");
    }

    @Test
    void tagsSplitOnSemicolonPipeAndCommasInsideQuotes() throws IOException {
        String csv = "Topic,Name,Bootstrap URI,Owner,SLA,Quality,Schema URI,Description,Tags\n"
                + "a,,,,,,,,pii; financial\n"
                + "b,,,,,,,,gdpr|pii|gdpr\n"
                + "c,,,,,,,,\"pii, pci ,;\"\n";

        assertThat(products(csv)).extracting(DataProduct::tags).containsExactly(
                List.of("pii", "financial"), List.of("gdpr", "pii"), List.of("pii", "pci"));
    }

    @Test
    void quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() throws IOException {
        String csv = HEADER + "Orders,orders.v1,,,,,,\"Orders, \"\"as placed\"\"\nby customers\"\n";

        assertThat(products(csv)).extracting(DataProduct::description)
                .containsExactly("Orders, \"as placed\"\nby customers");
    }

    @Test
    void spacesAroundAQuotedFieldDoNotUnquoteIt() throws IOException {
        String csv = HEADER + "Orders, orders.v1 ,,,,,, \"placed, paid\" \n";

        DataProduct read = products(csv).get(0);

        assertThat(read.topic()).isEqualTo("orders.v1");
        assertThat(read.description()).isEqualTo("placed, paid");
    }

    @Test
    void crlfLineEndingsAndAByteOrderMarkAreRead() throws IOException {
        String csv = "\uFEFF" + HEADER.replace("\n", "\r\n") + "Orders,orders.v1,,,1,gold,,\"two\r\nlines\"\r\n";

        assertThat(products(csv)).containsExactly(new DataProduct("Orders", "orders.v1", "default", null, null, null,
                "two\nlines", 1, "gold", List.of(), null, null));
    }

    @Test
    void blankLinesAndRowsOfEmptyFieldsAreSkipped() throws IOException {
        String csv = HEADER + "\n,,,,,,,\nOrders,orders.v1,,,,,,\n   \n";

        assertThat(products(csv)).hasSize(1);
    }

    @Test
    void unknownColumnsAreIgnored() throws IOException {
        String csv = "Notes," + HEADER + "ask Bob,Orders,orders.v1,,,,,,\n";

        assertThat(products(csv)).containsExactly(product("Orders", "orders.v1", null, null));
    }

    @Test
    void headerOnlySheetCoversTheCatalogWithNoProducts() throws IOException {
        MeshContent content = Fixtures.parse(parser, "catalog.csv", HEADER);

        assertThat(content.sources()).isEqualTo(Set.of(SourceKind.CATALOG));
        assertThat(content.products()).isEmpty();
    }

    @Test
    void missingRequiredColumnIsNamedAtLineOne() {
        String csv = "Name,Topic,Bootstrap URI,Owner,Quality,Schema URI,Description\nOrders,orders.v1,,,,,\n";

        assertThatThrownBy(() -> products(csv))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("catalog.csv:1: missing column 'SLA'")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(1));
    }

    @Test
    void repeatedColumnIsAnError() {
        assertThatThrownBy(() -> products("Topic," + HEADER))
                .isInstanceOf(InputException.class)
                .hasMessage("catalog.csv:1: column 'Topic' appears twice (columns 1 and 3)");
    }

    @Test
    void emptyFileIsAnErrorAskingForTheHeader() {
        assertThatThrownBy(() -> products(""))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("catalog.csv:1: the file is empty; expected a catalog CSV header");
    }

    @Test
    void recordAfterAMultiLineFieldIsReportedOnTheLineItStarts() {
        String csv = HEADER
                + "Orders,orders.v1,,,1,,,\"first\nsecond\nthird\"\n"
                + "Payments,payments.v2,,,Tier 9,,,\n";

        assertThatThrownBy(() -> products(csv))
                .isInstanceOf(InputException.class)
                .hasMessage("catalog.csv:5: column SLA: SLA tier 9 is outside 1 to 4");
    }

    @Test
    void errorInAMultiLineRecordIsReportedOnTheLineItStarts() {
        String csv = HEADER + "\"Orders\nplaced\",orders.v1,,,Tier 9,,,\"first\nsecond\"\n";

        assertThatThrownBy(() -> products(csv))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("catalog.csv:2: column SLA:");
    }

    @Test
    void slaThatIsNoTierNamesLineAndColumn() {
        assertThatThrownBy(() -> products(HEADER + "Orders,orders.v1,,,urgent,,,\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("catalog.csv:2: column SLA: SLA tier 'urgent' is not a tier from 1 to 4 (e.g. 1, Tier 2, T3)");
    }

    @Test
    void blankTopicIsAnError() {
        assertThatThrownBy(() -> products(HEADER + "Orders, ,,,1,,,\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("catalog.csv:2: column Topic is empty; every data product names the topic it is "
                        + "published on");
    }

    @Test
    void unknownLifecycleIsAnError() {
        String csv = "Name,Topic,Bootstrap URI,Owner,SLA,Quality,Schema URI,Description,Lifecycle\n"
                + "Orders,orders.v1,,,,,,,retired\n";

        assertThatThrownBy(() -> products(csv))
                .isInstanceOf(InputException.class)
                .hasMessage("catalog.csv:2: column Lifecycle: 'retired' is neither active nor deprecated");
    }

    @Test
    void rowWithTooFewFieldsIsAnErrorNamingTheCounts() {
        assertThatThrownBy(() -> products(HEADER + "Orders,orders.v1,,1\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("catalog.csv:2: expected 8 fields as in the header "
                        + "(Name,Topic,Bootstrap URI,Owner,SLA,Quality,Schema URI,Description) but found 4");
    }

    @Test
    void fieldPastTheHeaderIsAnError() {
        assertThatThrownBy(() -> products(HEADER + "Orders,orders.v1,,,1,gold,,Orders, as placed\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("catalog.csv:2: expected at most 8 fields as in the header but found 9 (field 9 is "
                        + "'as placed'); quote a value that contains a comma");
    }

    @Test
    void emptyFieldsPastTheHeaderAreIgnored() throws IOException {
        assertThat(products(HEADER + "Orders,orders.v1,,,1,gold,,,,,\n")).hasSize(1);
    }

    @Test
    void unclosedQuoteIsReportedWhereItsRecordStarts() {
        String csv = HEADER + "Orders,orders.v1,,,1,gold,,\"never closed\nstill inside\nand more\n";

        assertThatThrownBy(() -> products(csv))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("catalog.csv:2: a quoted field of the record starting on this line is never "
                        + "closed");
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        String csv = HEADER + "Orders,orders.v1,,,1,gold,,ok\nPayments,\"payments\"v2,,,1,gold,,\n";

        assertThatThrownBy(() -> products(csv))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("catalog.csv:3: text after a closing quote");
    }
}
