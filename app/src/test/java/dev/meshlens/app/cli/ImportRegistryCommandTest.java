package dev.meshlens.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.importers.registry.FakeSchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code meshlens import} with a Schema Registry served by a local HTTP server, into a real H2 catalog file. */
class ImportRegistryCommandTest {
    static final String PASSWORD = "Registry-P4ssw0rd-7f3a";
    private static final String ORDER_V1 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\","
            + "\"type\":\"string\"}]}";
    private static final String ORDER_V2 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\","
            + "\"type\":\"string\"},{\"name\":\"qty\",\"type\":\"int\",\"default\":1}]}";
    private static final String CUSTOMER_JSON = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}";

    @TempDir
    Path dir;
    private final FakeSchemaRegistry registry = FakeSchemaRegistry.start();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level rootLevel;
    private Path db;
    private Path credentials;
    private String out;
    private String err;

    @BeforeEach
    void setUp() throws IOException {
        db = dir.resolve("catalog");
        credentials = Files.writeString(dir.resolve("registry.properties"),
                "basic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=meshlens:" + PASSWORD + "\n");
        registry.requireBasicAuth("meshlens", PASSWORD).globalLevel("BACKWARD")
                .register("sales.orders-value", 1, 101, "AVRO", ORDER_V1)
                .register("sales.orders-value", 2, 102, "AVRO", ORDER_V2)
                .subjectLevel("sales.orders-value", "FULL")
                .register("crm.customers-value", 1, 201, "JSON", CUSTOMER_JSON);
        // every log line of every logger, DEBUG included, so a leaked secret anywhere would be seen
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        registry.close();
    }

    private int meshlens(String... args) {
        CliRun run = CliRun.meshlens(db, args);
        out = run.out;
        err = run.err;
        return run.exitCode;
    }

    private CatalogState catalog() {
        try (CatalogStore store = CatalogStore.open(CatalogLocation.resolve(db.toString(), Map.of()))) {
            Snapshot latest = store.latest("prod").orElseThrow();
            return store.state("prod", latest.id());
        }
    }

    private Path groupMapping() throws IOException {
        return Files.writeString(dir.resolve("group-mapping.csv"), "Group,Principal\norder-enricher,User:order-service\n");
    }

    @Test
    void registryAloneLandsEverySubjectAsOneSnapshot() {
        int code = meshlens("import", "--cluster", "prod", "--registry", registry.url(),
                "--registry-credentials", credentials.toString());

        assertThat(code).as(err).isZero();
        assertThat(out.strip()).matches("\\d+");
        CatalogState state = catalog();
        assertThat(state.asOf().sources()).containsExactly(SourceKind.SCHEMAS);
        assertThat(state.asOf().origin()).isEqualTo("registry " + registry.url() + "/");
        assertThat(state.content().schemas()).containsExactly(
                new SchemaVersion("crm.customers-value", 1, 201, "JSON", CUSTOMER_JSON, List.of(), "BACKWARD"),
                new SchemaVersion("sales.orders-value", 1, 101, "AVRO", ORDER_V1, List.of(), "FULL"),
                new SchemaVersion("sales.orders-value", 2, 102, "AVRO", ORDER_V2, List.of(), "FULL"));
    }

    @Test
    void registryPasswordIsNeitherInTheStoreNorInTheLog() throws IOException {
        int code = meshlens("import", "--cluster", "prod", "--registry", registry.url(),
                "--registry-credentials", credentials.toString());
        assertThat(code).as(err).isZero();
        meshlens("snapshots", "--format", "json");

        String basic = Base64.getEncoder().encodeToString(("meshlens:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(registry.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Basic " + basic));
        String store = catalogBytes();
        assertThat(store).contains("crm.customers-value"); // the grep sees plain text in the file
        assertThat(store).doesNotContain(PASSWORD).doesNotContain(basic);
        assertThat(logs.list).isNotEmpty();
        assertThat(logText()).doesNotContain(PASSWORD).doesNotContain(basic);
        assertThat(out + err).doesNotContain(PASSWORD).doesNotContain(basic);
    }

    @Test
    void failingSubjectIsNamedAndTheRestOfTheImportLands() throws IOException {
        registry.answer("/subjects/crm.customers-value/versions/1", 500,
                "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}");

        int code = meshlens("import", "--cluster", "prod", groupMapping().toString(), "--registry", registry.url(),
                "--registry-credentials", credentials.toString());

        assertThat(code).as(err).isZero();
        assertThat(err).contains("warning: subject crm.customers-value not imported: GET " + registry.url()
                + "/subjects/crm.customers-value/versions/1: subject 'crm.customers-value': the registry answered "
                + "HTTP 500, error 50001: Error in the backend data store");
        CatalogState state = catalog();
        assertThat(state.content().groupMappings()).containsExactly(new GroupMapping("order-enricher", "User:order-service"));
        assertThat(state.content().schemas()).extracting(SchemaVersion::subject)
                .containsExactly("sales.orders-value", "sales.orders-value");
    }

    @Test
    void failedSubjectKeepsTheVersionsOfThePreviousImport() {
        assertThat(meshlens("import", "--cluster", "prod", "--registry", registry.url(),
                "--registry-credentials", credentials.toString())).as(err).isZero();
        registry.answer("/subjects/crm.customers-value/versions", 200, "[1,");

        int code = meshlens("import", "--cluster", "prod", "--registry", registry.url(),
                "--registry-credentials", credentials.toString());

        assertThat(code).as(err).isZero();
        assertThat(err).contains("warning: subject crm.customers-value not imported (kept its 1 versions from the "
                + "catalog): GET " + registry.url() + "/subjects/crm.customers-value/versions: subject "
                + "'crm.customers-value': the answer is not valid JSON");
        assertThat(catalog().content().schemas()).extracting(SchemaVersion::subject)
                .containsExactly("crm.customers-value", "sales.orders-value", "sales.orders-value");
    }

    @Test
    void registryDownKeepsTheFilesAndThePreviousSchemas() throws IOException {
        assertThat(meshlens("import", "--cluster", "prod", "--registry", registry.url(),
                "--registry-credentials", credentials.toString())).as(err).isZero();
        registry.answer("/config", 500, "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}");

        int code = meshlens("import", "--cluster", "prod", groupMapping().toString(), "--registry", registry.url(),
                "--registry-credentials", credentials.toString());

        assertThat(code).as(err).isZero();
        assertThat(err).contains("warning: schemas not imported, the catalog keeps the previous ones: GET "
                + registry.url() + "/config: the registry answered HTTP 500, error 50001");
        CatalogState state = catalog();
        assertThat(state.asOf().sources()).containsExactly(SourceKind.GROUP_MAPPING);
        assertThat(state.content().groupMappings()).hasSize(1);
        assertThat(state.content().schemas()).hasSize(3);
    }

    @Test
    void allOrNothingWritesNoSnapshotWhenASubjectFails() throws IOException {
        registry.answer("/subjects/crm.customers-value/versions/1", 500, "{\"error_code\":50001,\"message\":\"down\"}");

        int code = meshlens("import", "--cluster", "prod", groupMapping().toString(), "--registry", registry.url(),
                "--registry-credentials", credentials.toString(), "--all-or-nothing");

        assertThat(code).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(err).contains("subject 'crm.customers-value': the registry answered HTTP 500, error 50001: down");
        try (CatalogStore store = CatalogStore.open(CatalogLocation.resolve(db.toString(), Map.of()))) {
            assertThat(store.snapshots()).isEmpty();
        }
    }

    @Test
    void registryAloneThatFailsIsAnErrorAndWritesNothing() {
        registry.answer("/subjects", 503, "");

        int code = meshlens("import", "--cluster", "prod", "--registry", registry.url(),
                "--registry-credentials", credentials.toString());

        assertThat(code).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(err.strip()).isEqualTo("meshlens: GET " + registry.url() + "/subjects: the registry answered HTTP 503 "
                + "with no body");
        try (CatalogStore store = CatalogStore.open(CatalogLocation.resolve(db.toString(), Map.of()))) {
            assertThat(store.snapshots()).isEmpty();
        }
    }

    @Test
    void missingCredentialsFileIsAnInputError() {
        int code = meshlens("import", "--registry", registry.url(), "--registry-credentials",
                dir.resolve("nope.properties").toString());

        assertThat(code).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(err.strip()).isEqualTo("meshlens: " + dir.resolve("nope.properties") + ": no such file");
    }

    @Test
    void restAndTopicTogetherAreRefused() {
        int code = meshlens("import", "--registry", registry.url(), "--schemas-topic");

        assertThat(code).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(err).contains("give either --registry (REST) or --schemas-topic (Kafka), not both");
    }

    @Test
    void schemasTopicNeedsAKafkaConnection() {
        int code = meshlens("import", "--schemas-topic");

        assertThat(code).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(err).contains("--schemas-topic reads the topic through the --kafka connection");
    }

    @Test
    void nothingToImportIsAUsageError() {
        int code = meshlens("import");

        assertThat(code).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(err).contains("nothing to import");
    }

    /** Every byte of the catalog's H2 files, as text. */
    static String catalogBytes(Path dir) throws IOException {
        StringBuilder bytes = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> catalog = files.filter(p -> p.getFileName().toString().startsWith("catalog")).toList();
            assertThat(catalog).isNotEmpty();
            for (Path file : catalog) {
                bytes.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return bytes.toString();
    }

    private String catalogBytes() throws IOException {
        return catalogBytes(dir);
    }

    private String logText() {
        return logs.list.stream()
                .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                        : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
    }
}
