package dev.meshlens.importers.file;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place that connects the file importer to the parsers of Kafka's command line outputs
 * ({@code kafka-acls --list}, {@code kafka-consumer-groups --describe}, {@code kafka-topics --describe}),
 * which are written on another branch.
 *
 * <p>WIRE: at merge, uncomment every line marked {@code // WIRE:} below (three parsers, three detections);
 * after that the private fallback signatures at the end of this class may be deleted.
 */
public final class KafkaCliParsers {
    private static final Pattern NO_ACTIVE_MEMBERS = Pattern.compile("^Consumer group '.*' has no active members\\.?$");

    private KafkaCliParsers() {
    }

    /**
     * The parser for a Kafka command line output kind.
     *
     * @return the parser, or empty for a kind that is not a Kafka command line output, or whose parser is not
     *         in this build
     */
    public static Optional<MeshFileParser> parserFor(FileKind kind) {
        return switch (kind) {
            // WIRE: case ACL_LISTING -> Optional.of(new KafkaAclListingParser());
            // WIRE: case GROUP_LISTING -> Optional.of(new ConsumerGroupListingParser());
            // WIRE: case TOPIC_LISTING -> Optional.of(new TopicListingParser());
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
        // WIRE: if (KafkaCliFormats.looksLikeAclListing(head)) return Optional.of(FileKind.ACL_LISTING);
        // WIRE: if (KafkaCliFormats.looksLikeGroupListing(head)) return Optional.of(FileKind.GROUP_LISTING);
        // WIRE: if (KafkaCliFormats.looksLikeTopicListing(head)) return Optional.of(FileKind.TOPIC_LISTING);
        // fallback until KafkaCliFormats is merged (delete from here to the return once wired)
        if (looksLikeAclListing(head)) {
            return Optional.of(FileKind.ACL_LISTING);
        }
        if (looksLikeGroupListing(head)) {
            return Optional.of(FileKind.GROUP_LISTING);
        }
        if (looksLikeTopicListing(head)) {
            return Optional.of(FileKind.TOPIC_LISTING);
        }
        return Optional.empty();
    }

    // Fallback signatures, the same as KafkaCliFormats', so detection works before the merge.

    private static boolean looksLikeAclListing(String head) {
        return head.lines().map(String::stripLeading).anyMatch(line -> line.startsWith("Current ACLs for resource "));
    }

    private static boolean looksLikeGroupListing(String head) {
        return head.lines().map(String::strip).anyMatch(line -> isGroupHeader(line)
                || NO_ACTIVE_MEMBERS.matcher(line).matches());
    }

    /** The header of the offsets, members ({@code --members}) or state ({@code --state}) tables. */
    private static boolean isGroupHeader(String line) {
        return line.startsWith("GROUP ")
                && (line.contains("TOPIC") && line.contains("PARTITION")
                || line.contains("CONSUMER-ID") && line.contains("#PARTITIONS")
                || line.contains("COORDINATOR (ID)") && line.contains("STATE"));
    }

    private static boolean looksLikeTopicListing(String head) {
        return head.lines().map(String::stripLeading)
                .anyMatch(line -> line.startsWith("Topic: ") && line.contains("PartitionCount:"));
    }
}
