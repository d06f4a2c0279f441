package dev.meshlens.importers.file;

import java.util.Optional;

/**
 * The one place that connects the file importer to the parsers of Kafka's command line outputs
 * ({@code kafka-acls --list}, {@code kafka-consumer-groups --describe}, {@code kafka-topics --describe}).
 */
public final class KafkaCliParsers {

    private KafkaCliParsers() {
    }

    /**
     * The parser for a Kafka command line output kind.
     *
     * @return the parser, or empty for a kind that is not a Kafka command line output
     */
    public static Optional<MeshFileParser> parserFor(FileKind kind) {
        return switch (kind) {
            case ACL_LISTING -> Optional.of(new KafkaAclListingParser());
            case GROUP_LISTING -> Optional.of(new ConsumerGroupListingParser());
            case TOPIC_LISTING -> Optional.of(new TopicListingParser());
            default -> Optional.empty();
        };
    }

    /**
     * Tells a Kafka command line output from the first lines of a file.
     *
     * @param head the start of the file, byte order mark removed
     * @return the kind, or empty when {@code head} has no Kafka command line signature
     */
    public static Optional<FileKind> detect(String head) {
        if (KafkaCliFormats.looksLikeAclListing(head)) {
            return Optional.of(FileKind.ACL_LISTING);
        }
        if (KafkaCliFormats.looksLikeGroupListing(head)) {
            return Optional.of(FileKind.GROUP_LISTING);
        }
        if (KafkaCliFormats.looksLikeTopicListing(head)) {
            return Optional.of(FileKind.TOPIC_LISTING);
        }
        return Optional.empty();
    }
}
