package dev.meshlens.importers.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.importers.kafka.KafkaClientConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The connection profiles remembered in a JSON file, {@code ~/.meshlens/profiles.json} by default:
 * <pre>{@code {"profiles": [{"name": "prod", "kafka": "/home/me/prod.properties",
 *                "registry": "https://registry:8081", "registryCredentials": "/home/me/registry.properties"}]}}</pre>
 * Only names, paths and URLs are written: the secrets stay in the files the profiles point to. Changes rewrite the
 * file atomically. Not safe against two processes changing profiles at the same instant (the last one wins).
 */
public final class ConnectionProfiles {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path file;

    /** The file's form: paths as plain strings (Jackson would write {@code file://} URIs). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Stored(String name, String kafka, String registry, String registryCredentials) {
        static Stored of(ConnectionProfile p) {
            return new Stored(p.name(), p.kafka().toString(), p.registry(),
                    p.registryCredentials() == null ? null : p.registryCredentials().toString());
        }

        ConnectionProfile profile() {
            if (kafka == null) {
                throw new IllegalArgumentException("profile '" + name + "' names no kafka file");
            }
            return new ConnectionProfile(name, Path.of(kafka), registry,
                    registryCredentials == null ? null : Path.of(registryCredentials));
        }
    }

    private record Document(List<Stored> profiles) {
        Document {
            profiles = profiles == null ? List.of() : List.copyOf(profiles);
        }
    }

    /** The profiles kept in {@code file}; the file is created on the first {@link #add}. */
    public ConnectionProfiles(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The default profiles file: {@code .meshlens/profiles.json} under the user's home directory. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".meshlens", "profiles.json");
    }

    /** The file the profiles are kept in. */
    public Path file() {
        return file;
    }

    /**
     * Every profile, sorted by name.
     *
     * @throws InputException naming the file and line when it is not a profiles document
     */
    public List<ConnectionProfile> list() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            Document document = JSON.readValue(file.toFile(), Document.class);
            return document.profiles().stream().map(Stored::profile)
                    .sorted(Comparator.comparing(ConnectionProfile::name)).toList();
        } catch (IllegalArgumentException e) {
            throw new InputException(file.toString(), 0, "not a profiles document: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InputException(file.toString(), at == null ? 0 : Math.max(0, at.getLineNr()),
                    "not a profiles document: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The profile named {@code name}, if there is one. */
    public Optional<ConnectionProfile> find(String name) {
        return list().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Remembers {@code profile}, with its files as absolute paths, after checking that its Kafka file is a client
     * properties file with {@code bootstrap.servers} and that its credentials file exists.
     *
     * @param replace whether an existing profile of the same name may be replaced
     * @return the profile as stored
     * @throws IllegalArgumentException when a profile of that name exists and {@code replace} is false
     * @throws InputException           naming a file that cannot be read or is no client properties file
     */
    public ConnectionProfile add(ConnectionProfile profile, boolean replace) {
        Objects.requireNonNull(profile, "profile");
        Path kafka = profile.kafka().toAbsolutePath().normalize();
        KafkaClientConfig.load(kafka);
        Path credentials = null;
        if (profile.registryCredentials() != null) {
            credentials = profile.registryCredentials().toAbsolutePath().normalize();
            if (!Files.isRegularFile(credentials) || !Files.isReadable(credentials)) {
                throw new InputException(credentials.toString(), 0, "no such readable file");
            }
        }
        ConnectionProfile stored = new ConnectionProfile(profile.name(), kafka, profile.registry(), credentials);
        List<ConnectionProfile> profiles = new ArrayList<>(list());
        boolean exists = profiles.removeIf(p -> p.name().equals(stored.name()));
        if (exists && !replace) {
            throw new IllegalArgumentException("a profile named '" + stored.name() + "' exists already in " + file
                    + "; remove it first or replace it");
        }
        profiles.add(stored);
        write(profiles);
        return stored;
    }

    /**
     * Forgets the profile named {@code name}.
     *
     * @return whether there was one
     */
    public boolean remove(String name) {
        List<ConnectionProfile> profiles = new ArrayList<>(list());
        if (!profiles.removeIf(p -> p.name().equals(name))) {
            return false;
        }
        write(profiles);
        return true;
    }

    private void write(List<ConnectionProfile> profiles) {
        List<Stored> sorted = profiles.stream().sorted(Comparator.comparing(ConnectionProfile::name))
                .map(Stored::of).toList();
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".profiles", ".json");
            try {
                JSON.writeValue(temp.toFile(), new Document(sorted));
                moveOver(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the profiles file " + file, e);
        }
    }

    private static void moveOver(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
