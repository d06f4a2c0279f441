package dev.meshlens.importers.kafka;

import dev.meshlens.engine.model.InputException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connection settings of a Kafka client: a standard client properties file, the one Kafka's own tools take
 * with {@code --command-config} ({@code bootstrap.servers}, {@code security.protocol}, SASL and SSL settings).
 *
 * <p>The settings hold secrets (a JAAS line with a password, key store passwords). They are handed to the Kafka
 * client and nowhere else: {@link #toString()}, {@link #origin()} and every message name only the file and the
 * bootstrap servers.
 */
public final class KafkaClientConfig {
    /** SASL mechanisms whose JAAS line names the user, so the principal is {@code User:<username>}. */
    private static final Pattern JAAS_USERNAME = Pattern.compile("\\busername\\s*=\\s*\"([^\"]*)\"");

    private final String source;
    private final Properties properties;
    private final String bootstrapServers;

    private KafkaClientConfig(String source, Properties properties) {
        this.source = source;
        this.properties = properties;
        String servers = properties.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        if (servers == null || servers.isBlank()) {
            throw new InputException(source, 0, "no bootstrap.servers: a Kafka client properties file names the "
                    + "brokers to connect to, e.g. bootstrap.servers=broker1:9092,broker2:9092");
        }
        this.bootstrapServers = servers.strip();
    }

    /**
     * Reads a Kafka client properties file.
     *
     * @throws InputException naming the file when it cannot be read, is not a properties file, or has no
     *                        {@code bootstrap.servers}
     */
    public static KafkaClientConfig load(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, 0, "is a folder, not a Kafka client properties file");
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputException(name, 0, "permission denied", e);
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // Properties.load refuses a malformed backslash-u escape, without a line number
            throw new InputException(name, 0, "not a properties file: " + e.getMessage(), e);
        }
        return new KafkaClientConfig(name, props);
    }

    /**
     * Settings given in code (a test broker's, the desktop app's form).
     *
     * @param source what to call them in messages, e.g. {@code demo-cluster}
     * @throws InputException when there is no {@code bootstrap.servers}
     */
    public static KafkaClientConfig of(String source, Properties properties) {
        Objects.requireNonNull(source, "source");
        Properties copy = new Properties();
        copy.putAll(properties);
        return new KafkaClientConfig(source, copy);
    }

    /** Where the settings come from: the file as given, or the name given to {@link #of}. */
    public String source() {
        return source;
    }

    /** The {@code bootstrap.servers} list, as written. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** What a snapshot records as its origin: {@code kafka:<bootstrap.servers>}, never a credential. */
    public String origin() {
        return "kafka:" + bootstrapServers;
    }

    /**
     * The principal the client will most likely authenticate as, for messages about missing ACLs: {@code
     * User:<username>} for SASL PLAIN and SCRAM logins. Certificates and Kerberos map to principals by broker
     * rules this side cannot see.
     *
     * @return empty when it cannot be told
     */
    public Optional<String> principal() {
        String mechanism = properties.getProperty(SaslConfigs.SASL_MECHANISM, SaslConfigs.DEFAULT_SASL_MECHANISM)
                .strip().toUpperCase(Locale.ROOT);
        String protocol = properties.getProperty(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT")
                .strip().toUpperCase(Locale.ROOT);
        String jaas = properties.getProperty(SaslConfigs.SASL_JAAS_CONFIG);
        if (!protocol.startsWith("SASL_") || jaas == null
                || !(mechanism.equals("PLAIN") || mechanism.startsWith("SCRAM-"))) {
            return Optional.empty();
        }
        Matcher m = JAAS_USERNAME.matcher(jaas);
        return m.find() ? Optional.of("User:" + m.group(1)) : Optional.empty();
    }

    /**
     * A copy of the settings, with the secrets they hold, to create a Kafka client with. Never log it.
     */
    public Properties clientProperties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** The source and the bootstrap servers only. */
    @Override
    public String toString() {
        return "KafkaClientConfig[" + source + ", bootstrap.servers=" + bootstrapServers + "]";
    }
}
