package dev.meshlens.importers.schema;

import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.schema.CompatibilityChecker;
import dev.meshlens.engine.schema.CompatibilityResult;
import dev.meshlens.engine.schema.Incompatibility;
import dev.meshlens.engine.schema.SchemaDiff;
import dev.meshlens.engine.schema.SchemaField;
import dev.meshlens.engine.schema.SchemaFields;
import dev.meshlens.engine.schema.SubjectNaming;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The demo mesh's schema folder, bundled in the resources module, read as the desktop app reads it. */
class DemoSchemaFolderTest {
    private static final String DEMO = "/dev/meshlens/demo/schemas";
    private static FileSystem jar;
    private static Path folder;
    private static List<SchemaVersion> versions;

    @BeforeAll
    static void importDemoFolder() throws IOException, URISyntaxException {
        URL url = Objects.requireNonNull(DemoSchemaFolderTest.class.getResource(DEMO), "demo schemas on classpath");
        URI uri = url.toURI();
        if (uri.getScheme().equals("jar")) {
            jar = FileSystems.newFileSystem(uri, Map.of());
            folder = jar.getPath(DEMO);
        } else {
            folder = Path.of(uri);
        }
        versions = new SchemaFolderImporter().read(folder);
    }

    @AfterAll
    static void closeJar() throws IOException {
        if (jar != null) {
            jar.close();
        }
    }

    private static List<SchemaVersion> subject(String subject) {
        return versions.stream().filter(v -> v.subject().equals(subject)).toList();
    }

    private static String proposedV3() throws IOException {
        return Files.readString(folder.resolve("proposed/sales.orders.placed-value.v3.avsc"));
    }

    @Test
    void demoFolderImportsEverySubjectButTheProposedOne() {
        assertThat(versions).extracting(SchemaVersion::subject, SchemaVersion::version).containsExactly(
                tuple("analytics.kpi.dashboard-value", 1),
                tuple("customer.profiles-key", 1),
                tuple("customer.profiles-value", 1), tuple("customer.profiles-value", 2),
                tuple("logistics.deliveries.completed-value", 1),
                tuple("logistics.shipments.requested-value", 1),
                tuple("payments.authorizations-value", 1), tuple("payments.authorizations-value", 2),
                tuple("payments.fraud.scores-value", 1),
                tuple("payments.ledger.entries-value", 1),
                tuple("sales.carts.abandoned-value", 1), tuple("sales.carts.abandoned-value", 2),
                tuple("sales.orders.enriched-value", 1),
                tuple("sales.orders.placed-value", 1), tuple("sales.orders.placed-value", 2),
                tuple("sales.orders.validated-value", 1));
    }

    @Test
    void demoHasAvroValueSchemasForNineProductsOneJsonSchemaAndOneProtobuf() {
        assertThat(versions.stream().filter(v -> v.schemaType().equals("AVRO") && v.subject().endsWith("-value"))
                .map(SchemaVersion::subject).distinct()).hasSize(9);
        assertThat(versions).filteredOn(v -> v.schemaType().equals("JSON")).extracting(SchemaVersion::subject)
                .containsExactly("analytics.kpi.dashboard-value");
        assertThat(versions).filteredOn(v -> v.schemaType().equals("PROTOBUF")).hasSize(1);
    }

    @Test
    void everyDemoSubjectDescribesATopicOfTheDemoCatalog() throws IOException {
        String catalog;
        try (InputStream in = DemoSchemaFolderTest.class.getResourceAsStream("/dev/meshlens/demo/catalog.csv")) {
            catalog = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        }
        SubjectNaming naming = SubjectNaming.topicNameStrategy();

        assertThat(versions).allSatisfy(v -> assertThat(catalog)
                .contains("," + naming.topicOf(v.subject()).orElseThrow() + ","));
    }

    @Test
    void everyDemoSchemaListsItsFields() {
        assertThat(versions).allSatisfy(v -> assertThat(SchemaFields.of(v)).as(v.subject()).isNotEmpty());
    }

    @Test
    void customerProfileDocumentsItsPersonalData() {
        List<SchemaField> fields = SchemaFields.of(subject("customer.profiles-value").get(1));

        assertThat(fields).filteredOn(f -> f.doc() != null && f.doc().startsWith("PII"))
                .extracting(SchemaField::path).contains("full_name", "email", "phone", "birth_date");
    }

    @Test
    void ordersPlacedV2AddsAnOptionalFieldCompatibly() {
        List<SchemaVersion> placed = subject("sales.orders.placed-value");
        SchemaVersion v2 = placed.get(1);

        CompatibilityResult result = new CompatibilityChecker(placed.subList(0, 1))
                .check(v2.schemaType(), v2.schema(), "FULL_TRANSITIVE");

        assertThat(result.compatible()).isTrue();
        assertThat(SchemaDiff.between(placed.get(0), v2).added()).extracting(SchemaField::path)
                .containsExactly("coupon_code");
    }

    @Test
    void everyVersionOfACheckedSubjectPassesItsSubjectsLevel() {
        versions.stream().map(SchemaVersion::subject).distinct().forEach(name -> {
            List<SchemaVersion> all = subject(name);
            for (int i = 1; i < all.size(); i++) {
                CompatibilityResult result = new CompatibilityChecker(all.subList(0, i))
                        .check(all.get(i).schemaType(), all.get(i).schema());
                assertThat(result.compatible()).as(name + " v" + all.get(i).version() + ": " + result).isTrue();
            }
        });
    }

    @Test
    void abandonedCartsV2BreaksV1UnderItsNoneLevel() {
        List<SchemaVersion> carts = subject("sales.carts.abandoned-value");

        CompatibilityResult result = new CompatibilityChecker(carts.subList(0, 1))
                .check(carts.get(1).schemaType(), carts.get(1).schema(), "BACKWARD");

        assertThat(carts).extracting(SchemaVersion::compatibility).containsOnly("NONE");
        assertThat(result.problems()).extracting(Incompatibility::againstVersion, Incompatibility::fieldPath,
                Incompatibility::kind).containsExactly(tuple(1, "shopper_id", "TYPE_MISMATCH"));
    }

    @Test
    void proposedOrdersPlacedV3IsRejectedNamingItsBreakingFields() throws IOException {
        List<SchemaVersion> placed = subject("sales.orders.placed-value");

        CompatibilityResult result = new CompatibilityChecker(placed).check("AVRO", proposedV3());

        assertThat(result.mode()).isEqualTo("BACKWARD");
        assertThat(result.compatible()).isFalse();
        assertThat(result.problems()).extracting(Incompatibility::againstVersion, Incompatibility::fieldPath,
                Incompatibility::kind).containsExactlyInAnyOrder(
                tuple(2, "sales_channel", "READER_FIELD_MISSING_DEFAULT_VALUE"),
                tuple(2, "shipping_address.country", "TYPE_MISMATCH"));
    }
}
