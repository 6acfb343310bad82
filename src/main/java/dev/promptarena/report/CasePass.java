package dev.promptarena.report;

import dev.promptarena.judge.JudgeFailure;
import dev.promptarena.judge.JudgeStatus;
import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.run.Manifest;
import dev.promptarena.stats.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What the reports need from every case besides the statistics, gathered in one read of the cases: the failed judge
 * calls and failed generations by reason (every report names them), report.html's ranking key per case and its tag filter, and summary.md's
 * worst regressions. Each was a read and parse of cases.jsonl of its own (three after the analysis's; at a million cases
 * a read is ~1 GB): fed to {@link dev.promptarena.run.RecordedRun#analyze(dev.promptarena.stats.CorrectedWinRate, Consumer)},
 * it shares the analysis's read. The results are those of the separate passes ({@link #of} runs one for a model).
 */
public final class CasePass implements Consumer<CaseRecord> {
    /** summary.md's "worst regressions": this many losses. */
    public static final int WORST_LOSSES = 5;

    private final List<String> axes;
    private final TreeMap<String, Long> failed = new TreeMap<>();
    private final GenerationErrors.Counter generation = new GenerationErrors.Counter();
    private final CaseKeys keys = new CaseKeys();
    private int cases;
    private final TreeSet<String> tags = new TreeSet<>();
    private final PriorityQueue<CaseFacts> losses = new PriorityQueue<>(CaseFacts.WORST_FIRST.reversed());

    private CasePass(List<String> axes) { this.axes = List.copyOf(axes); }

    /**
     * A pass for a run whose manifest names its rubric's axes; null when it names none (an old run folder: the reports
     * then take the axes from the analysis, so they read the cases after it, in {@link #of}).
     */
    public static CasePass forRun(Manifest manifest) {
        return manifest.axes() == null ? null : new CasePass(manifest.axes());
    }

    /** The facts of a model's cases, read once for them (the axes the reports use: the manifest's, else the analysis's). */
    public static Facts of(ReportModel m) {
        CasePass pass = new CasePass(axes(m));
        m.cases().forEach(pass);
        return pass.facts(m);
    }

    /** The axes every report lists per case. */
    static List<String> axes(ReportModel m) {
        return m.manifest().axes() == null ? m.analysis().axisNames() : m.manifest().axes();
    }

    @Override
    public void accept(CaseRecord r) {
        for (JudgeTrace t : r.traces()) {
            if (t.status() == JudgeStatus.FAILED) failed.merge(JudgeFailure.reasonOf(t), 1L, Long::sum);
        }
        generation.add(r);
        CaseFacts f = CaseFacts.of(r, axes);
        keys.add(f.key(cases++));
        r.tags().forEach((k, v) -> tags.add(k + "=" + v));
        if (f.verdict() == Verdict.A) {
            losses.add(f);
            if (losses.size() > WORST_LOSSES) losses.poll();
        }
    }

    /**
     * What was gathered, for the reports of {@code m} (whose analysis counts the judge-error outcomes). A pass made for
     * other axes than the model's reports use is read again from the model's cases.
     */
    public Facts facts(ReportModel m) {
        if (!axes.equals(axes(m))) return of(m);
        long calls = failed.values().stream().mapToLong(Long::longValue).sum();
        List<CaseFacts.Key> sorted = keys.worstFirst();
        List<CaseFacts> worst = new ArrayList<>(losses);
        worst.sort(CaseFacts.WORST_FIRST);
        return new Facts(new JudgeErrors(m.analysis().operations().judgeErrorOutcomes(), calls, failed), generation.result(), sorted,
                List.copyOf(tags), worst);
    }

    /**
     * The facts of every case the reports show.
     *
     * @param judgeErrors failed judge calls by reason, and the judge-error outcomes
     * @param generationErrors failed generations of A and of B by reason
     * @param keys        every case's ranking key, worst first ({@link CaseFacts.Key#WORST_FIRST}); built when read
     * @param tags        every "key=value" tag, sorted
     * @param worstLosses the {@link #WORST_LOSSES} worst cases B lost, worst first
     */
    public record Facts(JudgeErrors judgeErrors, GenerationErrors generationErrors, List<CaseFacts.Key> keys, List<String> tags,
                        List<CaseFacts> worstLosses) {
        public Facts {
            keys = java.util.Collections.unmodifiableList(keys);
            tags = List.copyOf(tags);
            worstLosses = List.copyOf(worstLosses);
        }
    }
}
