package dev.meshlens.app.cli;

import dev.meshlens.engine.model.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The user name and password for a shared catalog (PostgreSQL, an H2 server). They come from the environment
 * ({@value #USER_ENV}, {@value #PASSWORD_ENV}) or from a file only its owner can read ({@code
 * ~/.meshlens/db-credentials}, or the file named by {@value #FILE_ENV}) with lines {@code user=...} and {@code
 * password=...}: never from the command line, where they would land in the shell history and in {@code ps}.
 * {@link #toString()} never shows the password.
 *
 * @param user     the database user; null to leave it to the URL or the driver
 * @param password the password; null when none is given
 */
public record CatalogCredentials(String user, String password) {
    public static final String USER_ENV = "MESHLENS_DB_USER";
    public static final String PASSWORD_ENV = "MESHLENS_DB_PASSWORD";
    /** Names the credentials file instead of the default {@code ~/.meshlens/db-credentials}. */
    public static final String FILE_ENV = "MESHLENS_DB_CREDENTIALS";
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** The default credentials file: {@code ~/.meshlens/db-credentials}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".meshlens", "db-credentials");
    }

    /**
     * The credentials for a shared catalog: from {@value #USER_ENV} / {@value #PASSWORD_ENV} when either is set
     * (the file is then not read), else from the credentials file ({@value #FILE_ENV} or {@link #defaultFile()})
     * when it exists.
     *
     * @return empty when neither the environment nor a file gives any
     * @throws CliException   when the file can be read by its group or others, or cannot be read at all
     * @throws InputException naming the file and line of a line that is not {@code user=} or {@code password=}
     */
    public static Optional<CatalogCredentials> resolve(Map<String, String> env) {
        String user = blankToNull(env.get(USER_ENV));
        String password = env.get(PASSWORD_ENV);
        if (user != null || password != null) {
            return Optional.of(new CatalogCredentials(user, password));
        }
        String file = blankToNull(env.get(FILE_ENV));
        return fromFile(file == null ? defaultFile() : Path.of(file));
    }

    /**
     * Reads a credentials file, refusing it when its group or others have any permission on it (a password
     * readable by every user of the machine is not a secret). On file systems without POSIX permissions the
     * check is left to the system's own access control.
     *
     * @return empty when the file does not exist
     */
    static Optional<CatalogCredentials> fromFile(Path file) {
        List<String> lines;
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
                if (permissions.stream().anyMatch(NOT_OWNER::contains)) {
                    throw new CliException("the catalog credentials file " + file + " is readable by other users ("
                            + PosixFilePermissions.toString(permissions) + "); make it private with 'chmod 600 "
                            + file + "'");
                }
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CliException("cannot read the catalog credentials file " + file + ": " + e.getMessage());
        }
        String user = null;
        String password = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                // the line itself is not echoed: it may well be a bare password
                throw new InputException(file.toString(), i + 1, "expected user=... or password=..., got a line"
                        + " without '='");
            }
            String key = line.substring(0, eq).strip();
            // the value is everything after '=', spaces included: a password may end in a space
            String raw = lines.get(i);
            String value = raw.substring(raw.indexOf('=') + 1);
            switch (key) {
                case "user" -> user = value.strip();
                case "password" -> password = value;
                default -> throw new InputException(file.toString(), i + 1,
                        "expected user=... or password=..., got '" + key + "'");
            }
        }
        if (user == null && password == null) {
            return Optional.empty();
        }
        return Optional.of(new CatalogCredentials(user, password));
    }

    /** The user and whether a password is set; never the password itself. */
    @Override
    public String toString() {
        return "CatalogCredentials[user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
