package dev.meshlens.importers.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshlens.engine.model.SchemaVersion;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes schema versions into a cluster's {@code _schemas} topic the way a Confluent-compatible Schema Registry
 * stores them, so a registry-less cluster (the demo cluster) holds what the {@code _schemas} reader imports: per
 * version a {@code SCHEMA} record (key {@code {"keytype":"SCHEMA","subject":...,"version":...,"magic":1}}, value
 * with {@code subject}, {@code version}, {@code id}, {@code schemaType} (left out for Avro), {@code schema},
 * {@code references} and {@code deleted}), and per subject with a compatibility level a {@code CONFIG} record
 * ({@code {"compatibilityLevel": "BACKWARD"}}). The topic is created compacted with one partition, as the
 * registry creates it.
 */
public final class SchemasTopicSeeder {
    /** The registry's default storage topic. */
    public static final String TOPIC = "_schemas";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Properties adminProperties;
    private final Duration timeout;

    /**
     * @param adminProperties client properties of a user allowed to create the topic and write to it
     * @param timeout         bound on every wait
     */
    public SchemasTopicSeeder(Properties adminProperties, Duration timeout) {
        this.adminProperties = adminProperties;
        this.timeout = timeout;
    }

    /**
     * Creates {@link #TOPIC} and writes {@code versions} into it, in order.
     *
     * @return how many records were written
     * @throws TimeoutException when the cluster does not answer within the timeout
     */
    public int seed(List<SchemaVersion> versions) throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(adminProperties)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)
                            .configs(Map.of("cleanup.policy", "compact"))))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        Map<String, String> compatibility = new TreeMap<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (SchemaVersion v : versions) {
            records.add(new ProducerRecord<>(TOPIC, 0, schemaKey(v), schemaValue(v)));
            if (v.compatibility() != null) {
                compatibility.put(v.subject(), v.compatibility());
            }
        }
        compatibility.forEach((subject, level) -> records.add(new ProducerRecord<>(TOPIC, 0,
                JSON.createObjectNode().put("keytype", "CONFIG").put("subject", subject).put("magic", 0).toString(),
                JSON.createObjectNode().put("compatibilityLevel", level).toString())));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(adminProperties, new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return records.size();
    }

    static String schemaKey(SchemaVersion v) {
        return JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", v.subject()).put("version", v.version())
                .put("magic", 1).toString();
    }

    static String schemaValue(SchemaVersion v) {
        ObjectNode value = JSON.createObjectNode().put("subject", v.subject()).put("version", v.version())
                .put("id", v.id());
        if (!"AVRO".equals(v.schemaType())) {
            value.put("schemaType", v.schemaType());
        }
        value.put("schema", v.schema());
        ArrayNode references = value.putArray("references");
        for (String reference : v.references()) {
            int colon = reference.lastIndexOf(':');
            String version = colon < 0 ? "" : reference.substring(colon + 1);
            boolean numbered = version.matches("\\d{1,9}");
            String subject = numbered ? reference.substring(0, colon) : reference;
            ObjectNode ref = references.addObject().put("name", subject).put("subject", subject);
            if (numbered) {
                ref.put("version", Integer.parseInt(version));
            }
        }
        return value.put("deleted", false).toString();
    }
}
