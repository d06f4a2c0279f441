package dev.meshlens.importers.registry;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.importers.registry.FakeSchemaRegistry.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaRegistryClientTest {
    private static final String ORDER_AVRO = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\","
            + "\"type\":\"string\"}]}";
    private static final String ORDER_PROTO = "syntax = \"proto3\";\nimport \"customer.proto\";\n"
            + "message Order { string id = 1; Customer customer = 2; }\n";

    private final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

    @AfterEach
    void stop() {
        registry.close();
    }

    private SchemaRegistryClient client() {
        return SchemaRegistryClient.builder(registry.url()).build();
    }

    @Test
    void subjectsAreListedAsTheRegistryListsThem() {
        registry.register("orders-value", 1, 1, "AVRO", ORDER_AVRO).register("customers-value", 1, 2, "AVRO", ORDER_AVRO);

        assertThat(client().subjects()).containsExactly("orders-value", "customers-value");
    }

    @Test
    void largeSubjectListArrivesInOneResponse() {
        IntStream.rangeClosed(1, 5000).forEach(i -> registry.register("domain" + (i % 50) + ".topic-" + i + "-value",
                1, i, "AVRO", ORDER_AVRO));

        List<String> subjects = client().subjects();

        assertThat(subjects).hasSize(5000).contains("domain1.topic-1-value", "domain0.topic-5000-value");
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void versionsAreTheRegisteredNumbers() {
        registry.register("orders-value", 1, 11, "AVRO", ORDER_AVRO).register("orders-value", 3, 13, "AVRO", ORDER_AVRO);

        assertThat(client().versions("orders-value")).containsExactly(1, 3);
    }

    @Test
    void versionCarriesSchemaIdTypeAndReferences() {
        registry.register("orders-value", 2, 42, "PROTOBUF", ORDER_PROTO,
                new Reference("customer.proto", "customer-value", 3));

        SchemaVersion version = client().version("orders-value", 2);

        assertThat(version).isEqualTo(new SchemaVersion("orders-value", 2, 42, "PROTOBUF", ORDER_PROTO,
                List.of("customer-value:3"), null));
    }

    @Test
    void missingSchemaTypeMeansAvro() {
        registry.register("orders-value", 1, 7, "AVRO", ORDER_AVRO);

        assertThat(client().version("orders-value", 1).schemaType()).isEqualTo("AVRO");
    }

    @Test
    void subjectIsPercentEncodedAsOnePathSegment() {
        String subject = "ns/orders value:ü";
        registry.register(subject, 1, 5, "JSON", "{\"type\":\"object\"}");

        SchemaVersion version = client().version(subject, 1);

        assertThat(version.subject()).isEqualTo(subject);
        assertThat(registry.requests().get(0).rawPath())
                .isEqualTo("/subjects/ns%2Forders%20value%3A%C3%BC/versions/1");
    }

    @Test
    void pathPrefixOfTheUrlIsKept() {
        registry.answer("/registry/subjects", 200, "[\"a-value\"]");

        List<String> subjects = SchemaRegistryClient.builder(registry.url() + "/registry").build().subjects();

        assertThat(subjects).containsExactly("a-value");
    }

    @Test
    void globalCompatibilityIsTheConfigLevel() {
        registry.globalLevel("FULL_TRANSITIVE");

        assertThat(client().globalCompatibility()).contains("FULL_TRANSITIVE");
    }

    @Test
    void subjectLevelIsReadFromItsConfig() {
        registry.register("orders-value", 1, 1, "AVRO", ORDER_AVRO).subjectLevel("orders-value", "forward");

        assertThat(client().subjectCompatibility("orders-value")).contains("FORWARD");
    }

    @Test
    void subjectWithoutItsOwnLevelHasNoneWhenTheRegistryAnswers40408() {
        registry.register("orders-value", 1, 1, "AVRO", ORDER_AVRO);

        assertThat(client().subjectCompatibility("orders-value")).isEmpty();
    }

    @Test
    void subjectWithoutItsOwnLevelHasNoneWhenTheRegistryAnswers40401() {
        assertThat(client().subjectCompatibility("never-configured-value")).isEqualTo(Optional.empty());
    }

    @Test
    void otherConfigErrorsAreFailuresNamingTheSubject() {
        registry.answer("/config/orders-value", 500, "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}");

        assertThatThrownBy(() -> client().subjectCompatibility("orders-value"))
                .isInstanceOf(InputException.class)
                .hasMessage("GET " + registry.url() + "/config/orders-value: subject 'orders-value': the registry "
                        + "answered HTTP 500, error 50001: Error in the backend data store");
    }

    @Test
    void unknownLevelIsRejectedNamingTheSubject() {
        registry.subjectLevel("orders-value", "SIDEWAYS");

        assertThatThrownBy(() -> client().subjectCompatibility("orders-value"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("subject 'orders-value': unknown compatibility mode 'SIDEWAYS'");
    }

    @Test
    void errorBodyBecomesMessageNamingSubjectAndCall() {
        assertThatThrownBy(() -> client().versions("ghost-value"))
                .isInstanceOf(InputException.class)
                .hasMessage("GET " + registry.url() + "/subjects/ghost-value/versions: subject 'ghost-value': the "
                        + "registry answered HTTP 404, error 40401: Subject 'ghost-value' not found.")
                .satisfies(e -> assertThat(((InputException) e).source())
                        .isEqualTo("GET " + registry.url() + "/subjects/ghost-value/versions"));
    }

    @Test
    void serverErrorWithoutErrorBodyShowsStatusAndText() {
        registry.answer("/subjects/orders-value/versions", 502, "<html><body>Bad Gateway</body></html>");

        assertThatThrownBy(() -> client().versions("orders-value"))
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith("subject 'orders-value': the registry answered HTTP 502: "
                        + "<html><body>Bad Gateway</body></html>");
    }

    @Test
    void malformedJsonNamesTheSubject() {
        registry.answer("/subjects/orders-value/versions/1", 200, "{\"subject\":\"orders-value\",\"schema\":");

        assertThatThrownBy(() -> client().version("orders-value", 1))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("subject 'orders-value': the answer is not valid JSON");
    }

    @Test
    void versionWithoutSchemaTextIsMalformed() {
        registry.answer("/subjects/orders-value/versions/1", 200, "{\"subject\":\"orders-value\",\"id\":3}");

        assertThatThrownBy(() -> client().version("orders-value", 1))
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith("subject 'orders-value': the answer has no 'schema' text");
    }

    @Test
    void versionsThatAreNotNumbersAreMalformed() {
        registry.answer("/subjects/orders-value/versions", 200, "[\"1\"]");

        assertThatThrownBy(() -> client().versions("orders-value"))
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith("subject 'orders-value': expected a JSON array of version numbers, found \"1\" in it");
    }

    @Test
    void subjectListThatIsNotAnArrayIsMalformed() {
        registry.answer("/subjects", 200, "{\"subjects\":[]}");

        assertThatThrownBy(() -> client().subjects())
                .isInstanceOf(InputException.class)
                .hasMessage("GET " + registry.url() + "/subjects: expected a JSON array of subject names, found object");
    }

    @Test
    void basicCredentialsAreSentWithEveryRequest() {
        registry.requireBasicAuth("alice", "s3cret:with=colon").globalLevel("NONE");
        SchemaRegistryClient client = SchemaRegistryClient.builder(registry.url())
                .credentials(RegistryCredentials.of("alice", "s3cret:with=colon")).build();

        assertThat(client.globalCompatibility()).contains("NONE");
        assertThat(client.subjects()).isEmpty();
    }

    @Test
    void refusedCredentialsNameTheUserButNotThePassword() {
        registry.requireBasicAuth("alice", "right");
        SchemaRegistryClient client = SchemaRegistryClient.builder(registry.url())
                .credentials(RegistryCredentials.of("alice", "wrong-password")).build();

        assertThatThrownBy(client::subjects)
                .isInstanceOf(InputException.class)
                .hasMessageContaining("HTTP 401, error 401: Unauthorized (the registry refused the credentials of "
                        + "user 'alice')")
                .message().doesNotContain("wrong-password");
    }

    @Test
    void missingCredentialsAreExplained() {
        registry.requireBasicAuth("alice", "right");

        assertThatThrownBy(() -> client().subjects())
                .hasMessageEndingWith("(the registry needs credentials)");
    }

    @Test
    void slowAnswerFailsAfterTheRequestTimeout() {
        registry.register("orders-value", 1, 1, "AVRO", ORDER_AVRO)
                .delay("/subjects/orders-value/versions", Duration.ofSeconds(5));
        SchemaRegistryClient client = SchemaRegistryClient.builder(registry.url())
                .requestTimeout(Duration.ofMillis(300)).build();
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.versions("orders-value"))
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith("subject 'orders-value': no answer within 300 ms (the request timeout)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void unreachableRegistryIsAClearFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> SchemaRegistryClient.builder("http://127.0.0.1:" + closedPort).build().subjects())
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("GET http://127.0.0.1:" + closedPort + "/subjects: cannot connect to the "
                        + "registry");
    }

    @Test
    void redirectIsNotFollowed() {
        registry.answer("/subjects", 307, "");
        SchemaRegistryClient client = client();

        assertThatThrownBy(client::subjects)
                .isInstanceOf(InputException.class)
                .hasMessageContaining("HTTP 307 with no body");
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void urlWithUserAndPasswordIsRejectedWithoutRepeatingIt() {
        assertThatThrownBy(() -> SchemaRegistryClient.builder("http://alice:hunter2@registry:8081"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credentials file")
                .message().doesNotContain("hunter2");
    }

    @Test
    void urlMustBeHttpOrHttps() {
        assertThatThrownBy(() -> SchemaRegistryClient.builder("registry:8081"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://host:port");
    }
}
