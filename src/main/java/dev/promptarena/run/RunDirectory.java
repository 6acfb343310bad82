package dev.promptarena.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.promptarena.input.InputException;
import dev.promptarena.util.TextFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import dev.promptarena.input.InputException;
import dev.promptarena.util.TextFiles;
import dev.promptarena.util.IoReason;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * A run's folder, {@code reports/<run-id>/}. Created fresh (never reusing or overwriting an
 * existing folder); files are written to a temporary name and moved into place so a reader
 * never sees half a file.
 */
public final class RunDirectory {
    // Map keys sorted: maps built with Map.copyOf iterate in an order that changes from one JVM to the next,
    // and the same run must give the same bytes.
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final ObjectMapper JSONL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path dir;

    private RunDirectory(Path dir) { this.dir = dir; }

    /** A new, empty folder under {@code parent} (for commands whose folder has no run manifest, such as {@code score}). */
    public static RunDirectory create(Path parent, String arenaName, ZonedDateTime now) { return create(parent, arenaName, now, null); }

    /**
     * Creates a new run folder under {@code parent} named after the time and arena, with its manifest
     * ({@code manifestFor} the run id) already inside: the folder is assembled under a hidden name and
     * renamed into place, so a kill at any moment leaves either no folder or one that resume accepts.
     *
     * @throws InputException when the folder cannot be created there (permission denied, not a directory,
     *                        no space...): a usage error, with the operating system's reason
     */
    public static RunDirectory create(Path parent, String arenaName, ZonedDateTime now, Function<String, Object> manifestFor) {
        return create(parent, arenaName, "", now, manifestFor);
    }

    /** As {@link #create(Path, String, ZonedDateTime, Function)}, the name ending with {@code suffix} (e.g. "-shard-2-of-8"), kept whole after the slug. */
    public static RunDirectory create(Path parent, String arenaName, String suffix, ZonedDateTime now, Function<String, Object> manifestFor) {
        String base = now.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + slug(arenaName) + suffix;
        try {
            Files.createDirectories(parent);
            for (int i = 1; ; i++) {
                Path candidate = parent.resolve(i == 1 ? base : base + "-" + i);
                if (Files.exists(candidate)) continue; // another run started in the same second
                Path staging = parent.resolve("." + candidate.getFileName() + ".creating-" + ProcessHandle.current().pid());
                Files.createDirectories(staging);
                RunDirectory building = new RunDirectory(staging);
                if (manifestFor != null) building.writeJson("manifest.json", manifestFor.apply(candidate.getFileName().toString()));
                try {
                    Files.move(staging, candidate, StandardCopyOption.ATOMIC_MOVE);
                    return new RunDirectory(candidate);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException taken) {
                    Files.deleteIfExists(staging.resolve("manifest.json"));
                    Files.deleteIfExists(staging);
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new InputException(parent, "cannot create the run folder here: " + e.getFile() + " is a file, not a directory");
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(parent, "cannot create the run folder here: " + IoReason.of(e));
        }
    }

    /**
     * What {@link #create} and {@link #createExact} would refuse, checked without creating anything ({@code --dry-run}
     * said nothing of an --out that is a file or a --run-dir in use, and the run then refused them).
     *
     * @param parent the folder the run folder goes in ({@code --out} or the config's output), or null
     * @param exact  {@code --run-dir}, or null
     */
    public static void checkTargets(Path parent, Path exact) {
        if (exact != null) {
            if (Files.exists(exact) && !Files.isDirectory(exact)) throw new InputException(exact, "--run-dir: exists and is not a folder");
            try (var entries = Files.isDirectory(exact) ? Files.list(exact) : java.util.stream.Stream.<Path>empty()) {
                if (entries.findAny().isPresent()) {
                    throw new InputException(exact, "--run-dir: the folder is not empty; a run never writes over another (use a new folder, or --out PARENT)");
                }
            } catch (IOException e) {
                throw new InputException(exact, "--run-dir: cannot read: " + IoReason.of(e));
            }
            return;
        }
        for (Path p = parent; p != null; p = p.toAbsolutePath().getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) throw new InputException(parent, "cannot create the run folder here: " + p + " is a file, not a directory");
            if (Files.isDirectory(p)) return;
        }
    }

    /**
     * Creates the run folder at exactly {@code dir} ({@code --run-dir}, for CI that needs a known path). An
     * existing empty folder is used; one with anything in it is refused, since a run never overwrites another.
     */
    public static RunDirectory createExact(Path dir) { return createExact(dir, "--run-dir", "a run"); }

    /** As {@link #createExact(Path)}, for {@code option} (e.g. {@code score --score-dir}) making {@code what}. */
    public static RunDirectory createExact(Path dir, String option, String what) {
        checkExactTarget(dir, option, what);
        try {
            if (Files.isDirectory(dir)) return new RunDirectory(dir);
            Files.createDirectories(dir.toAbsolutePath().getParent());
            return new RunDirectory(Files.createDirectory(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + dir, e);
        }
    }

    /** Refuses {@code dir} as {@code option}'s exact folder unless it is absent or an empty folder; creates nothing. */
    public static void checkExactTarget(Path dir, String option, String what) {
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new InputException(dir, option + ": the folder is not empty; " + what + " never writes over another (use a new folder, or --out PARENT)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read folder " + dir, e);
            }
        } else if (Files.exists(dir)) {
            throw new InputException(dir, option + ": exists and is not a folder");
        }
    }

