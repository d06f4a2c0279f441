package dev.meshlens.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in-process against a given environment and captures what it prints. */
final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> env;

    Cli(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = MeshlensCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env);
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A command line whose commands the caller can reach, e.g. to stop a running demo cluster. */
    CommandLine commandLine(StringWriter out, StringWriter err) {
        return MeshlensCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env);
    }
}
