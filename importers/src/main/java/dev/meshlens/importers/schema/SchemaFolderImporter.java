package dev.meshlens.importers.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.schema.CompatibilityMode;
import dev.meshlens.engine.schema.SchemaTexts;
import dev.meshlens.engine.schema.SchemaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a folder of schema files into {@link SchemaVersion} records, the layout documented in
 * {@code importers/SCHEMAS.md}:
 * <ul>
 *   <li>{@code <subject>.avsc} (or {@code .json}, {@code .proto}) is version 1 of {@code <subject>};</li>
 *   <li>{@code <subject>.v<N>.<ext>} is version N;</li>
 *   <li>a sub-folder {@code <subject>/} holding {@code <N>.<ext>} files gives the versions of that subject;
 *       sub-folders without such files (e.g. {@code proposed/}) are not imported;</li>
 *   <li>the schema type comes from the extension: {@code .avsc} AVRO, {@code .json} JSON Schema,
 *       {@code .proto} PROTOBUF;</li>
 *   <li>an optional {@code compatibility.properties} gives the subjects' levels ({@code default=BACKWARD},
 *       {@code <subject>=FULL}); without one, a version's compatibility is null (undeclared);</li>
 *   <li>an optional {@code ids.properties} gives registry ids ({@code <subject>.v<N>=<id>}); other versions
 *       get an id derived from their schema text, so the same text gets the same id in every import, as the
 *       registry gives one id per distinct schema.</li>
 * </ul>
 * Every schema is parsed before anything is sent to the sink, so a bad file leaves the sink untouched.
 * Other files (a README, hidden files) are ignored. Instances are stateless and thread-safe.
 */
