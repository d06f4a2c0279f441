/**
 * Schema records from a Confluent-compatible Schema Registry: over its REST API
 * ({@link dev.meshlens.importers.registry.SchemaRegistryClient}, imported by
 * {@link dev.meshlens.importers.registry.RegistryImporter}) or straight from its {@code _schemas} topic
 * ({@link dev.meshlens.importers.registry.SchemasTopicReader}). Both import subject by subject: a subject that
 * cannot be read is reported and the others are imported, unless the caller asks for all-or-nothing.
 * Registry credentials ({@link dev.meshlens.importers.registry.RegistryCredentials}) are only ever sent to the
 * registry; subjects map to topics by TopicNameStrategy or a mapping file
 * ({@link dev.meshlens.importers.registry.SubjectMappingFile}).
 */
package dev.meshlens.importers.registry;
