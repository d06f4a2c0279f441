package dev.meshlens.importers.registry;

import dev.meshlens.engine.model.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The user name and password for a Schema Registry's HTTP basic authentication. The password never leaves this
 * object except inside the {@code Authorization} header sent to the registry: {@link #toString()} hides it, it is
 * not part of any message, log line, snapshot or export.
 *
 * <p>A credentials file holds either Confluent's client setting (the same line a serializer's config has; the
 * {@code schema.registry.} prefix is optional, so a Kafka client properties file holding it can be given as is):
 * <pre>
 * basic.auth.credentials.source=USER_INFO
 * basic.auth.user.info=alice:s3cret
 * </pre>
 * or two lines:
 * <pre>
 * USER=alice
 * PASSWORD=s3cret
 * </pre>
 * Keys ignore case ({@code user}, {@code username} and {@code password} work too); {@code #} and {@code !} start
 * comment lines; spaces around keys and values are dropped; the value is everything after the first {@code =}, taken
 * literally (no backslash escapes, unlike {@link java.util.Properties}). In {@code user:password} the user ends at the
 * first colon, so passwords may contain colons. Other keys are ignored.
 */
public final class RegistryCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryCredentials.class);
    private static final String USER_INFO = "basic.auth.user.info";
    private static final String SOURCE = "basic.auth.credentials.source";
    private static final String PREFIX = "schema.registry.";

    private final String user;
    private final String authorization;

    private RegistryCredentials(String user, String password) {
        this.user = user;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Credentials given directly (tests, the desktop app's dialog).
     *
     * @throws IllegalArgumentException when the user is empty or holds a colon, or the password is empty
     */
    public static RegistryCredentials of(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isEmpty() || user.contains(":")) {
            throw new IllegalArgumentException("a registry user name must be non-empty and hold no ':'");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the registry password is empty");
        }
        return new RegistryCredentials(user, password);
    }

    /**
     * Reads a credentials file in one of the two layouts described above. Messages name the file and line but
     * never repeat a value from it. Warns in the log when other users may read the file.
     *
     * @throws InputException naming the file (and line) when it is not UTF-8, names no credentials, gives both
     *                        layouts, or a value is malformed
     * @throws IOException    when the file cannot be read
     */
    public static RegistryCredentials read(Path file) throws IOException {
        String source = file.toString();
        String[] lines = Utf8Files.read(file).split("\\R", -1);
        Value userInfo = null;
        Value user = null;
        Value password = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                // never echo the line: it may be a password written without its key
                throw new InputException(source, i + 1,
                        "expected <key>=<value>, e.g. basic.auth.user.info=<user>:<password>");
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String unprefixed = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
            Value value = new Value(line.substring(eq + 1).strip(), i + 1);
            switch (unprefixed) {
                case USER_INFO -> userInfo = once(source, userInfo, value, USER_INFO);
                case "user", "username" -> user = once(source, user, value, "USER");
                case "password" -> password = once(source, password, value, "PASSWORD");
                case SOURCE -> requireUserInfoSource(source, value);
                default -> LOG.debug("{}:{}: key {} is not a registry credential, ignored", source, i + 1, key);
            }
        }
        warnIfOthersCanRead(file);
        if (userInfo != null) {
            if (user != null || password != null) {
                throw new InputException(source, (user != null ? user : password).line(), "give either "
                        + USER_INFO + "=<user>:<password> or USER and PASSWORD lines, not both");
            }
            int colon = userInfo.text().indexOf(':');
            if (colon <= 0) {
                throw new InputException(source, userInfo.line(), USER_INFO + " must be <user>:<password>");
            }
            return checked(source, userInfo.text().substring(0, colon), userInfo.text().substring(colon + 1),
                    userInfo.line(), userInfo.line());
        }
        if (user == null && password == null) {
            throw new InputException(source, 0, "no registry credentials: expected " + USER_INFO
                    + "=<user>:<password>, or USER=<user> and PASSWORD=<password> lines");
        }
        if (user == null) {
            throw new InputException(source, password.line(), "a PASSWORD line needs a USER line");
        }
        if (password == null) {
            throw new InputException(source, user.line(), "a USER line needs a PASSWORD line");
        }
        return checked(source, user.text(), password.text(), user.line(), password.line());
    }

    /** The user name, which messages may show (for example when the registry refuses it). */
    public String user() {
        return user;
    }

    /** The {@code Authorization} header value; package-private so only the client sees it. */
    String authorization() {
        return authorization;
    }

    /** Shows the user only: the password must not reach a log line through string concatenation. */
    @Override
    public String toString() {
        return "RegistryCredentials[user=" + user + ", password=****]";
    }

    private static RegistryCredentials checked(String source, String user, String password, long userLine,
                                               long passwordLine) {
        if (user.isEmpty() || user.contains(":")) {
            throw new InputException(source, userLine, "the registry user name must be non-empty and hold no ':'");
        }
        if (password.isEmpty()) {
            throw new InputException(source, passwordLine, "the registry password is empty");
        }
        return new RegistryCredentials(user, password);
    }

    private static Value once(String source, Value earlier, Value value, String name) {
        if (earlier != null) {
            throw new InputException(source, value.line(), name + " is also given on line " + earlier.line());
        }
        return value;
    }

    private static void requireUserInfoSource(String source, Value value) {
        if (!value.text().equalsIgnoreCase("USER_INFO")) {
            throw new InputException(source, value.line(), SOURCE + " must be USER_INFO: Meshlens reads the user and "
                    + "password from this file");
        }
    }

    private static void warnIfOthersCanRead(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("{} holds a password and other users can read it (chmod 600 {})", file, file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (Windows): nothing to check
        }
    }


    private record Value(String text, long line) {
        @Override
        public String toString() {
            return "Value[line=" + line + "]";
        }
    }
}
