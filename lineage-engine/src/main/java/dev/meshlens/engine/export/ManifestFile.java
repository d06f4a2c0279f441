package dev.meshlens.engine.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes and reads {@code MANIFEST.json}.
 *
 * <p>The manifest seals itself: its {@code manifestSha256} is the SHA-256 of the manifest's own bytes with that
 * value written as 64 zeros. So any change to the manifest, down to one byte of whitespace, is detected without
 * a second file. (Whoever rewrites a file and the whole manifest consistently is caught only by comparing the
 * manifest's SHA-256 with one kept elsewhere; {@code meshlens export} prints it for that purpose.)
 */
final class ManifestFile {
    static final String MARKER = "meshlens-export";
    private static final String SEAL_FIELD = "\"manifestSha256\" : \"";
    private static final String ZEROS = "0".repeat(64);
    private static final ObjectMapper READER = new ObjectMapper();

    private ManifestFile() {
    }

    /** The manifest as sealed bytes. */
    static byte[] toBytes(Manifest manifest) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("files", manifest.files().stream().map(f -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("bytes", f.bytes());
            file.put("path", f.path());
            file.put("sha256", f.sha256());
            return file;
        }).toList());
        json.put("format", MARKER);
        json.put("formatVersion", manifest.formatVersion());
        json.put("formats", manifest.formats().stream().map(ExportFormat::label).toList());
        if (manifest.impactProduct() != null) {
            json.put("impact", manifest.impactProduct());
        }
        json.put("manifestSha256", ZEROS);
        json.put("meshlensVersion", manifest.meshlensVersion());
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", manifest.snapshotId());
        snapshot.put("takenAt", manifest.takenAt().toString());
        json.put("snapshot", snapshot);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("bootstrapServers", manifest.bootstrapServers());
        source.put("cluster", manifest.cluster());
        json.put("source", source);
        StringWriter text = new StringWriter();
        try (JsonGenerator g = ExportJson.prettyGenerator(text)) {
            ExportJson.MAPPER.writeValue(g, json);
            g.writeRaw('\n');
        }
        String unsealed = text.toString();
        String seal = Sha256.of(unsealed.getBytes(StandardCharsets.UTF_8));
        return unsealed.replace(SEAL_FIELD + ZEROS, SEAL_FIELD + seal).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether {@code bytes} may be a Meshlens manifest, intact or damaged: anything that is not JSON (a damaged
     * manifest, e.g. cut short), or JSON naming the marker or the seal. One changed byte cannot remove both, so
     * only JSON naming neither, another tool's manifest, is taken for something else.
     */
    static boolean looksLikeManifest(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.contains(MARKER) || text.contains("manifestSha256")) {
            return true;
        }
        try {
            READER.readTree(bytes);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Checks the seal.
     *
     * @return empty when the manifest is intact, else why not
     */
    static Optional<String> checkSeal(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.lastIndexOf(SEAL_FIELD);
        if (at < 0 || at + SEAL_FIELD.length() + ZEROS.length() > text.length()) {
            return Optional.of("its manifestSha256 seal is missing");
        }
        int from = at + SEAL_FIELD.length();
        String seal = text.substring(from, from + ZEROS.length());
        String unsealed = text.substring(0, from) + ZEROS + text.substring(from + ZEROS.length());
        if (!Sha256.of(unsealed.getBytes(StandardCharsets.UTF_8)).equals(seal)) {
            return Optional.of("its content does not match its manifestSha256 seal");
        }
        return Optional.empty();
    }

    /**
     * Reads a sealed manifest.
     *
     * @throws IllegalArgumentException naming what is wrong when it cannot be read
     */
    static Manifest parse(byte[] bytes) {
        JsonNode root;
        try {
            root = READER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("it is not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("it cannot be read (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject() || !MARKER.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("it is not a Meshlens export manifest");
        }
        int formatVersion = root.path("formatVersion").asInt(-1);
        if (formatVersion != Manifest.FORMAT_VERSION) {
            throw new IllegalArgumentException("its format version " + root.path("formatVersion")
                    + " is not " + Manifest.FORMAT_VERSION + "; it was written by another Meshlens");
        }
        List<ExportFormat> formats = new ArrayList<>();
        root.path("formats").forEach(f -> formats.add(ExportFormat.fromLabel(f.asText())));
        List<String> servers = new ArrayList<>();
        root.path("source").path("bootstrapServers").forEach(s -> servers.add(s.asText()));
        List<ExportedFile> files = new ArrayList<>();
        for (JsonNode file : root.path("files")) {
            String path = text(file, "path");
            String sha256 = text(file, "sha256");
            if (!file.path("bytes").canConvertToLong()) {
                throw new IllegalArgumentException("file " + path + " has no size");
            }
            files.add(new ExportedFile(path, file.path("bytes").asLong(), sha256));
        }
        Instant takenAt;
        try {
            takenAt = Instant.parse(text(root.path("snapshot"), "takenAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("its snapshot time is not an ISO-8601 instant", e);
        }
        JsonNode impact = root.get("impact");
        return new Manifest(formatVersion, text(root, "meshlensVersion"), root.path("snapshot").path("id").asLong(),
                takenAt, text(root.path("source"), "cluster"), servers, formats,
                impact == null || impact.isNull() ? null : impact.asText(), files);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("it has no " + field);
        }
        return value.asText();
    }
}
