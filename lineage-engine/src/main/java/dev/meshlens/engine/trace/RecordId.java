package dev.meshlens.engine.trace;

import dev.meshlens.engine.model.TopicPartition;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity of a Kafka record, written {@code topic-partition@offset} as the {@code lineage} header writes
 * it (e.g. {@code sales.orders-0@1042}). Topic names may contain {@code -} and {@code @}, so the offset is
 * what follows the last {@code @} and the partition what follows the last {@code -} before it.
 */
public record RecordId(String topic, int partition, long offset) implements Comparable<RecordId> {

    /**
     * Orders record id texts by topic, partition and offset (numerically, so {@code t-0@9} comes before
     * {@code t-0@10}); texts that are not record ids sort by their text, as if they were topics.
     */
    public static final Comparator<String> TEXT_ORDER = RecordId::compareTexts;

    /** @throws IllegalArgumentException when the topic is blank or the partition or offset negative */
    public RecordId {
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("a record id needs a topic");
        }
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset must be 0 or more, got " + partition + " and "
                    + offset);
        }
    }

    /**
     * Parses {@code topic-partition@offset}.
     *
     * @throws IllegalArgumentException with an example of the form when {@code text} is not a record id
     */
    public static RecordId parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("record id '" + text
                + "' is not of the form topic-partition@offset, e.g. orders-0@42"));
    }

    /** Parses {@code topic-partition@offset}, or returns empty when {@code text} is not of that form. */
    public static Optional<RecordId> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int at = text.lastIndexOf('@');
        int dash = at < 0 ? -1 : text.lastIndexOf('-', at);
        if (dash <= 0) {
            return Optional.empty();
        }
        String topic = text.substring(0, dash);
        String partition = text.substring(dash + 1, at);
        String offset = text.substring(at + 1);
        if (topic.isBlank() || !digits(partition) || !digits(offset)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RecordId(topic, Integer.parseInt(partition), Long.parseLong(offset)));
        } catch (NumberFormatException e) {
            return Optional.empty(); // too many digits
        }
    }

    private static int compareTexts(String a, String b) {
        Optional<RecordId> x = tryParse(a);
        Optional<RecordId> y = tryParse(b);
        int byTopic = x.map(RecordId::topic).orElse(a).compareTo(y.map(RecordId::topic).orElse(b));
        if (byTopic != 0) {
            return byTopic;
        }
        int byPartition = Integer.compare(x.map(RecordId::partition).orElse(-1), y.map(RecordId::partition).orElse(-1));
        if (byPartition != 0) {
            return byPartition;
        }
        int byOffset = Long.compare(x.map(RecordId::offset).orElse(-1L), y.map(RecordId::offset).orElse(-1L));
        return byOffset != 0 ? byOffset : a.compareTo(b);
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The record's topic partition. */
    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    /** {@code topic-partition@offset}. */
    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }

    /** By topic, partition, then offset. */
    @Override
    public int compareTo(RecordId other) {
        int byPartition = topicPartition().compareTo(other.topicPartition());
        return byPartition != 0 ? byPartition : Long.compare(offset, other.offset);
    }
}
