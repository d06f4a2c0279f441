package dev.meshlens.importers.registry;

import java.util.Objects;

/**
 * What an import made of one subject.
 *
 * @param topic        the topic the subject describes (TopicNameStrategy or an explicit mapping), or null when
 *                     neither tells
 * @param versions     the versions read and imported; 0 when the subject failed
 * @param failure      why the subject could not be read (the call or record and the registry's error), or null
 * @param keptVersions for a failed subject, how many versions the catalog held before and the import kept
 */
public record SubjectResult(String subject, String topic, int versions, String failure, int keptVersions) {

    public SubjectResult {
        Objects.requireNonNull(subject, "subject");
    }

    /** Whether the subject could not be read. */
    public boolean failed() {
        return failure != null;
    }
}
