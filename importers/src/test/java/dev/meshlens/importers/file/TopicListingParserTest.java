package dev.meshlens.importers.file;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.meshlens.importers.file.CliFixtures.LIVE;
import static dev.meshlens.importers.file.CliFixtures.V2;
import static dev.meshlens.importers.file.CliFixtures.V3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicListingParserTest {
    private final TopicListingParser parser = new TopicListingParser();

    @Test
    void liveListingYieldsExactlyTheTopicsTheAdminApiReported() {
        MeshContent parsed = CliFixtures.parse(parser, LIVE, "topics.txt");

        assertThat(parsed.topics()).containsExactlyElementsOf(CliFixtures.truth(LIVE).topics());
    }

    @Test
    void listingCoversTopics() {
        assertThat(CliFixtures.parse(parser, LIVE, "topics.txt").sources()).containsExactly(SourceKind.TOPICS);
    }

    @Test
    void configValueContainingACommaStaysOneValue() {
        Topic orders = topic(CliFixtures.parse(parser, LIVE, "topics.txt"), "orders");

        assertThat(orders.configs()).containsEntry("cleanup.policy", "compact,delete")
                .containsEntry("retention.ms", "604800000");
    }

    @Test
    void kafka3ListingWithoutElrColumnsMatchesItsTruth() {
        MeshContent parsed = CliFixtures.parse(parser, V3, "topics.txt");

        assertThat(parsed.topics()).containsExactlyElementsOf(CliFixtures.truth(V3).topics());
    }

    @Test
    void kafka2ListingWithoutTopicIdsOrSpacesAfterColonsMatchesItsTruth() {
        MeshContent parsed = CliFixtures.parse(parser, V2, "topics.txt");

        assertThat(parsed.topics()).containsExactlyElementsOf(CliFixtures.truth(V2).topics());
        assertThat(parsed.topics()).allSatisfy(t -> assertThat(t.topicId()).isNull());
    }

    @Test
    void lineWhoseTabsBecameSpacesStillParses() {
        String text = "Topic: orders TopicId: abc PartitionCount: 2 ReplicationFactor: 3 Configs: retention.ms=1000\n"
                + "    Topic: orders Partition: 0 Leader: 1 Replicas: 1,2,3 Isr: 1,2,3\n";

        Topic orders = topic(CliFixtures.parseText(parser, "topics.txt", text), "orders");

        assertThat(orders).isEqualTo(new Topic("orders", "abc", 2, 3, Map.of("retention.ms", "1000")));
    }

    @Test
    void emptyListingCoversTopicsWithNoTopics() {
        MeshContent parsed = CliFixtures.parseText(parser, "topics.txt", "\n");

        assertThat(parsed.sources()).containsExactly(SourceKind.TOPICS);
        assertThat(parsed.topics()).isEmpty();
    }

    @Test
    void partitionLineOfAnotherTopicIsRejectedWithItsLineNumber() {
        String text = "Topic: orders\tTopicId: a\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: \n"
                + "\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\n"
                + "\tTopic: payments\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\n";

        assertThatThrownBy(() -> CliFixtures.parseText(parser, "topics.txt", text))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("topics.txt:3: expected a partition line of topic 'orders'");
    }

    @Test
    void partitionLineBeforeAnyHeaderIsRejected() {
        String text = "\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\n";

        assertThatThrownBy(() -> CliFixtures.parseText(parser, "topics.txt", text))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("topics.txt:1: expected").hasMessageContaining("before the partition lines");
    }

    @Test
    void nonNumericPartitionCountIsNamed() {
        String text = "Topic: orders\tTopicId: a\tPartitionCount: six\tReplicationFactor: 1\tConfigs: \n";

        assertThatThrownBy(() -> CliFixtures.parseText(parser, "topics.txt", text))
                .isInstanceOf(InputException.class)
                .hasMessage("topics.txt:1: expected a number after 'PartitionCount:', found 'six'");
    }

    @Test
    void toolErrorInsteadOfAListingIsRejectedWithItsLineNumber() {
        String text = "Topic: orders\tTopicId: a\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: \n"
                + "\n"
                + "Error while executing topic command : Topic 'payments' does not exist as expected\n";

        assertThatThrownBy(() -> CliFixtures.parseText(parser, "topics.txt", text))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("topics.txt:3: expected")
                .hasMessageContaining("found 'Error while executing topic command");
    }

    @Test
    void configsThatDoNotStartWithANameAreRejected() {
        String text = "Topic: orders\tTopicId: a\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: =oops\n";

        assertThatThrownBy(() -> CliFixtures.parseText(parser, "topics.txt", text))
                .isInstanceOf(InputException.class)
                .hasMessage("topics.txt:1: expected configs as 'name=value,name=value', found '=oops'");
    }

    private static Topic topic(MeshContent content, String name) {
        return content.topics().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
