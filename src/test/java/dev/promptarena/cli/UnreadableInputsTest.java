package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input the CLI reads, when it is there but cannot be read, is one {@code error:} line naming the file and why,
 * exit 2, no stack trace or Java name, and nothing created or rewritten. The tests run as root, where {@code chmod 000}
 * stops no read, so the files are made unreadable in ways root cannot read past either (Linux):
 * <ul>
 *   <li>a path through a regular file as if it were a folder ({@code notes.txt/x}: ENOTDIR, "not a directory");</li>
 *   <li>a loop of symbolic links (ELOOP, "too many levels of symbolic links");</li>
 *   <li>{@code /proc/self/mem}, which opens and then fails its first read at address 0 (EIO, "input/output error");</li>
 *   <li>{@code /proc/self/clear_refs}, write-only, whose read fails (EINVAL as root, EACCES otherwise).</li>
 * </ul>
 * A FIFO without a writer is not used: opening it blocks; one whose writer gives it a line stands for a journal that
 * fails a read after its first bytes (positional reads of a FIFO fail: ESPIPE, "illegal seek"). A folder where a file goes is NewUserPathsTest's.
 * Before these, a dataset or rubric behind a loop or a file was "file not found", a run folder's manifest.json behind a
 * loop was "missing", its engine.json behind one was left out of the report without a word, and a resume whose
 * journal could not be read failed with exit 4 after marking the run folder running (and, once refused before that,
 * still rewrote the pid in {@code .lock}), and a prompt file or judge
 * template that failed its read gave the JDK's capitalized message ("Input/output error").
 */
class UnreadableInputsTest {
    @TempDir static Path shared;
    private static Path finishedRun;
    @TempDir Path dir;

    /** Each unreadable path with the reason its error names. */
    private record Unreadable(Path path, String reason) {}

    @BeforeAll
    static void aFinishedRun() throws IOException {
        Path config = CliRuns.arena(shared, "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n");
        finishedRun = shared.resolve("run");
        assertTrue(List.of(0, 1, 3).contains(CliRuns.cli("run", config.toString(), "--quiet", "--run-dir", finishedRun.toString()).exit()));
    }

    private List<Unreadable> unreadable;

