package dev.meshlens.engine.model;

/** Kafka ACL operations, named as Kafka names them. */
public enum AclOperation {
    ALL, READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, CLUSTER_ACTION, DESCRIBE_CONFIGS, ALTER_CONFIGS,
    IDEMPOTENT_WRITE, CREATE_TOKENS, DESCRIBE_TOKENS, TWO_PHASE_COMMIT;

    /** Parses Kafka's spellings: {@code READ}, {@code Read}, {@code ClusterAction}, {@code cluster_action}. */
    public static AclOperation parse(String text) {
        return Names.parseEnum(AclOperation.class, text);
    }
}
