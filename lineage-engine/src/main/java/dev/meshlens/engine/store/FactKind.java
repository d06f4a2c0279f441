package dev.meshlens.engine.store;

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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The kinds of fact the store keeps: for each, its stable label (the {@code kind} column), the source it
 * belongs to, its model type and how to replay it into a {@link MeshSink}.
 */
enum FactKind {
    ACL("acl", SourceKind.ACLS, AclBinding.class) {
        @Override
        void replay(Object fact, MeshSink sink) {
            sink.acl((AclBinding) fact);
        }
    },
    TOPIC("topic", SourceKind.TOPICS, Topic.class) {
        @Override
        void replay(Object fact, MeshSink sink) {
            sink.topic((Topic) fact);
        }
    },
    GROUP("group", SourceKind.GROUPS, ConsumerGroup.class) {
        @Override
        void replay(Object fact, MeshSink sink) {
            sink.group((ConsumerGroup) fact);
        }
    },
    PRODUCT("product", SourceKind.CATALOG, DataProduct.class) {
        @Override
        void replay(Object fact, MeshSink sink) {
            sink.product((DataProduct) fact);
        }
    },
    SERVICE("service", SourceKind.SERVICES, ServiceInfo.class) {
        @Override
        void replay(Object fact, MeshSink sink) {
            sink.service((ServiceInfo) fact);
        }
    },
    GROUP_MAPPING("group-mapping", SourceKind.GROUP_MAPPING, GroupMapping.class) {
        @Override
        void replay(Object fact, MeshSink sink) {
            sink.groupMapping((GroupMapping) fact);
        }
    },
    SCHEMA("schema", SourceKind.SCHEMAS, SchemaVersion.class) {
        @Override
        void replay(Object fact, MeshSink sink) {
            sink.schema((SchemaVersion) fact);
        }
    },
    HOP("hop", SourceKind.HOPS, RecordHop.class) {
        @Override
        void replay(Object fact, MeshSink sink) {
            sink.hop((RecordHop) fact);
        }
    };

    private final String label;
    private final SourceKind source;
    private final Class<?> type;
    private final byte[] hashPrefix;

    FactKind(String label, SourceKind source, Class<?> type) {
        this.label = label;
        this.source = source;
        this.type = type;
        this.hashPrefix = (label + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The value of the {@code kind} column; never changes once released. */
    String label() {
        return label;
    }

    /** Starts a fact's content hash with {@code label + "\n"}, so that equal payloads of two kinds differ. */
    void startHash(MessageDigest digest) {
        digest.update(hashPrefix);
    }

    /** The source whose imports carry this kind of fact. */
    SourceKind source() {
        return source;
    }

    /** The model record type of this kind. */
    Class<?> type() {
        return type;
    }

    /** Passes {@code fact} to the sink method of this kind. */
    abstract void replay(Object fact, MeshSink sink);

    /**
     * The kind stored under {@code label}.
     *
     * @throws StoreException when the label is unknown (a payload written by a newer Meshlens)
     */
    static FactKind fromLabel(String label) {
        for (FactKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new StoreException("the catalog holds facts of unknown kind '" + label
                + "'; it was written by a newer Meshlens");
    }
}
