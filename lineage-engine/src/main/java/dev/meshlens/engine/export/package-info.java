/**
 * Auditor exports ({@link dev.meshlens.engine.export.SnapshotExporter}): one catalog state and its lineage in
 * JSON (the mesh JSON document, re-importable), GraphML, DOT, CSV and OpenLineage, with a self-sealed
 * {@code MANIFEST.json} listing the SHA-256 of every file, checked by
 * {@link dev.meshlens.engine.export.ExportVerifier}. Exports are complete and deterministic: the same snapshot
 * exported twice gives the same bytes.
 */
package dev.meshlens.engine.export;
