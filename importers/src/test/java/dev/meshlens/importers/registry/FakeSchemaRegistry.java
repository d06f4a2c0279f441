package dev.meshlens.importers.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server on 127.0.0.1 that answers the Confluent Schema Registry's REST API with the response bodies
 * its documentation shows: {@code GET /subjects}, {@code /subjects/{s}/versions}, {@code /subjects/{s}/versions/{v}}
 * (no {@code schemaType} for Avro, as the registry omits it), {@code /config} and {@code /config/{s}}, and the
 * registry's error bodies ({@code {"error_code":40401,"message":"Subject 'x' not found."}}). Any path can be made
 * to answer something else ({@link #answer}) or to answer late ({@link #delay}), and basic authentication can be
 * required. Every request is recorded with its raw path and Authorization header.
 */
public final class FakeSchemaRegistry implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Map<Integer, Registered>> subjects = new LinkedHashMap<>();
    private final Map<String, String> subjectLevels = new ConcurrentHashMap<>();
    private final Map<String, Canned> answers = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String globalLevel = "BACKWARD";
    private volatile String expectedAuthorization;

    private FakeSchemaRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a registry with no subjects and the global level BACKWARD. */
    public static FakeSchemaRegistry start() {
        try {
            return new FakeSchemaRegistry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The registry's base URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Registers a version of a subject. */
    public synchronized FakeSchemaRegistry register(String subject, int version, int id, String schemaType,
                                                    String schema, Reference... references) {
        subjects.computeIfAbsent(subject, s -> new TreeMap<>())
                .put(version, new Registered(id, schemaType, schema, List.of(references)));
        return this;
    }

    /** Sets the global compatibility level ({@code GET /config}). */
    public FakeSchemaRegistry globalLevel(String level) {
        this.globalLevel = level;
        return this;
    }

    /** Gives a subject its own compatibility level ({@code GET /config/{subject}}). */
    public FakeSchemaRegistry subjectLevel(String subject, String level) {
        subjectLevels.put(subject, level);
        return this;
    }

    /** Makes {@code rawPath} (as sent, e.g. {@code /subjects/orders-value/versions}) answer this instead. */
    public FakeSchemaRegistry answer(String rawPath, int status, String body) {
        answers.put(rawPath, new Canned(status, body));
        return this;
    }

    /** Makes {@code rawPath} answer only after {@code delay}. */
    public FakeSchemaRegistry delay(String rawPath, Duration delay) {
        delays.put(rawPath, delay);
        return this;
    }

    /** Answers 401 with the registry's error body unless a request carries these basic credentials. */
    public FakeSchemaRegistry requireBasicAuth(String user, String password) {
        expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Every request received so far, in order of arrival. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(exchange.getRequestMethod(), rawPath, authorization));
        try (exchange) {
            Duration delay = delays.get(rawPath);
            if (delay != null) {
                Thread.sleep(delay.toMillis());
            }
            Canned canned = answer(rawPath, authorization);
            byte[] body = canned.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(canned.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: nothing to answer
        }
    }

    private Canned answer(String rawPath, String authorization) {
        if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
            return error(401, 401, "Unauthorized");
        }
        Canned canned = answers.get(rawPath);
        if (canned != null) {
            return canned;
        }
        List<String> parts = segments(rawPath);
        synchronized (this) {
            if (parts.equals(List.of("subjects"))) {
                ArrayNode names = JSON.createArrayNode();
                subjects.keySet().forEach(names::add);
                return ok(names.toString());
            }
            if (parts.equals(List.of("config"))) {
                return ok(JSON.createObjectNode().put("compatibilityLevel", globalLevel).toString());
            }
            if (parts.size() == 2 && parts.get(0).equals("config")) {
                String subject = parts.get(1);
                String level = subjectLevels.get(subject);
                if (level != null) {
                    return ok(JSON.createObjectNode().put("compatibilityLevel", level).toString());
                }
                return subjects.containsKey(subject)
                        ? error(404, 40408, "Subject '" + subject + "' does not have subject-level compatibility configured")
                        : error(404, 40401, "Subject '" + subject + "' not found.");
            }
            if (parts.size() >= 3 && parts.get(0).equals("subjects") && parts.get(2).equals("versions")) {
                String subject = parts.get(1);
                Map<Integer, Registered> versions = subjects.get(subject);
                if (versions == null) {
                    return error(404, 40401, "Subject '" + subject + "' not found.");
                }
                if (parts.size() == 3) {
                    ArrayNode numbers = JSON.createArrayNode();
                    versions.keySet().forEach(numbers::add);
                    return ok(numbers.toString());
                }
                Registered registered = parts.size() == 4 ? versions.get(Integer.valueOf(parts.get(3))) : null;
                if (registered == null) {
                    return error(404, 40402, "Version " + parts.get(3) + " not found.");
                }
                return ok(versionBody(subject, Integer.parseInt(parts.get(3)), registered));
            }
        }
        return error(404, 404, "HTTP 404 Not Found");
    }

    private static String versionBody(String subject, int version, Registered registered) {
        ObjectNode body = JSON.createObjectNode();
        body.put("subject", subject);
        body.put("version", version);
        body.put("id", registered.id());
        if (!"AVRO".equals(registered.schemaType())) {
            body.put("schemaType", registered.schemaType());
        }
        if (!registered.references().isEmpty()) {
            ArrayNode refs = body.putArray("references");
            registered.references().forEach(r -> refs.addObject().put("name", r.name()).put("subject", r.subject())
                    .put("version", r.version()));
        }
        body.put("schema", registered.schema());
        return body.toString();
    }

    private static List<String> segments(String rawPath) {
        List<String> parts = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                parts.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    private static Canned ok(String body) {
        return new Canned(200, body);
    }

    private static Canned error(int status, int code, String message) {
        return new Canned(status, JSON.createObjectNode().put("error_code", code).put("message", message).toString());
    }

    /** A reference of a registered schema to a version of another subject. */
    public record Reference(String name, String subject, int version) {
    }

    /** A request as received. */
    public record Request(String method, String rawPath, String authorization) {
    }

    private record Registered(int id, String schemaType, String schema, List<Reference> references) {
    }

    private record Canned(int status, String body) {
    }
}
