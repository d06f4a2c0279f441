package dev.meshlens.importers.kafka;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.importers.Cancellation;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaCallsTest {
    private static final KafkaClientConfig ALICE = config("org.apache.kafka.common.security.plain.PlainLoginModule"
            + " required username=\"alice\" password=\"alice-pw\";");

    private static KafkaClientConfig config(String jaas) {
        Properties props = new Properties();
        props.put("bootstrap.servers", "127.0.0.1:9092");
        props.put("security.protocol", "SASL_PLAINTEXT");
        props.put("sasl.mechanism", "PLAIN");
        props.put("sasl.jaas.config", jaas);
        return KafkaClientConfig.of("alice.properties", props);
    }

    private static KafkaCalls calls(Duration timeout, Cancellation cancellation) {
        return new KafkaCalls(ALICE, timeout, cancellation);
    }

    private static <T> KafkaFutureImpl<T> failed(Throwable cause) {
        KafkaFutureImpl<T> future = new KafkaFutureImpl<>();
        future.completeExceptionally(cause);
        return future;
    }

    @Test
    void completedCallGivesItsValue() {
        KafkaFutureImpl<String> future = new KafkaFutureImpl<>();
        future.complete("ok");

        assertThat(calls(Duration.ofSeconds(1), new Cancellation()).await(future, KafkaAdminImporter.LIST_TOPICS))
                .isEqualTo("ok");
    }

    @Test
    void missingClusterDescribeNamesTheAcl() {
        assertThatThrownBy(() -> calls(Duration.ofSeconds(1), new Cancellation())
                .await(failed(new ClusterAuthorizationException("Cluster authorization failed.")),
                        KafkaAdminImporter.DESCRIBE_ACLS))
                .isInstanceOf(InputException.class)
                .hasMessage("Admin.describeAcls: User:alice needs DESCRIBE on CLUSTER kafka-cluster to list ACLs"
                        + " (describeAcls)")
                .extracting(e -> ((InputException) e).source()).isEqualTo("Admin.describeAcls");
    }

    @Test
    void missingTopicAclNamesTheTopicsAndOperation() {
        assertThatThrownBy(() -> calls(Duration.ofSeconds(1), new Cancellation())
                .await(failed(new TopicAuthorizationException(Set.of("payments", "orders"))),
                        KafkaAdminImporter.DESCRIBE_CONFIGS))
                .hasMessage("Admin.describeConfigs: User:alice needs DESCRIBE_CONFIGS on TOPIC orders, payments to"
                        + " read topic configs (describeConfigs)");
    }

    @Test
    void missingGroupAclNamesTheGroup() {
        assertThatThrownBy(() -> calls(Duration.ofSeconds(1), new Cancellation())
                .await(failed(new GroupAuthorizationException("denied", "billing-app")),
                        KafkaAdminImporter.DESCRIBE_GROUPS))
                .hasMessage("Admin.describeConsumerGroups: User:alice needs DESCRIBE on GROUP billing-app to describe"
                        + " it (describeConsumerGroups)");
    }

    @Test
    void unknownPrincipalIsNamedByItsFile() {
        Properties props = new Properties();
        props.put("bootstrap.servers", "127.0.0.1:9092");
        KafkaCalls calls = new KafkaCalls(KafkaClientConfig.of("ssl.properties", props), Duration.ofSeconds(1),
                new Cancellation());

        assertThatThrownBy(() -> calls.await(failed(new ClusterAuthorizationException("no")),
                KafkaAdminImporter.DESCRIBE_ACLS))
                .hasMessageContaining("the principal of ssl.properties needs DESCRIBE on CLUSTER kafka-cluster");
    }

    @Test
    void failedLoginPointsAtTheCredentialsFileWithoutTheSecret() {
        assertThatThrownBy(() -> calls(Duration.ofSeconds(1), new Cancellation())
                .await(failed(new SaslAuthenticationException("Authentication failed: Invalid username or password")),
                        KafkaAdminImporter.DESCRIBE_ACLS))
                .hasMessageContaining("authentication at 127.0.0.1:9092 failed")
                .hasMessageContaining("check the credentials in alice.properties")
                .message().doesNotContain("alice-pw");
    }

    @Test
    void callWithoutAnswerTimesOutNamingTheCall() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> calls(Duration.ofMillis(200), new Cancellation())
                .await(new KafkaFutureImpl<>(), KafkaAdminImporter.LIST_GROUPS))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("Admin.listGroups: no answer from 127.0.0.1:9092 within 0.2 s");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
    }

    @Test
    void cancellationEndsAWaitAndCancelsTheCall() throws Exception {
        Cancellation cancellation = new Cancellation();
        KafkaFutureImpl<String> never = new KafkaFutureImpl<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(cancellation::cancel, 100, TimeUnit.MILLISECONDS);

            assertThatThrownBy(() -> calls(Duration.ofMinutes(5), cancellation).await(never, KafkaAdminImporter.LIST_TOPICS))
                    .isInstanceOf(CancellationException.class);
            assertThat(never.isCancelled()).isTrue();
        } finally {
            timer.shutdownNow();
        }
    }
}
