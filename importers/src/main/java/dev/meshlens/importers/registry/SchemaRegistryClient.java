package dev.meshlens.importers.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.schema.CompatibilityMode;
import dev.meshlens.engine.schema.SchemaType;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Reads a Confluent-compatible Schema Registry over its REST API (also served by Redpanda, Karapace and Apicurio's
 * compatibility layer) with the JDK's {@link HttpClient}:
 * {@code GET /subjects}, {@code /subjects/{subject}/versions}, {@code /subjects/{subject}/versions/{version}},
 * {@code /config} and {@code /config/{subject}}.
 *
 * <p>Subjects are percent-encoded as one path segment, so names holding {@code /}, {@code :} or spaces reach the
 * registry intact. Every request has a timeout and the connection has one; redirects are not followed, so the
 * credentials are only ever sent to the URL the user gave. Any failure becomes an {@link InputException} whose
 * source is the call ({@code GET http://registry:8081/subjects/orders-value/versions}) and whose message names the
 * subject and what went wrong: the registry's own error body ({@code error 40401: Subject 'orders-value' not
 * found.}) with its HTTP status, a timeout, or an answer that is not the documented JSON. A thread interrupted
 * during a call gets a {@link CancellationException} (its interrupt flag set again).
 *
 * <p>Instances are immutable and thread-safe; one client can serve several threads at once.
 */
public final class SchemaRegistryClient {
    /** The default limit for opening a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default limit for one request, until the registry's answer arrives. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The registry's "subject not found" error code. */
    static final int SUBJECT_NOT_FOUND = 40401;
    /** The registry's "subject compatibility level not configured" error code. */
    static final int SUBJECT_LEVEL_NOT_CONFIGURED = 40408;

    // what Confluent's own client sends: the registry's media types first, plain JSON last
    private static final String ACCEPT = "application/vnd.schemaregistry.v1+json, "
            + "application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY_EXCERPT = 200;

    private final URI base;
    private final HttpClient http;
    private final RegistryCredentials credentials;
    private final Duration requestTimeout;

