package dev.promptarena.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The case ids a run folder recorded as it ran: each line's {@code caseId} in cases.jsonl and outcomes.jsonl, and in
 * the {@code .cases.jsonl.tmp} a killed run leaves (written as cases finish, so it holds every case written before the
 * kill; a torn last line gives its id only when the id itself was written whole), in the folder and in a tournament's
 * pairing folders. They are what the run read from the golden set, so they tell which case-id rule it ran under.
 */
final class RecordedCaseIds {
    private static final JsonFactory JSON = new JsonFactory();
    private static final List<String> FILES = List.of("cases.jsonl", "outcomes.jsonl", ".cases.jsonl.tmp");

    private RecordedCaseIds() {}

    /** Hands every recorded id of {@code runDir} to {@code each} (an id may come more than once: several files, repeats). */
    static void forEach(Path runDir, Consumer<String> each) throws IOException {
        for (Path folder : folders(runDir)) {
            for (String name : FILES) {
                Path file = folder.resolve(name);
                if (Files.isRegularFile(file)) read(file, each);
            }
        }
    }

    private static List<Path> folders(Path runDir) throws IOException {
        List<Path> out = new ArrayList<>(List.of(runDir));
        Path pairs = runDir.resolve("pairs");
        if (Files.isDirectory(pairs)) {
            try (Stream<Path> s = Files.list(pairs)) {
                s.filter(Files::isDirectory).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static void read(Path file, Consumer<String> each) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = lines.readLine()) != null; ) {
                String id = caseId(line);
                if (id != null) each.accept(id);
            }
        } catch (java.nio.charset.MalformedInputException torn) {
            // A kill can cut a multi-byte character: the ids before it were read.
        }
    }

    /** The line's top-level {@code caseId}, or null (no such field, or the line is not JSON up to it). */
    private static String caseId(String line) {
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("caseId")) return value == JsonToken.VALUE_STRING ? p.getText() : null;
                p.skipChildren();
            }
            return null;
        } catch (IOException unreadable) {
            return null; // a torn line cut before its id, or not a record
        }
    }
}