public final class SchemaFolderImporter {
    /** The optional file of compatibility levels. */
    public static final String COMPATIBILITY_FILE = "compatibility.properties";
    /** The optional file of registry ids. */
    public static final String IDS_FILE = "ids.properties";
    /** The key of {@link #COMPATIBILITY_FILE} that applies to subjects it does not name. */
    public static final String DEFAULT_KEY = "default";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaFolderImporter.class);
    private static final Pattern VERSIONED = Pattern.compile("(.+)\\.v(\\d+)\\.((?i:avsc|json|proto))");
    private static final Pattern SINGLE = Pattern.compile("(.+)\\.((?i:avsc|json|proto))");
    private static final Pattern NUMBERED = Pattern.compile("(\\d+)\\.((?i:avsc|json|proto))");
    private static final Pattern ID_KEY = Pattern.compile("(.+)\\.v(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads every schema version in {@code folder}.
     *
     * @return the versions by subject, then version
     * @throws InputException naming the file (and line where the parser tells) of the first bad schema, a
     *                        version given twice, or a bad line in {@code compatibility.properties} or
     *                        {@code ids.properties}
     * @throws IOException    when the folder cannot be read
     */
    public List<SchemaVersion> read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new InputException(folder.toString(), 0, "not a folder of schema files");
        }
        Map<String, SchemaFile> files = new TreeMap<>();
        Path compatibilityFile = null;
        Path idsFile = null;
        for (Path entry : entries(folder)) {
            String name = nameOf(entry);
            if (Files.isDirectory(entry)) {
                readSubjectFolder(entry, name, files);
            } else if (name.equals(COMPATIBILITY_FILE)) {
                compatibilityFile = entry;
            } else if (name.equals(IDS_FILE)) {
                idsFile = entry;
            } else {
                Matcher versioned = VERSIONED.matcher(name);
                Matcher single = SINGLE.matcher(name);
                if (versioned.matches()) {
                    add(files, new SchemaFile(entry, versioned.group(1), version(entry, versioned.group(2)),
                            typeOf(versioned.group(3))));
                } else if (single.matches()) {
                    add(files, new SchemaFile(entry, single.group(1), 1, typeOf(single.group(2))));
                } else {
                    LOG.debug("{}: not a schema file, ignored", entry);
                }
            }
        }
        Map<String, String> levels = compatibilityFile == null ? Map.of() : levels(compatibilityFile, files);
        Map<String, Integer> givenIds = idsFile == null ? Map.of() : givenIds(idsFile, files);
        return versions(files.values(), levels, givenIds, idsFile == null ? IDS_FILE : idsFile.toString());
    }

    /**
     * Reads {@code folder} and sends its schemas to {@code sink}, covering {@link SourceKind#SCHEMAS} even when
     * the folder holds none. Nothing is sent when any file is bad.
     *
     * @return the versions sent
     * @throws InputException as {@link #read(Path)} does
     * @throws IOException    when the folder cannot be read
     */
    public List<SchemaVersion> importTo(Path folder, MeshSink sink) throws IOException {
        List<SchemaVersion> versions = read(folder);
        sink.cover(SourceKind.SCHEMAS);
        versions.forEach(sink::schema);
        LOG.info("{}: {} schema versions of {} subjects", folder, versions.size(),
                versions.stream().map(SchemaVersion::subject).distinct().count());
        return versions;
    }

    private void readSubjectFolder(Path dir, String subject, Map<String, SchemaFile> files) throws IOException {
        List<Path> entries = entries(dir).stream().filter(Files::isRegularFile).toList();
        if (entries.stream().noneMatch(p -> NUMBERED.matcher(nameOf(p)).matches())) {
            LOG.info("{}: no <N>.avsc, <N>.json or <N>.proto files, not a subject folder; not imported", dir);
            return;
        }
        for (Path file : entries) {
            String name = nameOf(file);
            Matcher numbered = NUMBERED.matcher(name);
            if (numbered.matches()) {
                add(files, new SchemaFile(file, subject, version(file, numbered.group(1)), typeOf(numbered.group(2))));
            } else if (SINGLE.matcher(name).matches()) {
                throw new InputException(file.toString(), 0, "in the subject folder " + subject
                        + "/, schema files are named <version>.avsc, <version>.json or <version>.proto, e.g. 2.avsc");
            }
        }
    }

    private static void add(Map<String, SchemaFile> files, SchemaFile file) {
        SchemaFile earlier = files.putIfAbsent(file.key(), file);
        if (earlier != null) {
            throw new InputException(file.path().toString(), 0, "version " + file.version() + " of "
                    + file.subject() + " is also given by " + earlier.path());
        }
    }

    private List<SchemaVersion> versions(Iterable<SchemaFile> files, Map<String, String> levels,
                                         Map<String, Integer> givenIds, String idsSource) throws IOException {
        List<SchemaFile> read = new ArrayList<>();
        for (SchemaFile file : files) {
            String text = text(file.path());
            SchemaTexts.validate(file.path().toString(), file.type(), text);
            read.add(file.withText(text, normalized(file.type(), file.path(), text)));
        }
        Map<String, Integer> idByContent = ids(read, givenIds, idsSource);
        String fallback = levels.get(DEFAULT_KEY);
        return read.stream()
                .sorted(Comparator.comparing(SchemaFile::subject).thenComparingInt(SchemaFile::version))
                .map(f -> new SchemaVersion(f.subject(), f.version(), idByContent.get(f.content()), f.type().name(),
                        f.text(), List.of(), levels.getOrDefault(f.subject(), fallback)))
                .toList();
    }

    /**
     * One id per distinct schema, as the registry assigns them: given ids first, then ids derived from the
     * schema text, moved on past any id already taken.
     */
    private static Map<String, Integer> ids(List<SchemaFile> files, Map<String, Integer> givenIds,
                                            String idsSource) {
        Map<String, Integer> idByContent = new HashMap<>();
        Map<Integer, SchemaFile> ownerOfId = new HashMap<>();
        for (SchemaFile f : files) {
            Integer given = givenIds.get(f.key());
            if (given == null) {
                continue;
            }
            SchemaFile owner = ownerOfId.putIfAbsent(given, f);
            if (owner != null && !owner.content().equals(f.content())) {
                throw new InputException(idsSource, 0, "id " + given + " is given to " + owner.key() + " and to "
                        + f.key() + ", which differ; the registry gives one id per distinct schema");
            }
            Integer earlier = idByContent.putIfAbsent(f.content(), given);
            if (earlier != null && !earlier.equals(given)) {
                throw new InputException(idsSource, 0, f.key() + " has the same schema as a version with id "
                        + earlier + " but is given id " + given);
            }
        }
        List<String> unassigned = files.stream().map(SchemaFile::content).distinct()
                .filter(c -> !idByContent.containsKey(c))
                .sorted(Comparator.comparingInt(SchemaFolderImporter::derivedId).thenComparing(c -> c))
                .toList();
        Set<Integer> taken = new HashSet<>(idByContent.values());
        for (String content : unassigned) {
            int id = derivedId(content);
            while (!taken.add(id)) {
                id = id == Integer.MAX_VALUE ? 1 : id + 1;
            }
            idByContent.put(content, id);
        }
        return idByContent;
    }

    /** A positive id from the first bytes of the SHA-256 of a normalized schema. */
    private static int derivedId(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8));
            int id = ByteBuffer.wrap(hash).getInt() & Integer.MAX_VALUE;
            return id == 0 ? 1 : id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The schema with its layout removed, so a reformatted file keeps its id. */
    private static String normalized(SchemaType type, Path file, String text) throws IOException {
        String body = switch (type) {
            case AVRO -> SchemaTexts.parseAvro(file.toString(), text).toString();
            case JSON -> JSON.readTree(text).toString();
            case PROTOBUF -> text.strip().replaceAll("\\s+", " ");
        };
        return type.name() + "\n" + body;
    }

    private static Map<String, String> levels(Path file, Map<String, SchemaFile> files) throws IOException {
        Map<String, String> levels = new HashMap<>();
        for (Entry e : properties(file)) {
            try {
                levels.put(e.key(), CompatibilityMode.parse(e.value()).name());
            } catch (IllegalArgumentException bad) {
                throw new InputException(file.toString(), e.line(), bad.getMessage());
            }
            if (!e.key().equals(DEFAULT_KEY) && files.values().stream().noneMatch(f -> f.subject().equals(e.key()))) {
                LOG.warn("{}:{}: no schema files for subject {}", file, e.line(), e.key());
            }
        }
        return levels;
    }

    private static Map<String, Integer> givenIds(Path file, Map<String, SchemaFile> files) throws IOException {
        Map<String, Integer> ids = new HashMap<>();
        for (Entry e : properties(file)) {
            Matcher key = ID_KEY.matcher(e.key());
            if (!key.matches()) {
                throw new InputException(file.toString(), e.line(), "expected <subject>.v<version>=<id>, e.g. "
                        + "sales.orders.placed-value.v2=1042");
            }
            int id;
            try {
                id = Integer.parseInt(e.value());
            } catch (NumberFormatException notNumber) {
                id = 0;
            }
            if (id <= 0) {
                throw new InputException(file.toString(), e.line(), "id '" + e.value() + "' is not a positive number");
            }
            String versionKey = key.group(1) + ".v" + Integer.parseInt(key.group(2));
            if (!files.containsKey(versionKey)) {
                LOG.warn("{}:{}: no schema file for {}", file, e.line(), versionKey);
            }
            ids.put(versionKey, id);
        }
        return ids;
    }

    /** The {@code key=value} lines of a small properties file, with their line numbers for errors. */
    private static List<Entry> properties(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text(file).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InputException(file.toString(), i + 1, "expected <name>=<value>, found '" + line + "'");
            }
            entries.add(new Entry(line.substring(0, eq).strip(), line.substring(eq + 1).strip(), i + 1));
        }
        return entries;
    }

    private static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InputException(file.toString(), 0, "not UTF-8 text", e);
        }
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> !nameOf(p).startsWith(".")).sorted(Comparator.comparing(SchemaFolderImporter::nameOf))
                    .toList();
        }
    }

    /** A file's name; zip file systems end directory names with a slash. */
    private static String nameOf(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    private static int version(Path file, String digits) {
        int version;
        try {
            version = Integer.parseInt(digits);
        } catch (NumberFormatException tooLong) {
            version = 0;
        }
        if (version <= 0) {
            throw new InputException(file.toString(), 0, "version '" + digits + "' is not a positive number");
        }
        return version;
    }

    private static SchemaType typeOf(String extension) {
        return SchemaType.forFileName("." + extension).orElseThrow();
    }

    private record Entry(String key, String value, long line) {
    }

    /** A schema file found in the folder; {@code text} and {@code content} are filled once it is read. */
    private record SchemaFile(Path path, String subject, int version, SchemaType type, String text, String content) {

        SchemaFile(Path path, String subject, int version, SchemaType type) {
            this(path, subject, version, type, null, null);
        }

        String key() {
            return subject + ".v" + version;
        }

        SchemaFile withText(String text, String content) {
            return new SchemaFile(path, subject, version, type, text, content);
        }
    }
}
