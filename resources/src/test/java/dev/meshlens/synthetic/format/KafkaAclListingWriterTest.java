package dev.meshlens.synthetic.format;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected texts are real {@code kafka-acls --list} 4.3.1 output (importers' kafka-cli fixtures). */
class KafkaAclListingWriterTest {
    private final StringBuilder out = new StringBuilder();
    private final KafkaAclListingWriter writer = new KafkaAclListingWriter(out);

    @Test
    void resourceBlockMatchesKafkaList() {
        writer.resource(ResourceType.TOPIC, PatternType.LITERAL, "orders", List.of(
                orders("User:billing-svc", "*", AclOperation.READ),
                orders("User:shipping-svc", "10.20.30.40", AclOperation.READ),
                orders("User:CN=legacy-app,OU=Batch Jobs,O=Example Corp", "*", AclOperation.DESCRIBE),
                orders("User:orders-svc", "*", AclOperation.WRITE)));

        assertThat(out.toString()).isEqualTo("""
                Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`:
                \t(principal=User:billing-svc, host=*, operation=READ, permissionType=ALLOW)
                \t(principal=User:shipping-svc, host=10.20.30.40, operation=READ, permissionType=ALLOW)
                \t(principal=User:CN=legacy-app,OU=Batch Jobs,O=Example Corp, host=*, operation=DESCRIBE, \
                permissionType=ALLOW)
                \t(principal=User:orders-svc, host=*, operation=WRITE, permissionType=ALLOW)

                """);
        assertThat(writer.lines()).isEqualTo(6);
        assertThat(writer.bindings()).isEqualTo(4);
    }

    @Test
    void prefixedResourceAndKafkaOperationNamesAreWrittenAsKafkaNamesThem() {
        writer.resource(ResourceType.TRANSACTIONAL_ID, PatternType.PREFIXED, "billing-", List.of(new AclBinding(
                ResourceType.TRANSACTIONAL_ID, PatternType.PREFIXED, "billing-", "User:ops", "*",
                AclOperation.DESCRIBE_CONFIGS, AclPermission.DENY)));

        assertThat(out.toString()).isEqualTo("Current ACLs for resource `ResourcePattern(resourceType=TRANSACTIONAL_ID,"
                + " name=billing-, patternType=PREFIXED)`:\n"
                + "\t(principal=User:ops, host=*, operation=DESCRIBE_CONFIGS, permissionType=DENY)\n\n");
    }

    @Test
    void bindingOfAnotherResourceIsRejected() {
        assertThatThrownBy(() -> writer.resource(ResourceType.TOPIC, PatternType.LITERAL, "payments",
                List.of(orders("User:a", "*", AclOperation.READ))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name=payments");
    }

    @Test
    void resourceWithoutBindingsIsRejected() {
        assertThatThrownBy(() -> writer.resource(ResourceType.TOPIC, PatternType.LITERAL, "orders", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no binding");
    }

    @Test
    void allGroupsBindingsIntoOneBlockPerResource() {
        writer.all(List.of(orders("User:a", "*", AclOperation.READ),
                new AclBinding(ResourceType.GROUP, PatternType.LITERAL, "g", "User:a", "*", AclOperation.READ,
                        AclPermission.ALLOW),
                orders("User:b", "*", AclOperation.WRITE)));

        assertThat(out.toString().split("\n\n")).hasSize(2);
        assertThat(out.toString()).startsWith("Current ACLs for resource `ResourcePattern(resourceType=TOPIC, "
                + "name=orders, patternType=LITERAL)`:\n\t(principal=User:a,");
        assertThat(writer.lines()).isEqualTo(7);
    }

    private static AclBinding orders(String principal, String host, AclOperation operation) {
        return new AclBinding(ResourceType.TOPIC, PatternType.LITERAL, "orders", principal, host, operation,
                AclPermission.ALLOW);
    }
}
