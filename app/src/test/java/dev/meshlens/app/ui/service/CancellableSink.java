package dev.meshlens.app.ui.service;

import dev.meshlens.app.ui.task.TaskContext;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;

import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Passes facts on to another sink, and stops the import at the next fact once the user pressed Cancel: the
 * reader unwinds with a {@link CancellationException} and nothing lands. For the in-memory test catalog.
 */
public final class CancellableSink implements MeshSink {
    private final MeshSink target;
    private final TaskContext context;

    /** Wraps {@code target}, polling {@code context} for cancellation. */
    public CancellableSink(MeshSink target, TaskContext context) {
        this.target = Objects.requireNonNull(target);
        this.context = Objects.requireNonNull(context);
    }

    private void check() {
        if (context.isCancelled()) {
            throw new CancellationException("import cancelled");
        }
    }

    /** Passes the source on unless cancelled. */
    @Override
    public void cover(SourceKind source) {
        check();
        target.cover(source);
    }

    /** Passes the ACL on unless cancelled. */
    @Override
    public void acl(AclBinding acl) {
        check();
        target.acl(acl);
    }

    /** Passes the topic on unless cancelled. */
    @Override
    public void topic(Topic topic) {
        check();
        target.topic(topic);
    }

    /** Passes the group on unless cancelled. */
    @Override
    public void group(ConsumerGroup group) {
        check();
        target.group(group);
    }

    /** Passes the product on unless cancelled. */
    @Override
    public void product(DataProduct product) {
        check();
        target.product(product);
    }

    /** Passes the service on unless cancelled. */
    @Override
    public void service(ServiceInfo service) {
        check();
        target.service(service);
    }

    /** Passes the mapping on unless cancelled. */
    @Override
    public void groupMapping(GroupMapping mapping) {
        check();
        target.groupMapping(mapping);
    }

    /** Passes the schema on unless cancelled. */
    @Override
    public void schema(SchemaVersion schema) {
        check();
        target.schema(schema);
    }

    /** Passes the hop on unless cancelled. */
    @Override
    public void hop(RecordHop hop) {
        check();
        target.hop(hop);
    }
}
