package dev.meshlens.app.ui.service;

import java.util.Objects;

/**
 * A principal that writes a topic.
 *
 * @param serviceName the declared service name, or null when services.csv does not name it
 * @param owner       the declared owner (usually an e-mail address), or null
 * @param evidence    how we know, e.g. {@code ACL WRITE (PREFIXED customer.)}
 */
public record ProducerRow(String principal, String serviceName, String owner, String evidence) {

    public ProducerRow {
        Objects.requireNonNull(principal, "principal");
    }
}
