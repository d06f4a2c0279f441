package dev.meshlens.importers.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaCliFormatsTest {

    @ParameterizedTest(name = "{0}/{1} is {2}")
    @CsvSource({
            "4.3.1, acls.txt, acls",
            "3.x, acls.txt, acls",
            "2.x, acls.txt, acls",
            "2.x, acls-1.x.txt, acls",
            "4.3.1, topics.txt, topics",
            "3.x, topics.txt, topics",
            "2.x, topics.txt, topics",
            "4.3.1, groups-offsets.txt, groups",
            "4.3.1, groups-offsets-verbose.txt, groups",
            "4.3.1, groups-members.txt, groups",
            "4.3.1, groups-members-verbose.txt, groups",
            "4.3.1, groups-state.txt, groups",
            "4.3.1, groups-state-verbose.txt, groups",
            "4.3.1, groups-offsets.stderr.txt, groups",
            "4.3.1, groups-offsets.combined.txt, groups",
            "3.x, groups-offsets.txt, groups",
            "3.x, groups-members-verbose.txt, groups",
            "3.x, groups-state.txt, groups",
    })
    void eachFixtureIsRecognisedAsItsOwnFormatOnly(String version, String file, String format) {
        String head = firstNonBlankLines(CliFixtures.text(version, file));

        assertThat(KafkaCliFormats.looksLikeAclListing(head)).isEqualTo(format.equals("acls"));
        assertThat(KafkaCliFormats.looksLikeTopicListing(head)).isEqualTo(format.equals("topics"));
        assertThat(KafkaCliFormats.looksLikeGroupListing(head)).isEqualTo(format.equals("groups"));
    }

    @Test
    void otherTextIsNoKafkaListing() {
        String csv = "name,topic,owner,domain\nOrders,orders,team-a,sales\n";

        assertThat(KafkaCliFormats.looksLikeAclListing(csv)).isFalse();
        assertThat(KafkaCliFormats.looksLikeTopicListing(csv)).isFalse();
        assertThat(KafkaCliFormats.looksLikeGroupListing(csv)).isFalse();
    }

    @Test
    void toolLogLineIsRecognised() {
        assertThat(KafkaCliFormats.isToolLogLine("[2026-01-05 10:00:00,123] WARN something (org.apache.kafka.X)"))
                .isTrue();
        assertThat(KafkaCliFormats.isToolLogLine("[not a date] WARN something")).isFalse();
    }

    /** What the content detection hands over: the first 20 non-blank lines joined by newlines. */
    private static String firstNonBlankLines(String text) {
        return text.lines().filter(l -> !l.isBlank()).limit(20).collect(Collectors.joining("\n"));
    }
}
