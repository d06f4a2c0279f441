package dev.meshlens.engine.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which topic a registry subject describes, and which subjects describe a topic.
 *
 * <p>By default subjects follow the registry's TopicNameStrategy: {@code <topic>-value} for record values and
 * {@code <topic>-key} for keys. Subjects named by other strategies (RecordNameStrategy's
 * {@code com.shop.Order}, TopicRecordNameStrategy's {@code orders-com.shop.Order}) cannot be read back to a
 * topic, so they are mapped explicitly; an explicit mapping wins over the default strategy.
 */
public final class SubjectNaming {
    private static final String VALUE_SUFFIX = "-value";
    private static final String KEY_SUFFIX = "-key";
    private final Map<String, String> explicit;

    private SubjectNaming(Map<String, String> explicit) {
        this.explicit = new TreeMap<>(explicit);
    }

    /** Plain TopicNameStrategy, no explicit subjects. */
    public static SubjectNaming topicNameStrategy() {
        return new SubjectNaming(Map.of());
    }

    /**
     * TopicNameStrategy plus explicit subjects.
     *
     * @param subjectToTopic subject name to topic name, for subjects of other strategies
     * @throws IllegalArgumentException when a subject or topic is blank
     */
    public static SubjectNaming withExplicit(Map<String, String> subjectToTopic) {
        subjectToTopic.forEach((subject, topic) -> {
            if (subject == null || subject.isBlank() || topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("explicit subject mapping needs a subject and a topic, got '"
                        + subject + "' -> '" + topic + "'");
            }
        });
        return new SubjectNaming(subjectToTopic);
    }

    /** The subject of a topic's record values under TopicNameStrategy: {@code <topic>-value}. */
    public static String valueSubject(String topic) {
        return Objects.requireNonNull(topic, "topic") + VALUE_SUFFIX;
    }

    /** The subject of a topic's record keys under TopicNameStrategy: {@code <topic>-key}. */
    public static String keySubject(String topic) {
        return Objects.requireNonNull(topic, "topic") + KEY_SUFFIX;
    }

    /**
     * The topic a subject describes: its explicit mapping, else the subject without {@code -value} or
     * {@code -key}; empty when neither applies.
     */
    public Optional<String> topicOf(String subject) {
        if (explicit.containsKey(subject)) {
            return Optional.of(explicit.get(subject));
        }
        for (String suffix : List.of(VALUE_SUFFIX, KEY_SUFFIX)) {
            if (subject.endsWith(suffix) && subject.length() > suffix.length()) {
                return Optional.of(subject.substring(0, subject.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }

    /** Whether a subject describes record keys: a TopicNameStrategy {@code -key} subject not mapped explicitly. */
    public boolean isKeySubject(String subject) {
        return !explicit.containsKey(subject) && subject.endsWith(KEY_SUFFIX) && subject.length() > KEY_SUFFIX.length();
    }

    /**
     * The subjects that may describe a topic: {@code <topic>-value}, {@code <topic>-key} (unless mapped
     * explicitly to another topic), then the explicit subjects mapped to it in name order. Whether each is registered is for the caller to look up.
     */
    public List<String> subjectsOf(String topic) {
        List<String> subjects = new ArrayList<>();
        for (String subject : List.of(valueSubject(topic), keySubject(topic))) {
            if (topicOf(subject).orElseThrow().equals(topic)) {
                subjects.add(subject); // unless mapped explicitly to another topic
            }
        }
        explicit.forEach((subject, mapped) -> {
            if (mapped.equals(topic) && !subjects.contains(subject)) {
                subjects.add(subject);
            }
        });
        return subjects;
    }
}
