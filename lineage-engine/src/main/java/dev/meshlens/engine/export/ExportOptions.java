package dev.meshlens.engine.export;

import java.util.Objects;

/**
 * How an export is made, beyond its formats.
 *
 * @param impactProduct   a product (topic or catalog name) whose transitive downstream is listed in
 *                        {@code impact.csv}, or null for none; needs the CSV format
 * @param meshlensVersion the version of Meshlens making the export, written into the manifest and the
 *                        OpenLineage producer; part of what makes two exports byte-identical
 */
public record ExportOptions(String impactProduct, String meshlensVersion) {

    /** @throws IllegalArgumentException when the version is blank or the impact product is blank */
    public ExportOptions {
        Objects.requireNonNull(meshlensVersion, "meshlensVersion");
        if (meshlensVersion.isBlank()) {
            throw new IllegalArgumentException("the Meshlens version of an export must not be blank");
        }
        if (impactProduct != null && impactProduct.isBlank()) {
            throw new IllegalArgumentException("the impact product must not be blank");
        }
    }

    /** No impact list, made by Meshlens {@code meshlensVersion}. */
    public static ExportOptions of(String meshlensVersion) {
        return new ExportOptions(null, meshlensVersion);
    }

    /** These options with an impact list of {@code product}. */
    public ExportOptions withImpact(String product) {
        return new ExportOptions(product, meshlensVersion);
    }
}
