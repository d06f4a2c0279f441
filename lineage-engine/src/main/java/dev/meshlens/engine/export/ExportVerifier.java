package dev.meshlens.engine.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks an export directory against its {@code MANIFEST.json}: recomputes the SHA-256 of every file and reports
 * each file changed, added or removed since the export, and a manifest whose own seal is broken. Files are
 * compared by content only; anywhere under the directory, a file not listed counts as added.
 */
public final class ExportVerifier {

    private ExportVerifier() {
    }

    /**
     * Whether {@code dir} claims to be an export: a directory holding a {@code MANIFEST.json} written by Meshlens
     * (intact or not; {@link #verify} tells). A folder with another tool's {@code MANIFEST.json} is not one.
     */
    public static boolean isExport(Path dir) {
        Path manifest = dir.resolve(Manifest.FILE);
        if (!Files.isDirectory(dir) || !Files.isRegularFile(manifest)) {
            return false;
        }
        try {
            return ManifestFile.looksLikeManifest(Files.readAllBytes(manifest));
        } catch (IOException e) {
            // unreadable: let verify report it rather than mistaking the export for something else
            return true;
        }
    }

    /**
     * Verifies {@code dir}.
     *
     * @return what matches and what does not; {@link Verification#ok()} when nothing was altered
     * @throws NotAnExportException when {@code dir} is not a directory or holds no Meshlens {@code MANIFEST.json}
     * @throws ExportException      when a file cannot be read
     */
    public static Verification verify(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new NotAnExportException(dir + " is not a directory");
        }
        Path manifestPath = dir.resolve(Manifest.FILE);
        if (!Files.isRegularFile(manifestPath)) {
            throw new NotAnExportException(dir + " is not a Meshlens export: it has no " + Manifest.FILE);
        }
        byte[] bytes = read(manifestPath);
        if (!ManifestFile.looksLikeManifest(bytes)) {
            throw new NotAnExportException(dir + " is not a Meshlens export: its " + Manifest.FILE
                    + " was not written by Meshlens");
        }
        List<String> changed = new ArrayList<>();
        Optional<String> broken = ManifestFile.checkSeal(bytes);
        broken.ifPresent(reason -> changed.add(Manifest.FILE + " (" + reason + ")"));
        Manifest manifest;
        try {
            manifest = ManifestFile.parse(bytes);
        } catch (IllegalArgumentException e) {
            // nothing else can be checked without the list of files
            changed.set(0, Manifest.FILE + " (" + (broken.isPresent() ? broken.get() + "; " : "") + e.getMessage()
                    + ")");
            return new Verification(Optional.empty(), List.of(), changed, List.of(), List.of());
        }
        Map<String, ExportedFile> listed = new TreeMap<>();
        manifest.files().forEach(f -> listed.put(f.path(), f));
        TreeSet<String> present = filesUnder(dir);
        present.remove(Manifest.FILE);
        List<String> verified = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (ExportedFile file : listed.values()) {
            Path path = resolveInside(dir, file.path());
            if (path == null) {
                changed.add(Manifest.FILE + " (it lists " + file.path() + ", outside the export)");
            } else if (!present.contains(file.path())) {
                removed.add(file.path());
            } else if (!hash(path).equals(file.sha256())) {
                changed.add(file.path());
            } else {
                verified.add(file.path());
            }
        }
        List<String> added = present.stream().filter(p -> !listed.containsKey(p)).toList();
        changed.sort(null);
        return new Verification(Optional.of(manifest), verified, changed, added, removed);
    }

    /** Every regular file under {@code dir}, as relative paths with {@code /} separators. */
    private static TreeSet<String> filesUnder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            TreeSet<String> files = new TreeSet<>();
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .forEach(p -> files.add(relative(dir, p)));
            return files;
        } catch (IOException e) {
            throw new ExportException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String relative(Path dir, Path file) {
        List<String> parts = new ArrayList<>();
        dir.relativize(file).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    /** The listed path inside {@code dir}, or null when it would lead outside (a manifest never lists such). */
    private static Path resolveInside(Path dir, String path) {
        Path resolved = dir.resolve(path).normalize();
        return resolved.startsWith(dir.normalize()) && !path.isEmpty() ? resolved : null;
    }

    private static String hash(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new ExportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ExportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