    private SchemaRegistryClient(Builder builder) {
        this.base = builder.base;
        this.credentials = builder.credentials;
        this.requestTimeout = builder.requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // no h2c upgrade attempt on plain http: some proxies in front of registries reject it
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Starts describing a client of the registry at {@code url}, e.g. {@code http://registry:8081} or
     * {@code https://psrc-123.eu-west-1.aws.confluent.cloud}; a path prefix ({@code https://gw/registry}) is kept.
     *
     * @throws IllegalArgumentException when {@code url} is not an http or https URL with a host, or holds a user
     *                                  and password, a query or a fragment (credentials belong in a credentials
     *                                  file, where no log or snapshot origin can pick them up)
     */
    public static Builder builder(String url) {
        return new Builder(parse(url));
    }

    /** The registry's base URL, ending with {@code /}; it never holds credentials. */
    public URI url() {
        return base;
    }

    /**
     * {@code GET /subjects}: the registry's (non-deleted) subjects, in the order it lists them. The list comes in
     * one response of any size; the API has no pagination.
     *
     * @throws InputException naming the call when the registry fails or answers anything but an array of strings
     */
    public List<String> subjects() {
        Call call = new Call("subjects", null);
        JsonNode body = call.json(call.ok(send(call)));
        if (!body.isArray()) {
            throw call.malformed("expected a JSON array of subject names, found " + kind(body));
        }
        List<String> subjects = new ArrayList<>(body.size());
        for (JsonNode subject : body) {
            if (!subject.isTextual()) {
                throw call.malformed("expected a JSON array of subject names, found " + kind(subject) + " in it");
            }
            subjects.add(subject.textValue());
        }
        return subjects;
    }

    /**
     * {@code GET /subjects/{subject}/versions}: the subject's (non-deleted) version numbers.
     *
     * @throws InputException naming the subject and the call when the registry fails (including 404 for a subject
     *                        it does not know) or answers anything but an array of positive integers
     */
    public List<Integer> versions(String subject) {
        Call call = new Call("subjects/" + segment(subject) + "/versions", subject);
        JsonNode body = call.json(call.ok(send(call)));
        if (!body.isArray()) {
            throw call.malformed("expected a JSON array of version numbers, found " + kind(body));
        }
        List<Integer> versions = new ArrayList<>(body.size());
        for (JsonNode version : body) {
            if (!version.canConvertToInt() || !version.isIntegralNumber() || version.intValue() < 1) {
                throw call.malformed("expected a JSON array of version numbers, found " + version + " in it");
            }
            versions.add(version.intValue());
        }
        return versions;
    }

    /**
     * {@code GET /subjects/{subject}/versions/{version}}: one registered version with its schema text, registry id,
     * schema type (absent means AVRO, as in the registry's API) and references (each written
     * {@code subject:version}). The returned version's compatibility is null: the level in force comes from
     * {@link #subjectCompatibility} and {@link #globalCompatibility}.
     *
     * @throws InputException naming the subject and the call when the registry fails, or the answer lacks the
     *                        schema or id, names an unknown schema type, or holds a malformed reference
     */
    public SchemaVersion version(String subject, int version) {
        Call call = new Call("subjects/" + segment(subject) + "/versions/" + version, subject);
        JsonNode body = call.json(call.ok(send(call)));
        if (!body.isObject()) {
            throw call.malformed("expected a JSON object with the schema, found " + kind(body));
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw call.malformed("the answer has no 'schema' text");
        }
        int id = intField(call, body, "id");
        String type;
        try {
            type = SchemaType.parse(textOrNull(body.get("schemaType"))).name();
        } catch (IllegalArgumentException e) {
            throw call.malformed(e.getMessage());
        }
        return new SchemaVersion(subject, version, id, type, schema.textValue(), references(call, body), null);
    }

    /**
     * {@code GET /config}: the registry's global compatibility level ({@code compatibilityLevel}, upper case), or
     * empty when the registry's answer names none.
     *
     * @throws InputException naming the call when the registry fails or the level is not one of the registry's
     */
    public Optional<String> globalCompatibility() {
        Call call = new Call("config", null);
        return level(call, call.json(call.ok(send(call))));
    }

    /**
     * {@code GET /config/{subject}}: the subject's own compatibility level, or empty when it has none (the registry
     * answers 404 with error 40401 or 40408), in which case the global level applies.
     *
     * @throws InputException naming the subject and the call when the registry fails otherwise or the level is not
     *                        one of the registry's
     */
    public Optional<String> subjectCompatibility(String subject) {
        Call call = new Call("config/" + segment(subject), subject);
        HttpResponse<byte[]> response = send(call);
        if (response.statusCode() == 404) {
            Integer code = call.errorCode(response);
            if (code != null && (code == SUBJECT_NOT_FOUND || code == SUBJECT_LEVEL_NOT_CONFIGURED)) {
                return Optional.empty();
            }
        }
        return level(call, call.json(call.ok(response)));
    }

    private Optional<String> level(Call call, JsonNode body) {
        if (!body.isObject()) {
            throw call.malformed("expected a JSON object with the compatibilityLevel, found " + kind(body));
        }
        // the API answers compatibilityLevel; a few servers echo the request's field name, compatibility
        String level = textOrNull(body.has("compatibilityLevel") ? body.get("compatibilityLevel")
                : body.get("compatibility"));
        if (level == null || level.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CompatibilityMode.parse(level).name());
        } catch (IllegalArgumentException e) {
            throw call.malformed(e.getMessage());
        }
    }

    private static List<String> references(Call call, JsonNode body) {
        JsonNode refs = body.get("references");
        if (refs == null || refs.isNull()) {
            return List.of();
        }
        if (!refs.isArray()) {
            throw call.malformed("'references' must be an array, found " + kind(refs));
        }
        List<String> references = new ArrayList<>(refs.size());
        for (JsonNode ref : refs) {
            JsonNode subject = ref.get("subject");
            JsonNode version = ref.get("version");
            if (subject == null || !subject.isTextual() || version == null || !version.isIntegralNumber()) {
                throw call.malformed("a reference needs a 'subject' and a numeric 'version', found " + ref);
            }
            references.add(subject.textValue() + ":" + version.intValue());
        }
        return references;
    }

    private static int intField(Call call, JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw call.malformed("the answer has no numeric '" + field + "'");
        }
        return value.intValue();
    }

    private HttpResponse<byte[]> send(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .timeout(requestTimeout)
                .header("Accept", ACCEPT)
                .GET();
        if (credentials != null) {
            request.header("Authorization", credentials.authorization());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw call.failure("cannot connect to the registry within " + seconds(http.connectTimeout().orElseThrow()));
        } catch (HttpTimeoutException e) {
            throw call.failure("no answer within " + seconds(requestTimeout) + " (the request timeout)");
        } catch (ConnectException e) {
            throw call.failure("cannot connect to the registry: " + describe(e));
        } catch (IOException e) {
            throw call.failure("the connection to the registry failed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled during " + call);
        }
    }

    /** Percent-encodes a subject as one path segment: everything but RFC 3986's unreserved characters. */
    static String segment(String subject) {
        Objects.requireNonNull(subject, "subject");
        StringBuilder out = new StringBuilder();
        for (byte b : subject.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static URI parse(String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("registry URL '" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!Set.of("http", "https").contains(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("registry URL must be http://host:port or https://host:port, got '"
                    + redacted(uri) + "'");
        }
        if (uri.getRawUserInfo() != null) {
            // never echo it: it is a password
            throw new IllegalArgumentException("the registry URL holds a user and password; put them in a "
                    + "credentials file instead (basic.auth.user.info=<user>:<password>), where no log or snapshot "
                    + "can pick them up");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the registry URL must not have a query or fragment, got '"
                    + redacted(uri) + "'");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!path.endsWith("/")) {
            path += "/";
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private static String redacted(URI uri) {
        return uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo(), "****");
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** One GET of the API: names itself and its subject in every failure. */
    private final class Call {
        private final String path;
        private final String subject;

        Call(String path, String subject) {
            this.path = path;
            this.subject = subject;
        }

        URI uri() {
            return base.resolve(path);
        }

        HttpResponse<byte[]> ok(HttpResponse<byte[]> response) {
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            throw failure(httpError(response));
        }

        JsonNode json(HttpResponse<byte[]> response) {
            try {
                JsonNode body = JSON.readTree(response.body());
                if (body == null || body.isMissingNode()) {
                    throw malformed("the answer is empty, expected JSON");
                }
                return body;
            } catch (JsonProcessingException e) {
                String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
                throw malformed("the answer is not valid JSON (" + e.getOriginalMessage() + where + ")");
            } catch (IOException e) {
                throw malformed("the answer cannot be read: " + describe(e));
            }
        }

        /** The registry's {@code error_code}, or null when the body is not its error JSON. */
        Integer errorCode(HttpResponse<byte[]> response) {
            JsonNode error = errorBody(response);
            return error == null ? null : error.get("error_code").intValue();
        }

        InputException malformed(String problem) {
            return failure(problem);
        }

        InputException failure(String problem) {
            String about = subject == null ? "" : "subject '" + subject + "': ";
            return new InputException(toString(), 0, about + problem);
        }

        private String httpError(HttpResponse<byte[]> response) {
            int status = response.statusCode();
            JsonNode error = errorBody(response);
            String what;
            if (error != null) {
                JsonNode message = error.get("message");
                what = "the registry answered HTTP " + status + ", error " + error.get("error_code").intValue()
                        + (message == null || message.isNull() ? "" : ": " + message.asText());
            } else {
                String body = new String(response.body(), StandardCharsets.UTF_8).strip()
                        .replaceAll("\\s+", " ");
                what = "the registry answered HTTP " + status + (body.isEmpty() ? " with no body"
                        : ": " + (body.length() > BODY_EXCERPT ? body.substring(0, BODY_EXCERPT) + "..." : body));
            }
            if (status == 401) {
                what += credentials == null ? " (the registry needs credentials)"
                        : " (the registry refused the credentials of user '" + credentials.user() + "')";
            } else if (status == 403) {
                what += credentials == null ? " (not allowed without credentials)"
                        : " (user '" + credentials.user() + "' is not allowed to read this)";
            } else if (status >= 300 && status < 400) {
                what += response.headers().firstValue("Location").map(l -> " (redirected to " + l
                        + "; give that URL: redirects are not followed so credentials stay with the URL given)")
                        .orElse("");
            }
            return what;
        }

        private JsonNode errorBody(HttpResponse<byte[]> response) {
            try {
                JsonNode body = JSON.readTree(response.body());
                if (body != null && body.isObject() && body.path("error_code").isIntegralNumber()) {
                    return body;
                }
            } catch (IOException notJson) {
                // an HTML page from a proxy, or nothing: reported as text
            }
            return null;
        }

        @Override
        public String toString() {
            return "GET " + uri();
        }
    }

    /** Describes a client: credentials and timeouts. */
    public static final class Builder {
        private final URI base;
        private RegistryCredentials credentials;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

        private Builder(URI base) {
            this.base = base;
        }

        /** Sends these credentials with every request (HTTP basic authentication); null sends none. */
        public Builder credentials(RegistryCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * The limit for opening a connection.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /**
         * The limit for each request, until the registry's answer arrives.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "request timeout");
            return this;
        }

        /** The client; it opens no connection until its first call. */
        public SchemaRegistryClient build() {
            return new SchemaRegistryClient(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("the registry " + what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
