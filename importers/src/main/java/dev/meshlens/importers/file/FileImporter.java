package dev.meshlens.importers.file;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Imports files into a {@link MeshSink}: tells each file's kind from its content (or takes the kind the user
 * gave), then streams it through the parser of that kind, never holding a whole file. Files are read as UTF-8,
 * a leading byte order mark ignored.
 *
 * <p>Every failure is an {@link InputException} naming the file (as the caller gave its path) and, where
 * there is one, the line. A failed import may already have sent some facts to the sink; the caller discards
 * them, as the store does by rolling back the import's transaction. Instances are thread-safe when the
 * progress listener is.
 */
public final class FileImporter {
    /** How many characters are read between two progress reports (1 MiB of text). */
    public static final long PROGRESS_EVERY_CHARS = 1L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(FileImporter.class);
    private static final int BUFFER_CHARS = 64 * 1024;

    private final String cluster;
    private final ImportProgress progress;
    private final FileKindDetector detector = new FileKindDetector();

    /** An importer into the cluster named {@code default}, reporting no progress. */
    public FileImporter() {
        this("default", ImportProgress.NONE);
    }

    /**
     * @param cluster  the cluster the import is for: catalog products belong to it, and a mesh JSON document
     *                 naming another cluster is refused
     * @param progress hears each file start, advance and finish
     */
    public FileImporter(String cluster, ImportProgress progress) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Imports one file.
     *
     * @param kindOverride the kind to read the file as (the user's {@code --kind}); empty to detect it from the
     *                     content
     * @throws InputException when the file does not exist, is a directory, cannot be read, is not UTF-8 text,
     *                        is of no kind Meshlens knows, or is malformed; the message names the file and line
     */
    public void importFile(Path file, Optional<FileKind> kindOverride, MeshSink sink) {
        Objects.requireNonNull(kindOverride, "kindOverride");
        Objects.requireNonNull(sink, "sink");
        String name = checkReadable(file);
        try (BufferedReader reader = open(file)) {
            FileKind kind = kindOverride.isPresent() ? kindOverride.get() : detect(name, reader);
            MeshFileParser parser = parserFor(name, kind);
            LOG.debug("reading {} as {}", name, kind.label());
            progress.started(file, kind);
            CountingReader counting = new CountingReader(reader, PROGRESS_EVERY_CHARS,
                    (lines, chars) -> progress.read(file, lines, chars));
            try {
                parser.parse(name, counting, sink);
            } catch (CharacterCodingException e) {
                throw new InputException(name, counting.currentLine(), "not UTF-8 text; save the file as UTF-8", e);
            } catch (IOException e) {
                throw new InputException(name, counting.currentLine(), "cannot read: " + reason(e), e);
            }
            LOG.info("read {}: {} lines ({})", name, counting.lines(), kind.label());
            progress.finished(file, kind, counting.lines());
        } catch (IOException e) {
            // opening or closing failed (reading failures were placed on their line above)
            throw new InputException(name, 0, "cannot read: " + reason(e), e);
        }
    }

    /**
     * Imports several files into one sink, in the given order, stopping at the first failure.
     *
     * @param kindOverride the kind of every file, or empty to detect each file's kind from its content
     * @throws InputException naming the file that failed, as {@link #importFile} does
     */
    public void importFiles(List<Path> files, Optional<FileKind> kindOverride, MeshSink sink) {
        for (Path file : List.copyOf(files)) {
            importFile(file, kindOverride, sink);
        }
    }

    /**
     * Tells the kind of {@code file} from its content, reading only its start.
     *
     * @throws InputException when the file cannot be read or its kind cannot be told
     */
    public FileKind detectKind(Path file) {
        String name = checkReadable(file);
        try (BufferedReader reader = open(file)) {
            return detect(name, reader);
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + reason(e), e);
        }
    }

    /** The parser for {@code kind}, reading products into this importer's cluster. */
    private MeshFileParser parserFor(String name, FileKind kind) {
        return switch (kind) {
            case MESH_JSON -> new MeshJsonParser(cluster);
            case CATALOG_CSV -> new CatalogCsvParser(cluster);
            case SERVICES_CSV -> new ServicesCsvParser();
            case GROUP_MAPPING_CSV -> new GroupMappingCsvParser();
            case TRACE_LOG -> new TraceLogParser();
            case ACL_LISTING, GROUP_LISTING, TOPIC_LISTING -> KafkaCliParsers.parserFor(kind).orElseThrow(() ->
                    new InputException(name, 0, "reading " + kind.description() + " is not available in this build"));
        };
    }

    private static String checkReadable(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, 0, "is a directory, expected a file");
        }
        if (!Files.exists(file)) {
            throw new InputException(name, 0, "no such file");
        }
        return name;
    }

    /** A UTF-8 reader that reports bad bytes instead of silently replacing them, past any byte order mark. */
    private static BufferedReader open(Path file) throws IOException {
        BufferedReader reader = new BufferedReader(new StrictUtf8Reader(Files.newInputStream(file)), BUFFER_CHARS);
        try {
            reader.mark(1);
            if (reader.read() != TextInput.BOM) {
                reader.reset();
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Reads the start of {@code reader} for detection, then rewinds it so the parser sees the whole file. */
    private FileKind detect(String name, BufferedReader reader) throws IOException {
        char[] head = new char[FileKindDetector.HEAD_CHARS];
        int length = 0;
        reader.mark(head.length);
        try {
            int n;
            while (length < head.length && (n = reader.read(head, length, head.length - length)) != -1) {
                length += n;
            }
        } catch (CharacterCodingException e) {
            throw new InputException(name, lineAt(head, length), "not UTF-8 text; save the file as UTF-8", e);
        }
        reader.reset();
        return detector.detect(name, new String(head, 0, length));
    }

    private static long lineAt(char[] text, int length) {
        long line = 1;
        for (int i = 0; i < length; i++) {
            if (text[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
