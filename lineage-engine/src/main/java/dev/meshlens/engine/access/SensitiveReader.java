package dev.meshlens.engine.access;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Objects;

/**
 * A reader of a sensitive product: a principal (or a consumer group no principal can be named for) that can read
 * the tagged product, directly or through products derived from it.
 *
 * @param principal  the reader's principal; null for a group standing for an unknown principal
 * @param group      only for such a group: its id (left out of JSON otherwise)
 * @param product    the tagged product's topic
 * @param readsTopic the topic the reader reads on {@code path}: the tagged topic itself when {@code direct}
 * @param direct     whether the reader reads the tagged topic itself
 * @param path       a shortest path from the tagged topic to the reader, as node names: topic, principal, topic,
 *                   ..., reader
 * @param hasGroup   whether some group of the reader consumes {@code readsTopic} (false: permission without use);
 *                   null when no consumer groups were imported
 * @param registered whether the principal is in services.csv; null when services.csv was never imported or the
 *                   reader is a group without principal
 * @param authorized false when the reader consumes {@code readsTopic} without a matching READ ACL
 */
public record SensitiveReader(String principal, @JsonInclude(JsonInclude.Include.NON_NULL) String group,
                              String product, String readsTopic, boolean direct, List<String> path, Boolean hasGroup,
                              Boolean registered, boolean authorized) {

    /** @throws NullPointerException when {@code product}, {@code readsTopic} or {@code path} is null */
    public SensitiveReader {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(readsTopic, "readsTopic");
        path = List.copyOf(path);
    }
}
