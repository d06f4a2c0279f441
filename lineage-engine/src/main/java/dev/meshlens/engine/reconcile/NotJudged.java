package dev.meshlens.engine.reconcile;

import java.util.Objects;

/**
 * A finding that was not judged because a source it needs was never imported.
 *
 * @param key    the finding's JSON key, e.g. {@code unusedPermissions}
 * @param reason what is missing, e.g. {@code never imported: groups (needs acls, groups)}
 */
public record NotJudged(String key, String reason) {

    /** @throws NullPointerException when a component is null */
    public NotJudged {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
    }
}
