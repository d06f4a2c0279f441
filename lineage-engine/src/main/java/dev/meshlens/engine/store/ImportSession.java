package dev.meshlens.engine.store;

import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.Snapshot;

/**
 * One import into the catalog store: an importer writes facts into it as a {@link MeshSink}, then the caller
 * commits. The whole import is one database transaction: {@link #commit()} lands it as a new immutable
 * snapshot; anything else (an exception from the importer, {@link #close()} without commit, a failure inside
 * commit, the JVM stopping) leaves the store exactly as it was. An open session holds the catalog's import
 * lock: close it promptly (try-with-resources).
 *
 * <p>Facts stream: each is serialised, hashed and compared with the current facts of its source, and only new
 * or changed facts are written, in batches. No fact object is retained; the session keeps 35 to 70 bytes per
 * current or new fact of the sources it receives (their content hashes). Consumer groups are the exception:
 * they are held until commit, because they arrive in parts that are merged by group id
 * ({@link dev.meshlens.engine.model.ConsumerGroup#merge}).
 *
 * <p>Only facts of sources the import {@link #cover covers} are stored: the facts of a source that was not
 * covered (an importer that could not read it completely) are dropped at commit with a warning in the log,
 * and the catalog keeps showing what the previous import of that source saw.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (ImportSession session = store.beginImport("prod", "acls.txt", Instant.now())) {
 *     importer.readInto(session);
 *     Snapshot snapshot = session.commit();
 * }
 * }</pre>
 * A session is used by one thread at a time. The {@link MeshSink} methods throw {@link StoreException} when
 * the database fails and {@link IllegalStateException} after commit or close.
 */
public interface ImportSession extends MeshSink, AutoCloseable {

    /**
     * Lands the import as a new snapshot, in one transaction: merged groups are written, facts that the
     * previous imports of the covered sources saw and this one did not are closed, new or changed facts are
     * added, unchanged facts are left as they are (their existing rows simply go on holding).
     * Whether it succeeds or fails, the session is finished afterwards.
     *
     * @return the new snapshot; its id is larger than every existing snapshot id
     * @throws StoreException        when the import covers no source or the database fails; the store is
     *                               then unchanged
     * @throws IllegalStateException when the session was already committed or closed
     */
    Snapshot commit();

    /**
     * Rolls the import back unless it was committed, and releases its connection. Idempotent.
     */
    @Override
    void close();
}
