package dev.meshlens.importers.kafka;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hears how a live import advances. Callbacks run on the importing thread, {@code started} then
 * {@code finished} for each step ({@code finished} is not called when the step fails); a UI must hand them over
 * to its own thread. A callback may cancel the import by throwing
 * {@link java.util.concurrent.CancellationException}. Every method does nothing by default.
 */
public interface KafkaImportProgress {

    /** Hears nothing. */
    KafkaImportProgress NONE = new KafkaImportProgress() {
    };

    /**
     * A step starts.
     *
     * @param step e.g. {@code acls}, {@code topics}, {@code groups}, {@code sample orders}
     * @param what what is being read, for people: {@code reading ACLs (Admin.describeAcls)}
     */
    default void started(String step, String what) {
    }

    /** A step read everything it had to. */
    default void finished(StepResult result) {
    }

    /**
     * Progress as one-line messages for a terminal or a status bar: {@code reading ACLs (Admin.describeAcls)},
     * {@code acls: 103 ACL bindings (0.2 s)}.
     */
    static KafkaImportProgress messages(Consumer<String> messages) {
        Objects.requireNonNull(messages, "messages");
        return new KafkaImportProgress() {
            @Override
            public void started(String step, String what) {
                messages.accept(what);
            }

            @Override
            public void finished(StepResult result) {
                messages.accept(result.toString());
            }
        };
    }
}
