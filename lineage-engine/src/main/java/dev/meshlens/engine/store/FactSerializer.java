package dev.meshlens.engine.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes model records (facts) as compact, deterministic JSON and reads them back.
 *
 * <p>Deterministic means: equal records always give the same bytes, whatever the JVM or the order in which
 * maps were filled. The store hashes these bytes to recognise unchanged facts, and exporters may rely on
 * them for byte-for-byte verifiable output. The rules:
 * <ul>
 *   <li>properties are the record components (fields), sorted alphabetically; derived accessors such as
 *       {@code ConsumerGroup.isActive()} are not written;</li>
 *   <li>map entries are sorted by key;</li>
 *   <li>null components are left out (and read back as null); empty lists are written as {@code []};</li>
 *   <li>instants are ISO-8601 strings in UTC with the precision they have ({@code 2024-05-01T10:15:30.5Z});</li>
 *   <li>unknown properties are ignored when reading, so a payload written by a newer Meshlens with an extra
 *       component still reads.</li>
 * </ul>
 * Instances are immutable and thread-safe.
 */
public final class FactSerializer {
    private final ObjectMapper mapper;

    /** Creates a serializer with the rules above. */
    public FactSerializer() {
        mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                // Fields only: records expose derived accessors (isActive, isWildcardResource) that must not
                // become stored properties. Creators keep their default visibility so records deserialize
                // through their canonical constructors (which also apply the records' defaults).
                .visibility(PropertyAccessor.GETTER, Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                .visibility(PropertyAccessor.SETTER, Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, Visibility.ANY)
                .build();
    }

    /**
     * Writes {@code fact} as JSON following the rules in the class description.
     *
     * @param fact a model record (or a list/map of them, or plain values)
     * @return the JSON text, on one line
     * @throws IllegalArgumentException when the value cannot be written (not a model type)
     */
    public String toJson(Object fact) {
        try {
            return mapper.writeValueAsString(fact);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + fact.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads JSON written by {@link #toJson(Object)} back into a record of {@code type}.
     *
     * @throws IllegalArgumentException when {@code json} is not valid JSON for {@code type}; the message names
     *                                  the type and the problem
     */
    public <T> T fromJson(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + " from JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
