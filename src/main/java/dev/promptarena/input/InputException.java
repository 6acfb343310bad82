package dev.promptarena.input;

import java.nio.file.Path;

/**
 * A problem with something the user gave us (config, dataset, rubric, labels). Printed as
 * {@code file:line: field: message} without a stack trace, exit code 2.
 */
public final class InputException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String field;

    public InputException(Path file, int line, String field, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public InputException(Path file, String message) { this(file, 0, null, message); }

    public Path file() { return file; }
    public int line() { return line; }
    public String field() { return field; }

    /** The one-line form users see, e.g. {@code arena.yaml:12: judge.order: expected one of ...}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (file != null) sb.append(file);
        if (line > 0) sb.append(':').append(line);
        if (sb.length() > 0) sb.append(": ");
        if (field != null && !field.isEmpty()) sb.append(field).append(": ");
        return sb.append(getMessage()).toString();
    }
}
