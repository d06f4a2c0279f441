package dev.meshlens.engine.schema;

import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Translates the JSON pointer Avro gives an incompatibility ({@code /fields/2/type/fields/0/type}) into a
 * field path ({@code customer.email}), by walking the reader schema the pointer points into.
 */
final class AvroLocations {

    private AvroLocations() {
    }

    /**
     * @param reader  the reader schema of the check that produced {@code pointer}
     * @param pointer {@code Incompatibility.getLocation()}
     * @return the deepest field path the pointer names; empty for the root
     */
    static String path(Schema reader, String pointer) {
        List<String> tokens = tokens(pointer);
        String path = "";
        Schema current = reader;
        int i = 0;
        while (i < tokens.size() && current != null) {
            String token = tokens.get(i);
            switch (current.getType()) {
                case RECORD -> {
                    Integer index = i + 1 < tokens.size() && token.equals("fields") ? index(tokens.get(i + 1)) : null;
                    if (index == null || index >= current.getFields().size()) {
                        return path; // "name" of a record, or a pointer this reader does not have
                    }
                    Schema.Field field = current.getFields().get(index);
                    path = FieldPaths.child(path, field.name());
                    i += 2;
                    boolean intoType = i < tokens.size() && tokens.get(i).equals("type");
                    current = intoType ? field.schema() : null;
                    i += intoType ? 1 : 0;
                }
                case ARRAY -> {
                    if (!token.equals("items")) {
                        return path;
                    }
                    path += FieldPaths.ITEMS;
                    current = current.getElementType();
                    i++;
                }
                case MAP -> {
                    if (!token.equals("values")) {
                        return path;
                    }
                    path += FieldPaths.VALUES;
                    current = current.getValueType();
                    i++;
                }
                case UNION -> {
                    // A branch index: unions do not show in paths, their branches' fields do.
                    Integer index = index(token);
                    if (index == null || index >= current.getTypes().size()) {
                        return path;
                    }
                    current = current.getTypes().get(index);
                    i++;
                }
                default -> {
                    return path; // "symbols" of an enum, "size" of a fixed
                }
            }
        }
        return path;
    }

    /** The last token of a pointer, e.g. the writer branch index that ends a union's location. */
    static String lastToken(String pointer) {
        List<String> tokens = tokens(pointer);
        return tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1);
    }

    private static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer == null || pointer.length() <= 1) {
            return tokens;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static Integer index(String token) {
        if (token.isEmpty() || !token.chars().allMatch(Character::isDigit) || token.length() > 9) {
            return null;
        }
        return Integer.parseInt(token);
    }
}
