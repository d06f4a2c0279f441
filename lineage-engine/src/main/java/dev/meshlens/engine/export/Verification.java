package dev.meshlens.engine.export;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The outcome of checking an export directory against its manifest.
 *
 * @param manifest the manifest, when it could be read; empty when it is damaged beyond reading
 * @param verified the listed files whose content matches, sorted
 * @param changed  files whose content differs from the manifest (the manifest itself when its seal is broken),
 *                 sorted
 * @param added    files in the directory the manifest does not list, sorted
 * @param removed  files the manifest lists that are missing, sorted
 */
public record Verification(Optional<Manifest> manifest, List<String> verified, List<String> changed,
                           List<String> added, List<String> removed) {

    /** @throws NullPointerException when a component is null */
    public Verification {
        Objects.requireNonNull(manifest, "manifest");
        verified = List.copyOf(verified);
        changed = List.copyOf(changed);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** Whether the directory is exactly what the manifest describes. */
    public boolean ok() {
        return changed.isEmpty() && added.isEmpty() && removed.isEmpty();
    }

    /** Every problem as {@code changed: X}, {@code added: Y}, {@code removed: Z}, in that order. */
    public List<String> problems() {
        return Stream.of(
                changed.stream().map(f -> "changed: " + f),
                added.stream().map(f -> "added: " + f),
                removed.stream().map(f -> "removed: " + f)).flatMap(s -> s).toList();
    }
}
