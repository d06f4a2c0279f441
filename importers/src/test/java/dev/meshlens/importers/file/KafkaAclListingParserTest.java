package dev.meshlens.importers.file;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.SourceKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static dev.meshlens.importers.file.CliFixtures.LIVE;
import static dev.meshlens.importers.file.CliFixtures.V2;
import static dev.meshlens.importers.file.CliFixtures.V3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaAclListingParserTest {
    private final KafkaAclListingParser parser = new KafkaAclListingParser();

    @Test
    void liveListingYieldsExactlyTheBindingsTheAdminApiReported() {
        MeshContent parsed = CliFixtures.parse(parser, LIVE, "acls.txt");

        assertThat(parsed.acls()).containsExactlyInAnyOrderElementsOf(CliFixtures.truth(LIVE).acls());
    }

    @Test
    void listingCoversAcls() {
        assertThat(CliFixtures.parse(parser, LIVE, "acls.txt").sources()).containsExactly(SourceKind.ACLS);
    }

    @Test
    void emptyListingCoversAclsWithNoBindings() {
        MeshContent parsed = CliFixtures.parseText(parser, "acls.txt", "");

        assertThat(parsed.sources()).containsExactly(SourceKind.ACLS);
        assertThat(parsed.acls()).isEmpty();
    }

    @Test
    void resourceOrderDoesNotChangeTheResult() {
        String text = CliFixtures.text(LIVE, "acls.txt");
        List<String> blocks = new ArrayList<>(List.of(text.split("\n\n")));
        Collections.shuffle(blocks, new Random(7));
        Collections.reverse(blocks.subList(0, blocks.size() / 2));

        MeshContent shuffled = CliFixtures.parseText(parser, "acls.txt", String.join("\n\n", blocks));

        assertThat(shuffled).isEqualTo(CliFixtures.parse(parser, LIVE, "acls.txt"));
    }

    @Test
    void principalWithCommasAndSpacesIsKeptWhole() {
        MeshContent parsed = CliFixtures.parse(parser, LIVE, "acls.txt");

        assertThat(parsed.acls()).contains(new AclBinding(ResourceType.TOPIC, PatternType.LITERAL, "orders",
                "User:CN=legacy-app,OU=Batch Jobs,O=Example Corp", "*", AclOperation.DESCRIBE, AclPermission.ALLOW));
    }

    @Test
    void resourceNameWithSpacesAndUserResourceWithColonAreKeptWhole() {
        MeshContent parsed = CliFixtures.parse(parser, LIVE, "acls.txt");

        assertThat(parsed.acls()).extracting(AclBinding::resourceName)
                .contains("ad hoc analysis", "User:billing-svc");
    }

    @Test
    void kafka3ListingWithPaddedEntriesMatchesItsTruth() {
        MeshContent parsed = CliFixtures.parse(parser, V3, "acls.txt");

        assertThat(parsed.acls()).containsExactlyInAnyOrderElementsOf(CliFixtures.truth(V3).acls());
    }

    @Test
    void kafka2ListingWithTitleCaseOperationsMatchesItsTruth() {
        MeshContent parsed = CliFixtures.parse(parser, V2, "acls.txt");

        assertThat(parsed.acls()).containsExactlyInAnyOrderElementsOf(CliFixtures.truth(V2).acls());
    }

    @Test
    void listingFromBeforePatternTypesReadsResourcesAsLiteral() {
        MeshContent parsed = CliFixtures.parse(parser, V2, "acls-1.x.txt");

        assertThat(parsed.acls()).containsExactlyInAnyOrder(
                new AclBinding(ResourceType.TOPIC, PatternType.LITERAL, "orders", "User:alice", "*",
                        AclOperation.READ, AclPermission.ALLOW),
                new AclBinding(ResourceType.TOPIC, PatternType.LITERAL, "orders", "User:bob", "10.0.0.1",
                        AclOperation.WRITE, AclPermission.DENY),
                new AclBinding(ResourceType.GROUP, PatternType.LITERAL, "reporting", "User:alice", "*",
                        AclOperation.READ, AclPermission.ALLOW),
                new AclBinding(ResourceType.CLUSTER, PatternType.LITERAL, "kafka-cluster", "User:admin", "*",
                        AclOperation.CLUSTER_ACTION, AclPermission.ALLOW));
    }

    @Test
    void legacyEntryWithSeveralOperationsAndHostsYieldsOneBindingEach() {
        String text = "Current ACLs for resource `Topic:LITERAL:orders`: \n"
                + " \tUser:alice has Allow permission for operations: Read,Describe from hosts: 10.0.0.1,10.0.0.2 \n";

        MeshContent parsed = CliFixtures.parseText(parser, "acls.txt", text);

        assertThat(parsed.acls()).extracting(a -> a.operation() + "@" + a.host()).containsExactlyInAnyOrder(
                "READ@10.0.0.1", "READ@10.0.0.2", "DESCRIBE@10.0.0.1", "DESCRIBE@10.0.0.2");
    }

    @Test
    void principalNotesAndToolLogLinesAreSkipped() {
        String text = "[2026-01-05 10:00:00,123] WARN The configuration 'foo' was supplied but isn't a known config."
                + " (org.apache.kafka.clients.admin.AdminClientConfig)\n"
                + "ACLs for principal `User:alice`\n"
                + "Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`:\n"
                + "\t(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)\n";

        assertThat(CliFixtures.parseText(parser, "acls.txt", text).acls()).hasSize(1);
    }

    @Test
    void malformedLineIsReportedWithItsLineNumber() {
        String text = "Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`:\n"
                + "\t(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)\n"
                + "\tprincipal=User:bob host=* operation=READ\n";

        assertThatThrownBy(() -> CliFixtures.parseText(parser, "acls.txt", text))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("acls.txt:3: expected ")
                .hasMessageEndingWith("found '\\tprincipal=User:bob host=* operation=READ'")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(3));
    }

    @Test
    void entryBeforeAnyResourceHeaderIsRejected() {
        String text = "\n\t(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)\n";

        assertThatThrownBy(() -> CliFixtures.parseText(parser, "acls.txt", text))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("acls.txt:2: expected 'Current ACLs for resource `...`:' before the first");
    }

    @Test
    void unknownOperationIsNamed() {
        String text = "Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`:\n"
                + "\t(principal=User:alice, host=*, operation=TELEPORT, permissionType=ALLOW)\n";

        assertThatThrownBy(() -> CliFixtures.parseText(parser, "acls.txt", text))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("acls.txt:2:").hasMessageContaining("'TELEPORT'");
    }

    @Test
    void unknownResourceTypeIsNamed() {
        String text = "Current ACLs for resource `ResourcePattern(resourceType=SCHEMA, name=orders, patternType=LITERAL)`:\n";

        assertThatThrownBy(() -> CliFixtures.parseText(parser, "acls.txt", text))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("acls.txt:1:").hasMessageContaining("'SCHEMA'");
    }

    @Test
    void unknownPatternTypeIsNamed() {
        String text = "Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=MATCH)`:\n";

        assertThatThrownBy(() -> CliFixtures.parseText(parser, "acls.txt", text))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("acls.txt:1:").hasMessageContaining("'MATCH'");
    }

    @Test
    void toolErrorInsteadOfAListingIsRejected() {
        String text = "Error while executing ACL command: org.apache.kafka.common.errors.SecurityDisabledException:"
                + " No Authorizer is configured.\n";

        assertThatThrownBy(() -> CliFixtures.parseText(parser, "acls.txt", text))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("acls.txt:1:").hasMessageContaining("found 'Error while executing ACL command");
    }
}
