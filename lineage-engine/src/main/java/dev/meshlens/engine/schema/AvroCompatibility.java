package dev.meshlens.engine.schema;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges whether an Avro reader schema can read data written with a writer schema, with Avro's own
 * {@link SchemaCompatibility#checkReaderWriterCompatibility}, and names each problem's field.
 *
 * <p>Avro stops at a union when a branch does not match (an optional record whose fields changed shows as
 * "reader union lacking writer type: RECORD" at the union). Where the writer's branch has a same-named
 * counterpart among the reader's branches, this judge asks Avro again about that pair, so the owner is told
 * {@code shipping_address.country} rather than only {@code shipping_address}.
 */
final class AvroCompatibility {
    /** Deep enough for any real schema; stops a recursive type from being refined forever. */
    private static final int MAX_REFINE_DEPTH = 16;

    private AvroCompatibility() {
    }

    static List<Finding> judge(Schema reader, Schema writer) {
        List<Finding> out = new ArrayList<>();
        collect(reader, writer, "", out, 0);
        return out;
    }

    private static void collect(Schema reader, Schema writer, String prefix, List<Finding> out, int depth) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        for (SchemaCompatibility.Incompatibility problem : result.getIncompatibilities()) {
            String path = FieldPaths.join(prefix, AvroLocations.path(reader, problem.getLocation()));
            if (problem.getType() == SchemaIncompatibilityType.MISSING_UNION_BRANCH && depth < MAX_REFINE_DEPTH
                    && refine(problem, path, out, depth)) {
                continue;
            }
            out.add(new Finding(path, problem.getType().name(), detail(problem)));
        }
    }

    /** Judges the same-named branches of a union mismatch; false when there is no such pair or no finding. */
    private static boolean refine(SchemaCompatibility.Incompatibility problem, String path, List<Finding> out,
                                  int depth) {
        Schema writerBranch = problem.getWriterFragment();
        if (writerBranch.getType() == Schema.Type.UNION) {
            String token = AvroLocations.lastToken(problem.getLocation());
            if (!token.matches("\\d{1,9}") || Integer.parseInt(token) >= writerBranch.getTypes().size()) {
                return false;
            }
            writerBranch = writerBranch.getTypes().get(Integer.parseInt(token));
        }
        if (!isNamed(writerBranch)) {
            return false;
        }
        Schema reader = problem.getReaderFragment();
        List<Schema> candidates = reader.getType() == Schema.Type.UNION ? reader.getTypes() : List.of(reader);
        for (Schema readerBranch : candidates) {
            if (readerBranch.getType() == writerBranch.getType()
                    && SchemaCompatibility.schemaNameEquals(readerBranch, writerBranch)) {
                List<Finding> inner = new ArrayList<>();
                collect(readerBranch, writerBranch, path, inner, depth + 1);
                out.addAll(inner);
                return !inner.isEmpty();
            }
        }
        return false;
    }

    private static boolean isNamed(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
    }

    private static String detail(SchemaCompatibility.Incompatibility problem) {
        return switch (problem.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "the reader's field '" + problem.getMessage()
                    + "' has no default and the writer does not write it";
            case MISSING_ENUM_SYMBOLS -> "the reader's enum " + problem.getReaderFragment().getName()
                    + " lacks the writer's symbols " + problem.getMessage();
            case NAME_MISMATCH -> "the reader's " + problem.getReaderFragment().getType().getName() + " "
                    + problem.getReaderFragment().getFullName() + " does not match the writer's name ("
                    + problem.getMessage() + ")";
            case FIXED_SIZE_MISMATCH -> "fixed size differs (" + problem.getMessage() + ")";
            default -> problem.getMessage();
        };
    }
}
