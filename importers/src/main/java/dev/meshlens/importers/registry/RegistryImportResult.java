package dev.meshlens.importers.registry;

import java.util.List;
import java.util.Objects;

/**
 * What a registry or {@code _schemas} topic import did, subject by subject.
 *
 * @param origin   what was read, e.g. {@code registry http://registry:8081/}; never credentials
 * @param subjects one result per subject, by subject name
 * @param warnings problems that belong to no subject, e.g. a {@code _schemas} record whose key is not JSON
 */
public record RegistryImportResult(String origin, List<SubjectResult> subjects, List<String> warnings) {

    public RegistryImportResult {
        Objects.requireNonNull(origin, "origin");
        subjects = List.copyOf(subjects);
        warnings = List.copyOf(warnings);
    }

    /** The number of schema versions read (kept versions of failed subjects not counted). */
    public int versionCount() {
        return subjects.stream().mapToInt(SubjectResult::versions).sum();
    }

    /** The subjects that could not be read. */
    public List<SubjectResult> failures() {
        return subjects.stream().filter(SubjectResult::failed).toList();
    }

    /** The subjects whose topic neither TopicNameStrategy nor the explicit mapping tells. */
    public List<SubjectResult> unmapped() {
        return subjects.stream().filter(s -> s.topic() == null).toList();
    }
}
