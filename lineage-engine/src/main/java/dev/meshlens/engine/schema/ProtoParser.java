package dev.meshlens.engine.schema;

import dev.meshlens.engine.model.InputException;

import java.util.ArrayList;
import java.util.List;

/**
 * A small, tolerant reader of {@code .proto} files: it reads the messages (fields, oneofs, nested messages)
 * and skips every other statement or block (syntax, package, import, option, enum, service, extend,
 * reserved, extensions, groups). It is not a Protobuf compiler: it checks that blocks balance and that
 * message fields have the form {@code [label] type name = number [options];}, nothing more.
 */
final class ProtoParser {
    private final String source;
    private final List<Token> tokens;
    private int pos;

    ProtoParser(String source, String text) {
        this.source = source;
        this.tokens = new Lexer(source, text).tokens();
    }

    /** The top-level messages, in file order. */
    List<ProtoMessage> parse() {
        List<ProtoMessage> messages = new ArrayList<>();
        while (peek() != null) {
            if (peekIs("message")) {
                next();
                messages.add(message());
            } else {
                skipStatement();
            }
        }
        return messages;
    }

    private ProtoMessage message() {
        String name = word("message name");
        expect("{");
        List<ProtoMessage.Field> fields = new ArrayList<>();
        List<ProtoMessage> nested = new ArrayList<>();
        while (!peekIs("}")) {
            requireMore("'}' closing message " + name);
            if (peekIs("message")) {
                next();
                nested.add(message());
            } else if (peekIs("oneof")) {
                next();
                String oneof = word("oneof name");
                expect("{");
                while (!peekIs("}")) {
                    requireMore("'}' closing oneof " + oneof);
                    if (peekIs("option") || peekIs(";")) {
                        skipStatement();
                    } else {
                        fields.add(field(oneof));
                    }
                }
                next();
            } else if (peekIs("enum") || peekIs("extend") || peekIs("option") || peekIs("reserved")
                    || peekIs("extensions") || peekIs(";") || isGroup()) {
                skipStatement();
            } else {
                fields.add(field(null));
            }
        }
        next();
        return new ProtoMessage(name, fields, nested);
    }

    private ProtoMessage.Field field(String oneof) {
        String doc = pendingDoc();
        String label = "";
        if (peekIs("repeated") || peekIs("optional") || peekIs("required")) {
            label = next().text;
        }
        String type = word("field type");
        if (type.equals("map") && peekIs("<")) {
            next();
            String key = word("map key type");
            expect(",");
            String value = word("map value type");
            expect(">");
            type = "map<" + key + ", " + value + ">";
        }
        String name = word("field name");
        expect("=");
        Token number = next();
        if (number == null || !number.text.matches("\\d+")) {
            throw error(number, "expected the field number of '" + name + "'");
        }
        if (peekIs("[")) {
            skipBalanced("[", "]");
        }
        Token end = expect(";");
        if (doc == null && pos < tokens.size() && tokens.get(pos).comment && tokens.get(pos).line == end.line) {
            doc = tokens.get(pos).text;
            pos++;
        }
        return new ProtoMessage.Field(name, type, label, Integer.parseInt(number.text), oneof, doc);
    }

    /** Whether the next statement is a proto2 group ({@code repeated group Result = 1 { ... }}). */
    private boolean isGroup() {
        int at = pos;
        while (at < tokens.size() && tokens.get(at).comment) {
            at++;
        }
        if (at < tokens.size() && tokens.get(at).text.matches("repeated|optional|required")) {
            at++;
        }
        return at < tokens.size() && tokens.get(at).text.equals("group");
    }

    /** Skips one statement: up to its {@code ;}, or over its block when it has one. */
    private void skipStatement() {
        while (true) {
            Token t = next();
            if (t == null || t.text.equals(";")) {
                return;
            }
            if (t.text.equals("}")) {
                throw error(t, "unbalanced '}'");
            }
            if (t.text.equals("{")) {
                pos--;
                skipBalanced("{", "}");
                return;
            }
        }
    }

    private void skipBalanced(String open, String close) {
        Token first = expect(open);
        int depth = 1;
        while (depth > 0) {
            Token t = next();
            if (t == null) {
                throw error(first, "'" + open + "' is never closed");
            }
            if (t.text.equals(open)) {
                depth++;
            } else if (t.text.equals(close)) {
                depth--;
            }
        }
    }

