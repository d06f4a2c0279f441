package dev.meshlens.engine.export;

import dev.meshlens.engine.model.DataProduct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The Kafka bootstrap servers a catalog declares (the products' Bootstrap URI), as {@code host:port} without
 * scheme, credentials or path: {@code SASL_SSL://alice:secret@b-1:9093,b-2:9093/x} gives {@code b-1:9093} and
 * {@code b-2:9093}. Credentials never reach an export.
 */
final class BootstrapServers {
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+._-]*://");
    /** The user information of a URI or of one server of a list: after the scheme or a separator, up to {@code @}. */
    private static final Pattern USERINFO = Pattern.compile("(^|://|[,;\\s])[^/@,;\\s]*@");

    private BootstrapServers() {
    }

    /** The servers one Bootstrap URI names, in the order written; empty for a blank or null URI. */
    static List<String> parse(String uri) {
        List<String> servers = new ArrayList<>();
        if (uri == null || uri.isBlank()) {
            return servers;
        }
        for (String part : SEPARATORS.split(uri.trim())) {
            String server = SCHEME.matcher(part).replaceFirst("");
            int at = server.lastIndexOf('@');
            if (at >= 0) {
                server = server.substring(at + 1);
            }
            int slash = server.indexOf('/');
            if (slash >= 0) {
                server = server.substring(0, slash);
            }
            int query = server.indexOf('?');
            if (query >= 0) {
                server = server.substring(0, query);
            }
            if (!server.isBlank()) {
                servers.add(server.toLowerCase(Locale.ROOT));
            }
        }
        return servers;
    }

    /**
     * {@code uri} without user information: {@code SASL_SSL://alice:s3cret@b-1:9093,b-2:9093} gives
     * {@code SASL_SSL://b-1:9093,b-2:9093}; anything else is kept as written.
     *
     * @return null for null
     */
    static String withoutCredentials(String uri) {
        return uri == null ? null : USERINFO.matcher(uri).replaceAll("$1");
    }

    /** Every server the products name, sorted and distinct. */
    static List<String> of(List<DataProduct> products) {
        TreeSet<String> servers = new TreeSet<>();
        products.forEach(p -> servers.addAll(parse(p.bootstrapUri())));
        return List.copyOf(servers);
    }

    /**
     * The server that stands for the cluster: the first server most products name (ties broken by name), so that
     * every dataset of the cluster gets the same OpenLineage namespace.
     *
     * @return null when no product declares a Bootstrap URI
     */
    static String primary(List<DataProduct> products) {
        Map<String, Integer> votes = new TreeMap<>();
        for (DataProduct product : products) {
            List<String> servers = parse(product.bootstrapUri());
            if (!servers.isEmpty()) {
                votes.merge(servers.get(0), 1, Integer::sum);
            }
        }
        return votes.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }
}
