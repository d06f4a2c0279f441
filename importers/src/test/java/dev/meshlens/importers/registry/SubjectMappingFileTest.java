package dev.meshlens.importers.registry;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.schema.SubjectNaming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectMappingFileTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("subjects.map"), text);
    }

    @Test
    void mappedSubjectsNameTheirTopicAndOthersKeepTopicNameStrategy() throws IOException {
        SubjectNaming naming = SubjectMappingFile.read(file("""
                # RecordNameStrategy
                com.shop.OrderPlaced = sales.orders.placed

                sales.orders.placed-com.shop.OrderPlaced=sales.orders.placed
                """));

        assertThat(naming.topicOf("com.shop.OrderPlaced")).contains("sales.orders.placed");
        assertThat(naming.topicOf("sales.orders.placed-com.shop.OrderPlaced")).contains("sales.orders.placed");
        assertThat(naming.topicOf("customers-value")).contains("customers");
        assertThat(naming.topicOf("com.shop.Unmapped")).isEmpty();
    }

    @Test
    void lineIsSplitAtItsLastEqualsSign() throws IOException {
        assertThat(SubjectMappingFile.entries(file("odd=subject=orders\n"))).containsEntry("odd=subject", "orders");
    }

    @Test
    void lineWithoutEqualsNamesFileAndLine() throws IOException {
        Path file = file("a=b\ncom.shop.Order sales.orders\n");

        assertThatThrownBy(() -> SubjectMappingFile.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":2: expected <subject>=<topic>");
    }

    @Test
    void invalidTopicNameIsRejected() throws IOException {
        Path file = file("com.shop.Order=sales orders\n");

        assertThatThrownBy(() -> SubjectMappingFile.read(file))
                .hasMessageStartingWith(file + ":1: 'sales orders' is not a Kafka topic name");
    }

    @Test
    void subjectMappedToTwoTopicsIsRejected() throws IOException {
        Path file = file("com.shop.Order=a\ncom.shop.Order=b\n");

        assertThatThrownBy(() -> SubjectMappingFile.read(file))
                .hasMessage(file + ":2: subject com.shop.Order is mapped to a on line 1 and to b here");
    }
}