    @BeforeEach
    void unreadablePaths() throws IOException {
        assumeTrue(Files.isRegularFile(Path.of("/proc/self/mem")), "Linux /proc");
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Path loop = dir.resolve("loop-a");
        Files.createSymbolicLink(loop, dir.resolve("loop-b"));
        Files.createSymbolicLink(dir.resolve("loop-b"), loop);
        unreadable = List.of(new Unreadable(file.resolve("x"), "not a directory"), new Unreadable(loop, "too many levels of symbolic links"),
                new Unreadable(Path.of("/proc/self/mem"), "input/output error"),
                new Unreadable(Path.of("/proc/self/clear_refs"), isRoot() ? "invalid argument" : "permission denied"));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Test
    void theConfig() throws IOException {
        for (Unreadable u : unreadable) {
            refusedNamingIt(u, "validate", u.path().toString());
            refusedNamingIt(u, "run", u.path().toString(), "--quiet");
        }
    }

    @Test
    void theFilesTheConfigNames() throws IOException {
        Path config = CliRuns.arena(dir, "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n");
        String yaml = Files.readString(config);
        for (Unreadable u : unreadable) {
            Path dataset = Files.writeString(dir.resolve("dataset.yaml"), yaml.replace("dataset: cases.jsonl", "dataset: " + u.path()));
            refusedNamingIt(u, "run", dataset.toString(), "--quiet");
            refusedNamingIt(u, "validate", dataset.toString());
            Path rubric = Files.writeString(dir.resolve("rubric-config.yaml"), yaml.replace("rubric: rubric.yaml", "rubric: " + u.path()));
            refusedNamingIt(u, "run", rubric.toString(), "--quiet");
            Path responses = Files.writeString(dir.resolve("responses.yaml"), yaml.replace("A: {provider: sim, model: sim-a,",
                    "A: {name: recorded, responses: " + u.path() + ","));
            refusedNamingIt(u, "run", responses.toString(), "--quiet");
            Path prompt = Files.writeString(dir.resolve("prompt.yaml"), yaml.replace("system: \"Be helpful.\"", "system_file: " + u.path()));
            refusedNamingIt(u, "run", prompt.toString(), "--quiet");
            Path template = Files.writeString(dir.resolve("template.yaml"), yaml.replace("seed: 3}", "seed: 3, template: " + u.path() + "}"));
            refusedNamingIt(u, "run", template.toString(), "--quiet");
        }
    }

    @Test
    void responsesAndLabelsFiles() throws IOException {
        Path config = CliRuns.arena(dir, "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n");
        for (Unreadable u : unreadable) {
            refusedNamingIt(u, "run", config.toString(), "--quiet", "--responses", u.path().toString());
            refusedNamingIt(u, "run", config.toString(), "--quiet", "--labels", u.path().toString());
        }
        Path run = copyOfTheRun();
        Map<Path, String> before = snapshot(run);
        for (Unreadable u : unreadable) {
            refusedNamingIt(u, "report", run.toString(), "--labels", u.path().toString());
            refusedNamingIt(u, "calibrate", run.toString(), "--labels", u.path().toString());
        }
        assertEquals(before, snapshot(run), "the run folder is left as it was");
    }

    /** manifest.json, cases.jsonl and engine.json on report; manifest.json and journal.jsonl on resume. */
    @Test
    void theRunFolderFilesOnReportAndResume() throws IOException {
        for (String name : List.of("manifest.json", "cases.jsonl", "engine.json", "journal.jsonl")) {
            for (Unreadable u : unreadable) {
                if (u.path().startsWith(dir.resolve("notes.txt"))) continue; // a run folder's own file names cannot go through a file
                Path run = copyOfTheRun();
                Path file = run.resolve(name);
                Files.delete(file);
                Files.createSymbolicLink(file, u.path());
                Map<Path, String> before = snapshot(run);
                boolean readByReport = !name.equals("journal.jsonl");
                boolean readByResume = name.equals("manifest.json") || name.equals("journal.jsonl");
                if (readByReport) refusedNamingIt(new Unreadable(file, u.reason()), "report", run.toString());
                if (readByResume) refusedNamingIt(new Unreadable(file, u.reason()), "run", "--resume", run.toString(), "--quiet");
                assertEquals(before, snapshot(run), name + " behind " + u.path() + ": the run folder is left as it was");
            }
        }
    }

    /**
     * A journal whose first bytes read (the resume's check before it locks the folder reads them) and whose next read
     * fails: a FIFO, which a writer answers with the journal's first line, read as a stream, and which the journal's
     * positional reads find unseekable (ESPIPE, "illegal seek"). Before, the resume marked the folder running (manifest.json
     * rewritten) and then exited 4 when the engine's read of the journal failed.
     */
    @Test
    void aJournalWhoseFirstBytesReadAndALaterReadFailsOnResume() throws Exception {
        refusedWithAJournalThatFailsItsSecondRead(copyOfTheRun());
    }

    /** The same for a tournament, whose resume marked its folder running (manifest.json, tournament.json) before the engine opened. */
    @Test
    void aTournamentJournalWhoseFirstBytesReadAndALaterReadFailsOnResume() throws Exception {
        Path run = shared.resolve("tournament");
        if (Files.notExists(run)) {
            CliRuns.Result r = CliRuns.cli("run", "examples/support-bot.tournament.arena.yaml", "--limit", "2", "--no-cache", "--quiet",
                    "--run-dir", run.toString());
            assertTrue(List.of(0, 1, 3).contains(r.exit()), r.err());
        }
        refusedWithAJournalThatFailsItsSecondRead(run);
    }

    private void refusedWithAJournalThatFailsItsSecondRead(Path run) throws Exception {
        Path journal = run.resolve("journal.jsonl");
        String firstLine = Files.readAllLines(journal).get(0) + "\n";
        Path fifo = Files.createTempDirectory(dir, "fifo").resolve("journal.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo");
        Files.delete(journal);
        Files.createSymbolicLink(journal, fifo);
        lockedLastByAnEndedProcess(run);
        Map<Path, String> before = snapshot(run);
        // Opening a FIFO to write waits for a reader: the resume's check. The writer gives it the first line and is done.
        Thread writer = new Thread(() -> {
            try (var out = Files.newOutputStream(fifo)) {
                out.write(firstLine.getBytes(StandardCharsets.UTF_8));
            } catch (IOException readerClosedFirst) {
                // the check read what it needed and closed: nothing to do
            }
        }, "fifo-writer");
        writer.setDaemon(true);
        writer.start();
        try {
            refusedNamingIt(new Unreadable(journal, "illegal seek"), "run", "--resume", run.toString(), "--quiet");
            assertEquals(before, snapshot(run), "the run folder is left as it was: manifest.json not marked running, .lock not rewritten");
        } finally {
            // Should the check never have opened the FIFO, the writer still waits for a reader: this open ends its wait.
            if (writer.isAlive()) java.nio.channels.FileChannel.open(fifo, java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE).close(); // O_RDWR: never waits
            writer.join(60_000);
        }
    }

    private Path copyOfTheRun() throws IOException {
        Path copy = Files.createTempDirectory(dir, "run");
        try (Stream<Path> files = Files.list(finishedRun)) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()), LinkOption.NOFOLLOW_LINKS);
        }
        // The reports a command would rewrite hold a marker, so a rewrite with the same bytes shows too.
        for (String report : List.of("report.json", "report.html", "summary.md", "summary.csv", "cases.csv")) {
            Files.writeString(copy.resolve(report), "marker", StandardCharsets.UTF_8);
        }
        lockedLastByAnEndedProcess(copy);
        return copy;
    }

    /**
     * The run that wrote {@code .lock} ran in this process, so a resume that rewrites it writes the same bytes: an ended
     * process's pid there shows the rewrite (as a folder whose run was killed holds).
     */
    private static void lockedLastByAnEndedProcess(Path run) throws IOException {
        Process ended = new ProcessBuilder("true").start();
        try {
            ended.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Files.writeString(run.resolve(".lock"), ended.pid() + "\n");
    }

    /** One error line that names the file and the reason; exit 2; nothing new in the test's folder. */
    private void refusedNamingIt(Unreadable u, String... args) throws IOException {
        List<Path> before = listing();
        CliRuns.Result r = CliRuns.cli(args);
        String command = String.join(" ", args);
        assertEquals(2, r.exit(), command + "\n" + r.out() + r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), command + "\n" + r.err());
        String error = errors.get(0);
        assertTrue(error.contains(u.path().toString()) && error.contains("cannot read") && error.endsWith(": " + u.reason()),
                command + "\n" + error);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("java."), r.err());
        assertEquals(before, listing(), command + ": nothing created");
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }

    /** Each entry of a folder with its bytes (a link: its target). */
    private static Map<Path, String> snapshot(Path folder) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.forEach(entries::add);
        }
        for (Path p : entries) {
            out.put(p.getFileName(), Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p)
                    : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "folder" : new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
        }
        return out;
    }
}
