/**
 * Streaming writers for the text formats Meshlens imports: the outputs of Kafka's own command line tools
 * ({@code kafka-acls --list}, {@code kafka-consumer-groups --describe}, {@code kafka-topics --describe}) and
 * the catalog sheets ({@code catalog.csv}, {@code services.csv}, {@code group-mapping.csv}).
 *
 * <p>The writers depend only on the engine's model records and write one fact at a time, so the synthetic
 * mesh generator can write a million-line listing without holding it, and exporters can reuse them.
 * The Kafka writers reproduce Kafka 4.3.1's output byte for byte in structure: the same separators,
 * the same column order, and the same padding rule (each padded column as wide as its widest value).
 * Lines end with {@code \n}, as the tools print them on Linux.
 */
package dev.meshlens.synthetic.format;
