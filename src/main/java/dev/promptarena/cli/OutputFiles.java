package dev.promptarena.cli;

import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * {@code run -o/--output FILE} (repeatable, as promptfoo's flag): a copy of one of the run folder's reports at a
 * path CI chooses, the format taken from the extension. Checked before the run starts, so a typo costs nothing.
 */
final class OutputFiles {
    /** Extension to the run-folder file it copies; xml is the JUnit report, written to the path directly. */
    enum Format {
        JSON("json", "report.json"), CSV("csv", "cases.csv"), HTML("html", "report.html"), MD("md", "summary.md"), XML("xml", null);

        final String extension;
        final String source;

        Format(String extension, String source) {
            this.extension = extension;
            this.source = source;
        }
    }

    private OutputFiles() {}

    /** The format of {@code file} from its extension; a usage error naming the accepted ones otherwise. */
    static Format format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (Format f : Format.values()) if (name.endsWith("." + f.extension)) return f;
        throw new InputException(file, "-o/--output: unknown format; the extension picks it: .json (report.json), .csv (cases.csv),"
                + " .html (report.html), .md (summary.md), .xml (JUnit)");
    }

    /**
     * Every -o path and the --junit file, before the run: an unknown extension, or a folder where the file goes (the run
     * used to spend its calls and then fail to write it, exit 4).
     */
    static void checkAll(List<Path> files, Path junit) {
        files.forEach(OutputFiles::format);
        for (Path f : files) requireFileTarget(f, "-o/--output");
        if (junit != null) requireFileTarget(junit, "--junit");
    }

    /**
     * Refuses a folder an option writes into when it, or a folder above it, is a file: checked before the work, since
     * creating it afterwards failed with exit 4 and the JDK's words ("Not a directory: not a directory").
     */
    static void requireFolderTarget(Path dir, String option) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) return;
            if (Files.exists(p)) {
                throw new InputException(dir, option + ": " + (p.equals(dir.toAbsolutePath()) ? "is a file" : p + " is a file") + "; give a folder to write into");
            }
        }
    }

    /** Refuses a folder given as the file an option writes. */
    static void requireFileTarget(Path file, String option) {
        if (Files.isDirectory(file)) throw new InputException(file, option + ": is a folder; give the path of the file to write");
    }

    /** Copies one report file to an -o path, creating its folder. */
    static void copyFile(Path source, Path f) {
        try {
            Path parent = f.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.copy(source, f, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InputException(f, "-o/--output: cannot write: " + e.getMessage());
        }
    }

    /** Copies each non-JUnit output from {@code runDir}; JUnit files are written by the caller. */
    static void copy(Path runDir, List<Path> files) {
        for (Path f : files) {
            Format fmt = format(f);
            if (fmt.source == null) continue;
            try {
                Path parent = f.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                Files.copy(runDir.resolve(fmt.source), f, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new InputException(f, "-o/--output: cannot write: " + e.getMessage());
            }
        }
    }
}
