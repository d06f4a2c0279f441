package dev.meshlens.importers.file;

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

/**
 * A sink that passes everything to another, meant to be subclassed by tests that watch one kind of fact
 * without keeping it (an overridden method does not forward).
 */
class CountingSink implements MeshSink {
    private final MeshSink next;

    CountingSink(MeshSink next) {
        this.next = next;
    }

    @Override
    public void cover(SourceKind source) {
        next.cover(source);
    }

    @Override
    public void acl(AclBinding acl) {
        next.acl(acl);
    }

    @Override
    public void topic(Topic topic) {
        next.topic(topic);
    }

    @Override
    public void group(ConsumerGroup group) {
        next.group(group);
    }

    @Override
    public void product(DataProduct product) {
        next.product(product);
    }

    @Override
    public void service(ServiceInfo service) {
        next.service(service);
    }

    @Override
    public void groupMapping(GroupMapping mapping) {
        next.groupMapping(mapping);
    }

    @Override
    public void schema(SchemaVersion schema) {
        next.schema(schema);
    }

    @Override
    public void hop(RecordHop hop) {
        next.hop(hop);
    }
}
