/**
 * Schema handling for the catalog: field listings of Avro, JSON Schema and Protobuf schema versions
 * ({@link dev.meshlens.engine.schema.SchemaFields}), compatibility judgements with the Confluent Schema
 * Registry's modes ({@link dev.meshlens.engine.schema.CompatibilityChecker}), field-level diffs between
 * versions ({@link dev.meshlens.engine.schema.SchemaDiff}) and subject-to-topic naming
 * ({@link dev.meshlens.engine.schema.SubjectNaming}).
 *
 * <p>Field paths are written the same way everywhere in this package, so a compatibility problem can be
 * pointed at in a field listing or a diff: nested record fields are joined with dots
 * ({@code customer.address.city}), the items of an array add {@code []} ({@code lines[].sku}) and the
 * values of a map add <code>{}</code> ({@code attributes{}.value}). The empty path stands for the schema
 * as a whole (a schema that is not a record or object).
 */
package dev.meshlens.engine.schema;
