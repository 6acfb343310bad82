package dev.promptarena.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.stats.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cases.jsonl and outcomes.jsonl written while cases finish, in any order and from many threads, hold
 * the same bytes as writing the runner's finished list in one go after the run.
 */
class CaseFilesTest {
    private static final int REPEATS = 2;
    @TempDir Path tmp;

    @Test
    void casesFinishingInAnyOrderGiveTheBytesOfTheFinishedListWrittenAtOnce() throws Exception {
        List<GoldenCase> cases = cases(300);
        List<CaseRecord> inOrder = records(cases, -1);
        List<CaseRecord> finishing = new ArrayList<>(inOrder);
        Collections.shuffle(finishing, new Random(7));

        RunDirectory streamed = folder("streamed");
        try (CaseFiles files = CaseFiles.start(streamed, new CaseOrder(cases, REPEATS))) {
            finishing.parallelStream().forEach(files::caseDone);
            // What the reports read: the records back from cases.jsonl, in case order.
            assertEquals(inOrder, files.commit());
        }
        assertSameFiles(written(inOrder), streamed);
    }

    @Test
    void aCaseThatNeverFinishesLeavesNoGapAndHoldsNothingBack() throws Exception {
        // The budget ran out: case 40's calls were not made, so it is neither delivered nor in the runner's list.
        List<GoldenCase> cases = cases(120);
        List<CaseRecord> finished = records(cases, 40);
        RunDirectory streamed = folder("streamed");
        try (CaseFiles files = CaseFiles.start(streamed, new CaseOrder(cases, REPEATS))) {
            List<CaseRecord> reversed = new ArrayList<>(finished);
            Collections.reverse(reversed);
            reversed.forEach(files::caseDone);
            assertEquals(finished, files.commit());
        }
        assertSameFiles(written(finished), streamed);
    }

    @Test
    void aRunThatFailsLeavesNeitherFileNorItsTemporaryCopy() throws Exception {
        List<GoldenCase> cases = cases(10);
        RunDirectory dir = folder("failed");
        try (CaseFiles files = CaseFiles.start(dir, new CaseOrder(cases, REPEATS))) {
            records(cases, -1).forEach(files::caseDone);
        }
        try (var left = Files.list(dir.path())) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aSnapshotIsEveryCaseFinishedSoFarInCaseOrderWrittenOrWaitingBehindAGap() throws Exception {
        // What an interim report reads: cases 0-19 are in the file, 25-29 wait for cases 20-24, which are still running.
        List<GoldenCase> cases = cases(20);
        List<CaseRecord> all = records(cases, -1);
        RunDirectory dir = folder("snapshot");
        try (CaseFiles files = CaseFiles.start(dir, new CaseOrder(cases, REPEATS))) {
            all.subList(25, 30).forEach(files::caseDone);
            all.subList(0, 20).forEach(files::caseDone);
            List<CaseRecord> soFar = files.snapshot();
            List<CaseRecord> expected = new ArrayList<>(all.subList(0, 20));
            expected.addAll(all.subList(25, 30));
            assertEquals(expected, soFar);
            assertEquals(expected, new ArrayList<>(soFar)); // the iterator reads the same as get(i)
            all.subList(20, 25).forEach(files::caseDone);
            assertEquals(all.subList(0, 30), files.commit());
        }
    }

    /** A run folder holding only what the case files write (its manifest removed). */
    private RunDirectory folder(String name) {
        RunDirectory dir = RunDirectory.create(tmp.resolve(name), "t", ZonedDateTime.parse("2026-11-23T10:00:00Z"), id -> Map.of("runId", id));
        try {
            Files.delete(dir.file("manifest.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dir;
    }

    private RunDirectory written(List<CaseRecord> records) {
        RunDirectory dir = folder("at-once");
        dir.writeJsonLines("cases.jsonl", records);
        dir.writeJsonLines("outcomes.jsonl", records.stream().map(CaseRecord::outcome).toList());
        return dir;
    }

    private static void assertSameFiles(RunDirectory expected, RunDirectory actual) throws Exception {
        for (String name : List.of("cases.jsonl", "outcomes.jsonl")) {
            assertEquals(Files.readString(expected.file(name)), Files.readString(actual.file(name)), name);
        }
        try (var names = Files.list(actual.path())) {
            assertEquals(List.of("cases.jsonl", "outcomes.jsonl"), names.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static List<GoldenCase> cases(int n) {
        return IntStream.range(0, n).mapToObj(i -> new GoldenCase("c" + i, Map.of(), null, null, Map.of(), List.of(), i + 1)).toList();
    }

    /** Every (case, repeat) in run order, with distinct outputs and outcomes; {@code skipped} (if >= 0) left out. */
    private static List<CaseRecord> records(List<GoldenCase> cases, int skipped) {
        List<CaseRecord> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (i == skipped) continue;
            for (int r = 0; r < REPEATS; r++) {
                Side a = new Side("answer A " + i + "/" + r, i, 0.001 * i, r, false, null, false, null, null);
                Side b = new Side("answer B " + i + "/" + r, i + 1, 0, r, i % 7 == 0, i % 7 == 0 ? "HTTP 500" : null, false, null, null);
                out.add(new CaseRecord(cases.get(i).id(), r, Map.of("tier", "t" + i % 3), "question " + i, a, b, List.of()));
            }
        }
        return out;
    }
}
