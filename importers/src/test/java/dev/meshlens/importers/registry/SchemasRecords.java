package dev.meshlens.importers.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * Keys and values of a Schema Registry's {@code _schemas} topic, in the exact JSON the Confluent registry writes
 * (its SchemaKey, SchemaValue, ConfigKey, ConfigValue, DeleteSubjectKey/Value, ClearSubjectKey/Value and NoopKey,
 * with their field order).
 */
public final class SchemasRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemasRecords() {
    }

    /** {@code {"keytype":"SCHEMA","subject":s,"version":v,"magic":1}}. */
    public static byte[] schemaKey(String subject, int version) {
        return bytes(JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject).put("version", version)
                .put("magic", 1));
    }

    /**
     * A registered version: {@code {"subject","version","id","schemaType","references","schema","deleted"}};
     * {@code schemaType} is left out for AVRO and {@code references} when there are none, as the registry does.
     *
     * @param references pairs of reference name and {@code subject:version}
     */
    public static byte[] schemaValue(String subject, int version, int id, String schemaType, String schema,
                                     boolean deleted, String... references) {
        ObjectNode value = JSON.createObjectNode().put("subject", subject).put("version", version).put("id", id);
        if (!"AVRO".equals(schemaType)) {
            value.put("schemaType", schemaType);
        }
        if (references.length > 0) {
            ArrayNode refs = value.putArray("references");
            for (int i = 0; i < references.length; i += 2) {
                String[] target = references[i + 1].split(":");
                refs.addObject().put("name", references[i]).put("subject", target[0])
                        .put("version", Integer.parseInt(target[1]));
            }
        }
        value.put("schema", schema).put("deleted", deleted);
        return bytes(value);
    }

    /** {@code {"keytype":"CONFIG","subject":s,"magic":0}}; a null subject is the global config. */
    public static byte[] configKey(String subject) {
        ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG");
        if (subject == null) {
            key.putNull("subject");
        } else {
            key.put("subject", subject);
        }
        return bytes(key.put("magic", 0));
    }

    /** {@code {"compatibilityLevel":level}}. */
    public static byte[] configValue(String level) {
        return bytes(JSON.createObjectNode().put("compatibilityLevel", level));
    }

    /** {@code {"keytype":"DELETE_SUBJECT","subject":s,"magic":0}}. */
    public static byte[] deleteSubjectKey(String subject) {
        return bytes(JSON.createObjectNode().put("keytype", "DELETE_SUBJECT").put("subject", subject).put("magic", 0));
    }

    /** {@code {"subject":s,"version":v}}: versions 1 to v are deleted. */
    public static byte[] deleteSubjectValue(String subject, int version) {
        return bytes(JSON.createObjectNode().put("subject", subject).put("version", version));
    }

    /** {@code {"keytype":"CLEAR_SUBJECT","subject":s,"magic":0}}. */
    public static byte[] clearSubjectKey(String subject) {
        return bytes(JSON.createObjectNode().put("keytype", "CLEAR_SUBJECT").put("subject", subject).put("magic", 0));
    }

    /** {@code {"subject":s}}. */
    public static byte[] clearSubjectValue(String subject) {
        return bytes(JSON.createObjectNode().put("subject", subject));
    }

    /** {@code {"keytype":"NOOP","magic":0}}, written with a null value. */
    public static byte[] noopKey() {
        return bytes(JSON.createObjectNode().put("keytype", "NOOP").put("magic", 0));
    }

    /** {@code {"keytype":"MODE","subject":s,"magic":0}}. */
    public static byte[] modeKey(String subject) {
        return bytes(JSON.createObjectNode().put("keytype", "MODE").put("subject", subject).put("magic", 0));
    }

    /** Any text as bytes, for malformed records. */
    public static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
