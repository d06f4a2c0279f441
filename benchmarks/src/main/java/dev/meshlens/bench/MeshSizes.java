package dev.meshlens.bench;

import dev.meshlens.synthetic.MeshSize;
import dev.meshlens.synthetic.MeshSpec;

/** Mesh sizes on the harness's command line: a named size (S, M, L) or a product count for small smoke runs. */
final class MeshSizes {
    private MeshSizes() {
    }

    /**
     * The spec of {@code text}: {@code S}, {@code M}, {@code L} or a number of products (at least 100).
     *
     * @throws IllegalArgumentException when it is neither
     */
    static MeshSpec spec(String text) {
        if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
            return MeshSpec.ofProducts(Integer.parseInt(text));
        }
        return MeshSize.parse(text).spec();
    }

    /** The label results carry: the size's name, or the product count. */
    static String label(String text) {
        return text.chars().allMatch(Character::isDigit) ? text : MeshSize.parse(text).name();
    }
}
