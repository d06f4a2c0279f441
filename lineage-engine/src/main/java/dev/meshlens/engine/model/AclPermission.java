package dev.meshlens.engine.model;

/** Whether an ACL binding allows or denies. DENY wins over ALLOW. */
public enum AclPermission {
    ALLOW, DENY;

    public static AclPermission parse(String text) {
        return Names.parseEnum(AclPermission.class, text);
    }
}
