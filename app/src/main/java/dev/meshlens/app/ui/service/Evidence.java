package dev.meshlens.app.ui.service;

/** How a consumer edge is known: declared (an ACL allows READ), observed (a group has offsets), or both. */
public enum Evidence {
    ACL("ACL"), GROUP("group"), ACL_AND_GROUP("ACL + group");

    private final String label;

    Evidence(String label) {
        this.label = label;
    }

    /** The label shown in tables. */
    public String label() {
        return label;
    }
}
