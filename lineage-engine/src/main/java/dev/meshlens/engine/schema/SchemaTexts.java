package dev.meshlens.engine.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses schema texts, turning every parser failure into an {@link InputException} that names the source and,
 * where the text tells, the line.
 */
public final class SchemaTexts {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /**
     * Avro's semantic errors carry no line; these pick the name they complain about, whose quoted occurrence
     * in the text (the second one for a duplicate) is where the reader should look.
     */
    private static final List<NamedProblem> AVRO_NAMED_PROBLEMS = List.of(
            new NamedProblem(Pattern.compile("Duplicate (?:field|enum symbol):? ([A-Za-z_][A-Za-z0-9_]*)"), 2),
            new NamedProblem(Pattern.compile("[Ff]ield ([A-Za-z_][A-Za-z0-9_]*)"), 1),
            new NamedProblem(Pattern.compile("Undefined (?:schema|name): \"?([A-Za-z_][A-Za-z0-9_.]*)"), 1),
            new NamedProblem(Pattern.compile("redefine: \"?([A-Za-z_][A-Za-z0-9_.]*)"), 2),
            new NamedProblem(Pattern.compile("Illegal character in: (\\S+)"), 1));

    private SchemaTexts() {
    }

    /**
     * Parses an Avro schema ({@code .avsc} text).
     *
     * @param source names the text in errors: a file name, or {@code subject vN}
     * @throws InputException naming {@code source} and the line when the text is not a valid Avro schema
     */
    public static Schema parseAvro(String source, String text) {
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            JsonProcessingException json = jsonCause(e);
            if (json != null) {
                throw new InputException(source, lineOf(json), "not valid JSON: " + json.getOriginalMessage(), e);
            }
            throw new InputException(source, lineNamed(text, e.getMessage()), "not a valid Avro schema: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Avro reports semantic errors (unknown types, bad defaults) as AvroTypeException and friends.
            throw new InputException(source, lineNamed(text, e.getMessage()), "not a valid Avro schema: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Parses a JSON Schema document. Duplicate keys are rejected, since one of the two would be silently lost.
     *
     * @throws InputException naming {@code source} and the line when the text is not JSON or its root is
     *                        neither an object nor a boolean schema
     */
    public static JsonNode parseJsonSchema(String source, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InputException(source, lineOf(e), "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InputException(source, 0, "empty JSON Schema");
        }
        if (!root.isObject() && !root.isBoolean()) {
            throw new InputException(source, 1, "a JSON Schema must be an object (or true/false), found "
                    + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return root;
    }

    /**
     * Checks that {@code text} parses as a schema of {@code type}: Avro and JSON Schema fully; Protobuf as far
     * as Meshlens reads it (balanced blocks and well-formed message fields).
     *
     * @throws InputException naming {@code source} and the line at the first problem
     */
    public static void validate(String source, SchemaType type, String text) {
        switch (type) {
            case AVRO -> parseAvro(source, text);
            case JSON -> parseJsonSchema(source, text);
            case PROTOBUF -> parseProtobuf(source, text);
        }
    }

    /** The name a registered version goes by in errors, e.g. {@code sales.orders.placed-value v2}. */
    static String sourceOf(SchemaVersion version) {
        return version.subject() + " v" + version.version();
    }

    static List<ProtoMessage> parseProtobuf(String source, String text) {
        return new ProtoParser(source, text).parse();
    }

    private static JsonProcessingException jsonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }

    private static long lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
    }

    /** The line where the name an Avro message complains about is quoted, or 0 when it cannot tell. */
    static long lineNamed(String text, String message) {
        if (message == null) {
            return 0;
        }
        for (NamedProblem problem : AVRO_NAMED_PROBLEMS) {
            Matcher m = problem.pattern().matcher(message);
            if (m.find()) {
                String name = m.group(1);
                long line = lineOfQuoted(text, name, problem.occurrence());
                if (line == 0 && name.contains(".")) {
                    line = lineOfQuoted(text, name.substring(name.lastIndexOf('.') + 1), problem.occurrence());
                }
                if (line > 0) {
                    return line;
                }
            }
        }
        return 0;
    }

    /** The line of the n-th quoted occurrence of {@code name}, falling back to the first; 0 when absent. */
    private static long lineOfQuoted(String text, String name, int occurrence) {
        String quoted = '"' + name + '"';
        int at = text.indexOf(quoted);
        for (int n = 1; n < occurrence && at >= 0; n++) {
            int next = text.indexOf(quoted, at + quoted.length());
            if (next < 0) {
                break;
            }
            at = next;
        }
        if (at < 0) {
            return 0;
        }
        return text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private record NamedProblem(Pattern pattern, int occurrence) {
    }
}
