package dev.promptarena.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.engine.Journal;
import dev.promptarena.engine.JournalEntry;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The journal's share of a resume: opens JOURNAL (a copy: a torn last line is cut off), then asks
 * {@link Journal#completed} for every line's role and key, as a resumed run asks once per call. Prints the time of
 * each step and of both, wall and this thread's CPU (the open and the reads run on it; CPU time is what a loaded
 * machine does not distort), best of ROUNDS (default 3) in one JVM. The roles and keys are collected first, outside the
 * timing. Uses only the public API, so it also runs against earlier builds' jars. Usage:
 * {@code java -cp JAR:target/test-classes dev.promptarena.bench.JournalResumeBench JOURNAL [ROUNDS]}.
 */
public final class JournalResumeBench {
    private JournalResumeBench() {}

    /** Lines start {"key":"...","role":"..." (the record's component order). */
    private static final Pattern HEAD = Pattern.compile("^\\{\"key\":\"([^\"]+)\",\"role\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String[]> slots = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            for (String line; (line = r.readLine()) != null; ) {
                Matcher m = HEAD.matcher(line);
                if (m.find()) slots.add(new String[] {m.group(2), m.group(1)});
            }
        }
        double bestOpen = Double.MAX_VALUE, bestReads = Double.MAX_VALUE, bestBoth = Double.MAX_VALUE;
        double bestOpenCpu = Double.MAX_VALUE, bestReadsCpu = Double.MAX_VALUE;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            try (Journal journal = Journal.open(file, new ObjectMapper(), Runnable::run)) {
                long t1 = System.nanoTime();
                long c1 = cpu.getCurrentThreadCpuTime();
                long found = 0, chars = 0;
                for (String[] s : slots) {
                    JournalEntry e = journal.completed(s[0], s[1]);
                    if (e != null) {
                        found++;
                        chars += e.response().text().length();
                    }
                }
                long t2 = System.nanoTime();
                long c2 = cpu.getCurrentThreadCpuTime();
                bestOpenCpu = Math.min(bestOpenCpu, (c1 - c0) / 1e9);
                bestReadsCpu = Math.min(bestReadsCpu, (c2 - c1) / 1e9);
                bestOpen = Math.min(bestOpen, (t1 - t0) / 1e9);
                bestReads = Math.min(bestReads, (t2 - t1) / 1e9);
                bestBoth = Math.min(bestBoth, (t2 - t0) / 1e9);
                System.out.printf(Locale.ROOT, "round=%d entries=%d found=%d answer_chars=%d spent_usd=%.4f open_s=%.2f reads_s=%.2f open_cpu_s=%.2f reads_cpu_s=%.2f%n",
                        round, journal.loadedEntries(), found, chars, journal.spentUsd(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                        (c1 - c0) / 1e9, (c2 - c1) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "journal_mb=%.1f lines=%d best_open_s=%.2f best_reads_s=%.2f best_total_s=%.2f best_open_cpu_s=%.2f best_reads_cpu_s=%.2f%n",
                Files.size(file) / 1e6, slots.size(), bestOpen, bestReads, bestBoth, bestOpenCpu, bestReadsCpu);
    }
}
