package dev.meshlens.app.cli;

/** How a command prints its answer: a table for people, JSON (stable shapes) for scripts. */
public enum OutputFormat {
    table, json
}
