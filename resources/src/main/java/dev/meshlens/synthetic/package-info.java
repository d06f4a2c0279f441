/**
 * The synthetic mesh generator used by tests, benchmarks and the desktop app: realistic data meshes of any
 * size, deterministic by seed.
 *
 * <pre>{@code
 * SyntheticMesh mesh = SyntheticMesh.generate(MeshSize.M, 42);
 * mesh.writeTo(sink);                      // every fact into a MeshSink, streamed
 * mesh.writeFiles(Path.of("/tmp/mesh-m")); // acls.txt, groups.txt, groups-state.txt, topics.txt, catalog.csv, ...
 * String hub = mesh.bigFanOutProduct();    // ground truth: >= 1,000 direct consumers in M
 * List<String> roots = mesh.randomRoots(); // 100 fixed impact-query roots for the seed
 * SyntheticAclListing.write(out, 1_000_000, 42); // a kafka-acls listing of exactly a million lines
 * }</pre>
 *
 * From the command line: {@code java -cp ... dev.meshlens.synthetic.SyntheticMeshWriter M /tmp/mesh-m --seed 42}.
 * The text writers for Kafka's tool outputs and the catalog sheets are in {@link dev.meshlens.synthetic.format}.
 */
package dev.meshlens.synthetic;
