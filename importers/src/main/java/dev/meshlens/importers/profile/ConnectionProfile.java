package dev.meshlens.importers.profile;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A remembered way to reach a cluster: a name, the Kafka client properties file to connect with, and optionally
 * a Schema Registry URL with the file holding its credentials. It refers to files and never holds a secret, so it
 * can be stored and shown as it is.
 *
 * @param name                e.g. {@code prod}; letters, digits, {@code .}, {@code _} and {@code -}
 * @param kafka               a Kafka client properties file (what Kafka's tools take with {@code --command-config})
 * @param registry            a Schema Registry base URL, or null; never with credentials in it
 * @param registryCredentials a file holding the registry's credentials, or null
 */
public record ConnectionProfile(String name, Path kafka, String registry, Path registryCredentials) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * @throws IllegalArgumentException when the name is not a profile name, the Kafka file is missing, or the
     *                                  registry URL is not an http(s) URL or carries credentials
     */
    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("profile name '" + name + "' must be 1 to 64 letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit");
        }
        Objects.requireNonNull(kafka, "kafka");
        if (registry != null) {
            registry = registry.strip();
            checkRegistryUrl(registry);
        }
    }

    private static void checkRegistryUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("registry URL '" + url + "' is not a URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("registry URL '" + url + "' must be an http:// or https:// URL");
        }
        if (uri.getRawUserInfo() != null) {
            // the URL would be stored and shown as it is: credentials belong in their own file
            throw new IllegalArgumentException("the registry URL must not carry credentials; put them in a file "
                    + "and give it as the registry credentials");
        }
    }
}
