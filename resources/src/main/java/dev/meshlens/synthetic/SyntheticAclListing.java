package dev.meshlens.synthetic;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.synthetic.format.KafkaAclListingWriter;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code kafka-acls --list} output of an exact number of lines, for parser benchmarks
 * ("a 1,000,000-line kafka-acls output"). It is the ACL listing of a synthetic mesh sized to exceed the
 * request, cut at a resource block: the last block keeps as many of its bindings as fit, or gains one or two
 * DESCRIBE bindings of two operations principals so that the count comes out exact. DESCRIBE bindings are not
 * lineage, so every line read from the listing is a fact of that mesh or harmless to lineage.
 */
public final class SyntheticAclListing {
    private static final double LINES_PER_PRODUCT_ESTIMATE = 14.0;
    /** Principals that hold no other binding, so padding never repeats a line. */
    private static final String[] PADDING_PRINCIPALS = {"User:ops-auditor", "User:ops-inventory"};

    /** What was written: the number of lines, resource blocks and binding lines, and the mesh it came from. */
    public record Stats(long lines, long resources, long bindings, MeshSpec meshSpec) {
    }

    private SyntheticAclListing() {
    }

    /**
     * Writes a listing of exactly {@code lines} lines (blank lines included), deterministic by seed.
     *
     * @param lines at least 3 (a header, a binding and the blank line that ends a block)
     * @throws IllegalArgumentException when {@code lines} is below 3
     * @throws UncheckedIOException     when writing fails
     */
    public static Stats write(Appendable out, long lines, long seed) {
        if (lines < 3) {
            throw new IllegalArgumentException("a kafka-acls listing has at least 3 lines, got " + lines);
        }
        long products = Math.max(100, (long) Math.ceil(lines / LINES_PER_PRODUCT_ESTIMATE));
        while (true) {
            if (products > Integer.MAX_VALUE / 2) {
                throw new IllegalArgumentException(lines + " lines is more than a synthetic mesh can list");
            }
            MeshSpec spec = MeshSpec.ofProducts((int) products);
            SyntheticMesh mesh = SyntheticMesh.generate(spec, seed);
            long available = mesh.writeAcls(new NullAppendable());
            if (available >= lines + 3) {
                return cut(mesh, out, lines);
            }
            products = products * 3 / 2 + 1;
        }
    }

    private static Stats cut(SyntheticMesh mesh, Appendable out, long lines) {
        KafkaAclListingWriter writer = new KafkaAclListingWriter(out);
        long[] remaining = {lines};
        long[] resources = {0};
        mesh.aclPlan().forEach((type, pattern, name, bindings) -> {
            int blockLines = bindings.size() + 2;
            long left = remaining[0];
            if (blockLines == left || blockLines <= left - 3) {
                writer.resource(type, pattern, name, bindings);
            } else {
                // the last block: exactly left - 2 bindings
                int wanted = (int) (left - 2);
                List<AclBinding> last = new ArrayList<>(bindings.subList(0, Math.min(wanted, bindings.size())));
                for (int i = 0; last.size() < wanted; i++) {
                    last.add(new AclBinding(type, pattern, name, PADDING_PRINCIPALS[i], "*", AclOperation.DESCRIBE,
                            AclPermission.ALLOW));
                }
                writer.resource(type, pattern, name, last);
                blockLines = wanted + 2;
            }
            remaining[0] -= blockLines;
            resources[0]++;
            return remaining[0] > 0;
        });
        return new Stats(writer.lines(), resources[0], writer.bindings(), mesh.spec());
    }

    /** Discards what it is given; the listing is written once to learn its length. */
    private static final class NullAppendable implements Appendable {
        @Override
        public Appendable append(CharSequence csq) {
            return this;
        }

        @Override
        public Appendable append(CharSequence csq, int start, int end) {
            return this;
        }

        @Override
        public Appendable append(char c) {
            return this;
        }
    }
}