    /** Opens an existing run folder (for resume and report). */
    public static RunDirectory open(Path dir) { return new RunDirectory(dir); }

    public Path path() { return dir; }
    public String runId() { return dir.getFileName().toString(); }
    public Path file(String name) { return dir.resolve(name); }

    public void writeJson(String name, Object value) {
        writeAtomically(name, w -> w.write(JSON.writeValueAsString(value) + "\n"));
    }

    public void writeJsonLines(String name, List<?> values) {
        writeAtomically(name, w -> {
            for (Object v : values) writeJsonLine(w, v);
        });
    }

    /** One line of a JSON-lines file (the run folder's {@code .jsonl} files are written with this). */
    public static void writeJsonLine(Writer w, Object value) throws IOException {
        w.write(JSONL.writeValueAsString(value));
        w.write('\n');
    }

    public void writeText(String name, String text) { writeAtomically(name, w -> w.write(text)); }

    /** Something that writes a file's content. */
    public interface Content { void writeTo(BufferedWriter w) throws IOException; }

    public void writeAtomically(String name, Content content) {
        try (PendingFile file = startFile(name)) {
            content.writeTo(file.writer());
            file.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name), e);
        }
    }

    /** A file being written under a temporary name; {@link PendingFile#commit()} moves it into place. */
    public PendingFile startFile(String name) throws IOException {
        Path tmp = dir.resolve("." + name + ".tmp");
        return new PendingFile(tmp, dir.resolve(name), TextFiles.utf8Writer(tmp)); // '?' for a lone surrogate, no failure
    }

    /**
     * A file of the run folder while it is written: readers see either the previous file or the whole new one.
     * Closing it without {@link #commit()} (the run failed) deletes what was written.
     */
    public static final class PendingFile implements AutoCloseable {
        private final Path tmp;
        private final Path target;
        private final BufferedWriter writer;
        private boolean open = true;

        private PendingFile(Path tmp, Path target, BufferedWriter writer) {
            this.tmp = tmp;
            this.target = target;
            this.writer = writer;
        }

        public BufferedWriter writer() { return writer; }

        /** Where the file is being written until {@link #commit} (what was flushed can be read back meanwhile). */
        public Path tempPath() { return tmp; }

        public void commit() throws IOException {
            writer.close();
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // Only now: when the close (a full disk fails the last flush) or the move fails, close() removes the temporary file.
            open = false;
        }

        @Override
        public void close() throws IOException {
            if (!open) return;
            open = false;
            try (writer) {
                // closed before the delete
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    static String slug(String name) {
        String s = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "arena" : s.substring(0, Math.min(40, s.length()));
    }
}
