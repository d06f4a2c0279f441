package dev.meshlens.engine.model;

/**
 * Receives the facts an importer reads, one at a time, so that an import never has to hold a whole file.
 * An importer calls {@link #cover(SourceKind)} for every source it reads completely, even when it finds no
 * fact in it: an ACL listing with no ACLs covers {@link SourceKind#ACLS} and means "no ACLs".
 *
 * <p>Consumer groups may arrive in parts (the offsets, members and state listings of
 * {@code kafka-consumer-groups} each show part of a group); receivers merge parts by group id with
 * {@link ConsumerGroup#merge(ConsumerGroup)}.
 */
public interface MeshSink {

    void cover(SourceKind source);

    void acl(AclBinding acl);

    void topic(Topic topic);

    void group(ConsumerGroup group);

    void product(DataProduct product);

    void service(ServiceInfo service);

    void groupMapping(GroupMapping mapping);

    void schema(SchemaVersion schema);

    void hop(RecordHop hop);
}
