package dev.promptarena.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.stats.Side;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterimReportsTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @TempDir Path tmp;

    private final AtomicLong clock = new AtomicLong();
    private final List<String> reasons = new ArrayList<>();
    private final List<List<String>> written = new ArrayList<>();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** The cases finished so far, which the run's case files hold (CaseFiles.snapshot): read when a report is written. */
    private final ConcurrentSkipListMap<Integer, CaseRecord> finished = new ConcurrentSkipListMap<>();

    private void done(InterimReports interim, CaseRecord r) {
        finished.put(Integer.parseInt(r.caseId().substring(1)), r);
        interim.caseDone(r);
    }

    private static List<GoldenCase> cases(int n) {
        List<GoldenCase> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new GoldenCase("c" + i, Map.of(), null, null, Map.of(), List.of(), i + 1));
        return out;
    }

    private static CaseRecord record(String id) {
        Side s = new Side("x", 1, 0, 1, false, null, false, null, null);
        return new CaseRecord(id, 0, Map.of(), "q", s, s, List.of());
    }

    /** Interim reports whose manifest is only its partial reason (recorded) and whose writer records the case ids. */
    private InterimReports interim(int cases, Executor executor, ReportWriter writer) {
        return new InterimReports(writer, run -> null, RunDirectory.open(tmp), reason -> {
            reasons.add(reason);
            return null;
        }, new CaseOrder(cases(cases), 1),
                () -> new ArrayList<>(finished.values()), () -> null, clock::get, new PrintStream(err, true, StandardCharsets.UTF_8), executor);
    }

    private ReportWriter recording() {
        return (dir, run, analysis) -> written.add(run.cases().stream().map(CaseRecord::caseId).toList());
    }

    /** The cases c0..c99 finishing odd ids first, the clock set to the given seconds as the given count is reached. */
    private void runHundred(InterimReports interim, Map<Integer, Integer> secondsAtDone) {
        List<String> order = new ArrayList<>();
        for (int i = 1; i < 100; i += 2) order.add("c" + i);
        for (int i = 0; i < 100; i += 2) order.add("c" + i);
        for (int done = 1; done <= order.size(); done++) {
            Integer seconds = secondsAtDone.get(done);
            if (seconds != null) clock.set(seconds * SECOND);
            done(interim, record(order.get(done - 1)));
        }
    }

    @Test
    void writesAtTenPercentAfterTwoSecondsThenAtHalfThenEveryTwoMinutesInCaseOrder() {
        InterimReports interim = interim(100, Runnable::run, recording());
        // 10 cases after 1 s: 10% reached within the first 2 s, not yet; 15 after 3 s: the first write; half after
        // 121 s (1 s short of 2 minutes after the first write; at this pace 121 s to go): the half-way report;
        // 70 after 250 s, more than 2 minutes after it: a periodic one.
        runHundred(interim, Map.of(10, 1, 15, 3, 50, 121, 70, 250));
        assertEquals(3, written.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("in progress: 15 of 100 cases had finished"), reasons.get(0));
        assertTrue(reasons.get(1).startsWith("in progress: 50 of 100"), reasons.get(1));
        assertTrue(reasons.get(2).startsWith("in progress: 70 of 100"), reasons.get(2));
        // In case order, whatever the finishing order: the first 15 to finish were c1, c3, ..., c29.
        assertEquals(List.of("c1", "c3", "c5"), written.get(0).subList(0, 3));
        List<String> sorted = new ArrayList<>(written.get(2));
        sorted.sort((a, b) -> Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1))));
        assertEquals(sorted, written.get(2));
        assertEquals(70, written.get(2).size());
    }

    @Test
    void aRunDueToEndWithinTwoMinutesOfHalfWaySkipsTheHalfWayReportButNotThePeriodicOnes() {
        InterimReports interim = interim(100, Runnable::run, recording());
        // Half after 60 s: at this pace the final reports come in 60 s, no half-way report; the periodic clock runs on
        // (60 cases after 124 s, 121 s after the first write).
        runHundred(interim, Map.of(15, 3, 50, 60, 60, 124));
        assertEquals(2, written.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("in progress: 15 of 100"), reasons.get(0));
        assertTrue(reasons.get(1).startsWith("in progress: 60 of 100"), reasons.get(1));
    }

    @Test
    void theFirstReportIsWrittenEvenWhenTwoSecondsCameAfterHalfTheCases() {
        InterimReports interim = interim(100, Runnable::run, recording());
        runHundred(interim, Map.of(1, 0, 80, 2));
        assertEquals(1, written.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("in progress: 80 of 100"), reasons.get(0));
    }

    @Test
    void neverTwoWritesAtOnceAMilestoneWaitsForThePendingOneAndTheLastCaseWritesNothing() {
        ArrayDeque<Runnable> pending = new ArrayDeque<>();
        InterimReports interim = interim(10, pending::add, recording());
        clock.set(200 * SECOND);
        done(interim, record("c0"));                                  // 10%: a write is queued
        for (int i = 1; i < 6; i++) done(interim, record("c" + i));  // 50% reached while it is pending: no second write
        assertEquals(1, pending.size());
        pending.poll().run();
        clock.set(300 * SECOND);                                      // 100 s later: no periodic write due; 129 s to go
        done(interim, record("c6"));                                  // the writer is free: the half-way report, now
        assertEquals(1, pending.size());
        pending.poll().run();
        for (int i = 7; i < 10; i++) done(interim, record("c" + i)); // no milestone left; c9 is the final report's job
        assertEquals(0, pending.size());
        // Each report covers the cases finished when it is written, not when it was queued.
        assertEquals(List.of(List.of("c0", "c1", "c2", "c3", "c4", "c5"), List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6")), written);
    }

    @Test
    void aSlowWriteStretchesThePeriodToTenTimesItsDuration() {
        // Each write takes 30 s of the test clock: the next periodic write waits 300 s, not 120 s.
        InterimReports interim = interim(1000, Runnable::run, (dir, run, analysis) -> {
            written.add(List.of());
            clock.addAndGet(30 * SECOND);
        });
        clock.set(10 * SECOND);
        done(interim, record("c0"));      // a milestone would need 100 cases: nothing yet
        for (int i = 1; i < 100; i++) done(interim, record("c" + i));
        assertEquals(1, written.size());   // 10%: written, ends at t = 40 s
        clock.set(40 * SECOND + 200 * SECOND);
        done(interim, record("c100"));    // 200 s later: past 2 minutes, not past 300 s
        assertEquals(1, written.size());
        clock.set(40 * SECOND + 301 * SECOND);
        done(interim, record("c101"));
        assertEquals(2, written.size());
    }

    @Test
    void aFailingWriteIsOneWarningAndTheRunGoesOn() {
        InterimReports interim = interim(10, Runnable::run, (dir, run, analysis) -> { throw new IllegalStateException("disk full"); });
        clock.set(10 * SECOND);
        done(interim, record("c0"));
        for (int i = 1; i < 9; i++) done(interim, record("c" + i));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("warning: could not write an interim report: disk full"), text);
        assertEquals(text.indexOf("warning"), text.lastIndexOf("warning"), "warned once: " + text);
    }
}