    /** The comment lines right before the next token, which document it, or null. */
    private String pendingDoc() {
        StringBuilder doc = new StringBuilder();
        int at = pos - 1;
        while (at >= 0 && tokens.get(at).comment) {
            at--;
        }
        for (int i = at + 1; i < pos; i++) {
            // A comment on the line of the previous statement belongs to that statement.
            if (at < 0 || tokens.get(i).line != tokens.get(at).line) {
                doc.append(doc.isEmpty() ? "" : " ").append(tokens.get(i).text);
            }
        }
        skipComments();
        return doc.isEmpty() ? null : doc.toString();
    }

    private String word(String what) {
        Token t = next();
        if (t == null || !t.word) {
            throw error(t, "expected " + what);
        }
        return t.text;
    }

    private Token expect(String text) {
        Token t = next();
        if (t == null || !t.text.equals(text)) {
            throw error(t, "expected '" + text + "'" + (t == null ? "" : " but found '" + t.text + "'"));
        }
        return t;
    }

    private void requireMore(String what) {
        if (peek() == null) {
            throw new InputException(source, tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).line,
                    "unexpected end of file, expected " + what);
        }
    }

    private boolean peekIs(String text) {
        Token t = peek();
        return t != null && t.text.equals(text);
    }

    private Token peek() {
        skipComments();
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private Token next() {
        Token t = peek();
        if (t != null) {
            pos++;
        }
        return t;
    }

    private void skipComments() {
        while (pos < tokens.size() && tokens.get(pos).comment) {
            pos++;
        }
    }

    private InputException error(Token at, String message) {
        long line = at != null ? at.line : tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).line;
        return new InputException(source, line, (at == null ? "unexpected end of file, " : "") + message);
    }

    private record Token(String text, long line, boolean word, boolean comment) {
    }

    /** Splits a .proto text into words, strings, symbols and comments, counting lines. */
    private static final class Lexer {
        private final String source;
        private final String text;
        private final List<Token> out = new ArrayList<>();
        private int i;
        private long line = 1;

        Lexer(String source, String text) {
            this.source = source;
            this.text = text;
        }

        List<Token> tokens() {
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\n') {
                    line++;
                    i++;
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else if (text.startsWith("//", i)) {
                    int end = text.indexOf('\n', i);
                    end = end < 0 ? text.length() : end;
                    comment(text.substring(i + 2, end), line);
                    i = end;
                } else if (text.startsWith("/*", i)) {
                    blockComment();
                } else if (c == '"' || c == '\'') {
                    string(c);
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '+') {
                    int start = i;
                    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i))
                            || "_.-+".indexOf(text.charAt(i)) >= 0)) {
                        i++;
                    }
                    out.add(new Token(text.substring(start, i), line, true, false));
                } else {
                    out.add(new Token(String.valueOf(c), line, false, false));
                    i++;
                }
            }
            return out;
        }

        private void blockComment() {
            long startLine = line;
            int end = text.indexOf("*/", i + 2);
            if (end < 0) {
                throw new InputException(source, startLine, "comment '/*' is never closed");
            }
            String body = text.substring(i + 2, end);
            line += body.chars().filter(ch -> ch == '\n').count();
            comment(body.replaceAll("(?m)^\\s*\\*+", " "), startLine);
            i = end + 2;
        }

        private void string(char quote) {
            long startLine = line;
            int j = i + 1;
            while (j < text.length() && text.charAt(j) != quote) {
                if (text.charAt(j) == '\n') {
                    throw new InputException(source, startLine, "string is never closed");
                }
                j += text.charAt(j) == '\\' ? 2 : 1;
            }
            if (j >= text.length()) {
                throw new InputException(source, startLine, "string is never closed");
            }
            out.add(new Token(text.substring(i, j + 1), line, false, false));
            i = j + 1;
        }

        private void comment(String body, long at) {
            String cleaned = body.strip().replaceAll("\\s+", " ");
            if (!cleaned.isEmpty()) {
                out.add(new Token(cleaned, at, false, true));
            }
        }
    }
}
