package dev.meshlens.importers.registry;

import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.SourceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The last step both schema importers share: sends what was read to the sink, subject by subject in name order,
 * keeps the previous versions of failed subjects when the options provide them, and reports each subject.
 */
final class SubjectOutcomes {
    private static final Logger LOG = LoggerFactory.getLogger(SubjectOutcomes.class);

    private SubjectOutcomes() {
    }

    /**
     * Covers {@link SourceKind#SCHEMAS} and sends every version read, then the kept versions of failed subjects.
     *
     * @param read     the versions of every subject read completely (an empty list for a subject with none)
     * @param failures the reason of every subject that could not be read
     */
    static RegistryImportResult publish(String origin, Map<String, List<SchemaVersion>> read,
                                        Map<String, String> failures, List<String> warnings,
                                        RegistryImportOptions options, MeshSink sink) {
        Set<String> subjects = new TreeSet<>(read.keySet());
        subjects.addAll(failures.keySet());
        sink.cover(SourceKind.SCHEMAS);
        List<SubjectResult> results = new ArrayList<>(subjects.size());
        for (String subject : subjects) {
            String topic = options.naming().topicOf(subject).orElse(null);
            String failure = failures.get(subject);
            if (failure == null) {
                List<SchemaVersion> versions = read.get(subject).stream()
                        .sorted(Comparator.comparingInt(SchemaVersion::version)).toList();
                versions.forEach(sink::schema);
                results.add(new SubjectResult(subject, topic, versions.size(), null, 0));
            } else {
                List<SchemaVersion> kept = options.previous().apply(subject);
                kept.forEach(sink::schema);
                LOG.warn("{}: subject {} not read ({}); kept {} versions from the catalog", origin, subject, failure,
                        kept.size());
                results.add(new SubjectResult(subject, topic, 0, failure, kept.size()));
            }
        }
        RegistryImportResult result = new RegistryImportResult(origin, results, warnings);
        String summary = origin + ": " + result.versionCount() + " schema versions of "
                + (subjects.size() - failures.size()) + " subjects"
                + (failures.isEmpty() ? "" : ", " + failures.size() + " subjects failed");
        LOG.info(summary);
        options.progress().accept(summary);
        return result;
    }
}
