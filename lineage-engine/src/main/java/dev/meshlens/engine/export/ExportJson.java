package dev.meshlens.engine.export;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.meshlens.engine.model.PartitionOffset;

import java.io.IOException;
import java.io.Writer;

/**
 * The canonical JSON of exports: equal values always give the same bytes, on any JVM and platform.
 *
 * <ul>
 *   <li>model records are written by their components (as {@link dev.meshlens.engine.store.FactSerializer}
 *       does), properties and map entries sorted by name, nulls left out;</li>
 *   <li>a group's offsets also carry their derived {@code lag}, for readers who do not compute it;</li>
 *   <li>instants are ISO-8601 in UTC;</li>
 *   <li>pretty output uses two spaces and {@code \n}, whatever the platform's line separator.</li>
 * </ul>
 */
final class ExportJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            // all properties in one alphabetical order, the derived lag among the record components
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // one flush per element would make a large export slow; the caller flushes once at the end
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // components only: derived accessors (isActive, isWildcardResource) are not facts
            .visibility(PropertyAccessor.GETTER, Visibility.NONE)
            .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
            .visibility(PropertyAccessor.SETTER, Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .addMixIn(PartitionOffset.class, OffsetWithLag.class)
            .build();

    private ExportJson() {
    }

    /** A generator writing pretty, platform-independent JSON to {@code writer}, which the caller closes. */
    static JsonGenerator prettyGenerator(Writer writer) throws IOException {
        JsonGenerator generator = MAPPER.getFactory().createGenerator(writer);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        generator.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter)
                .withArrayIndenter(indenter));
        return generator;
    }

    /** A generator writing one compact JSON value per call, for JSON Lines. */
    static JsonGenerator compactGenerator(Writer writer) throws IOException {
        return MAPPER.getFactory().createGenerator(writer);
    }

    /** Adds the derived lag to a group's offsets. */
    private abstract static class OffsetWithLag {
        @JsonProperty("lag")
        abstract Long lag();
    }
}
