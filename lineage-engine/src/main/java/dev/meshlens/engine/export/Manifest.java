package dev.meshlens.engine.export;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code MANIFEST.json} says about an export: the snapshot it is as of, where the data came from (never with
 * credentials), the Meshlens that wrote it, and every data file with its size and SHA-256.
 *
 * @param formatVersion    the manifest layout, {@value #FORMAT_VERSION} today
 * @param meshlensVersion  the Meshlens that wrote the export
 * @param snapshotId       the snapshot the export is as of
 * @param takenAt          that snapshot's time
 * @param cluster          the exported cluster
 * @param bootstrapServers the cluster's bootstrap servers as the catalog declares them, {@code host:port} only
 * @param formats          the formats written, in {@link ExportFormat} order
 * @param impactProduct    the product of {@code impact.csv}, or null
 * @param files            the data files, sorted by path
 */
public record Manifest(int formatVersion, String meshlensVersion, long snapshotId, Instant takenAt, String cluster,
                       List<String> bootstrapServers, List<ExportFormat> formats, String impactProduct,
                       List<ExportedFile> files) {

    /** The file name of the manifest inside an export directory. */
    public static final String FILE = "MANIFEST.json";
    /** The layout written by this version of Meshlens. */
    public static final int FORMAT_VERSION = 1;

    /** @throws NullPointerException when a component other than {@code impactProduct} is null */
    public Manifest {
        Objects.requireNonNull(meshlensVersion, "meshlensVersion");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(cluster, "cluster");
        bootstrapServers = List.copyOf(bootstrapServers);
        formats = List.copyOf(formats);
        files = List.copyOf(files);
    }
}
