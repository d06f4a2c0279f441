package dev.meshlens.importers.registry;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.importers.ImportSource;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A registry read (REST or {@code _schemas} topic) as one source of a larger import, for example beside a Kafka
 * cluster or catalog files. When the registry fails as a whole (unreachable, the subject list unreadable, the time
 * limit exceeded) and the import has other sources, the failure is kept for the caller to report and the import goes
 * on without schemas: {@link dev.meshlens.engine.model.SourceKind#SCHEMAS} is then not covered, so the catalog keeps
 * showing the schemas of the previous import. With all-or-nothing, or when the registry is the import's only
 * source, the failure fails the import. Per-subject failures are in {@link #result()} either way.
 */
public final class RegistrySource implements ImportSource {
    private final String origin;
    private final Function<MeshSink, RegistryImportResult> read;
    private final boolean tolerateFailure;
    private RegistryImportResult result;
    private InputException failure;

    private RegistrySource(String origin, Function<MeshSink, RegistryImportResult> read, boolean tolerateFailure) {
        this.origin = origin;
        this.read = read;
        this.tolerateFailure = tolerateFailure;
    }

    /**
     * A source reading a registry over REST.
     *
     * @param tolerateFailure whether a failure of the whole registry read lets the rest of the import land; pass
     *                        false with all-or-nothing or when the registry is the import's only source
     */
    public static RegistrySource rest(RegistryImporter importer, boolean tolerateFailure) {
        Objects.requireNonNull(importer, "importer");
        return new RegistrySource(importer.origin(), importer::importTo, tolerateFailure);
    }

    /**
     * A source reading a registry's {@code _schemas} topic.
     *
     * @param tolerateFailure as for {@link #rest}
     */
    public static RegistrySource topic(SchemasTopicReader reader, boolean tolerateFailure) {
        Objects.requireNonNull(reader, "reader");
        return new RegistrySource(reader.origin(), reader::importTo, tolerateFailure);
    }

    @Override
    public String origin() {
        return origin;
    }

    /**
     * {@inheritDoc}
     *
     * @throws InputException when the registry read fails as a whole and failures are not tolerated, or, with
     *                        all-or-nothing, a subject fails
     */
    @Override
    public void readInto(MeshSink sink) {
        result = null;
        failure = null;
        try {
            result = read.apply(sink);
        } catch (InputException e) {
            if (!tolerateFailure) {
                throw e;
            }
            failure = e;
        }
    }

    /** The per-subject result of the last read, or empty when it failed as a whole (or has not run). */
    public Optional<RegistryImportResult> result() {
        return Optional.ofNullable(result);
    }

    /** Why the last read failed as a whole, when the failure was tolerated; empty otherwise. */
    public Optional<InputException> failure() {
        return Optional.ofNullable(failure);
    }
}
