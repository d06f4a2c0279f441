package dev.meshlens.engine.model;

/** Kafka ACL resource types, named as Kafka names them. */
public enum ResourceType {
    TOPIC, GROUP, CLUSTER, TRANSACTIONAL_ID, DELEGATION_TOKEN, USER;

    /** Parses Kafka's spellings: {@code TOPIC}, {@code Topic}, {@code TransactionalId}, {@code transactional_id}. */
    public static ResourceType parse(String text) {
        return Names.parseEnum(ResourceType.class, text);
    }
}
