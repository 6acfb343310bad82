package dev.promptarena.calibration;

import dev.promptarena.input.InputException;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.CohenKappa;
import dev.promptarena.stats.Verdict;
import dev.promptarena.stats.VerdictCombiner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a run's judge verdicts with human labels of the same outcomes. A label without a repeat
 * applies to every recorded repeat of its case; several labelers of one outcome are combined by
 * majority (a split is a tie), like the judges. The policy is on raw agreement with ties, because that
 * is what a reader of the win rate relies on: kappa is reported beside it, not gated on, since with a
 * skewed label mix (B wins most cases) kappa is low even for a judge that is almost always right.
 */
public final class Calibration {
    /** The default policy: the judge must agree with the humans on at least 80% of labelled outcomes. */
    public static final double DEFAULT_THRESHOLD = 0.80;
    static final List<String> CATEGORIES = List.of("A", "B", "tie");

    private Calibration() {}

    public static CalibrationResult compute(Path runDir, Path labelsFile, List<CaseRecord> records, List<HumanLabel> labels,
                                            double threshold, double alpha) {
        return compute(runDir, labelsFile, records, labels, threshold, alpha, CalibrationResult.Rule.POINT);
    }

    /** As above, deciding trust by {@code rule} (point estimate, or the Wilson lower bound at 1 − alpha). */
    public static CalibrationResult compute(Path runDir, Path labelsFile, List<CaseRecord> records, List<HumanLabel> labels,
                                            double threshold, double alpha, CalibrationResult.Rule rule) {
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must be in (0, 1], got: " + threshold);
        if (labels.isEmpty()) throw new InputException(labelsFile, "the labels file has no labels");
        // One pass over the run (it streams from cases.jsonl): only the labelled cases' records are kept (issue 21).
        Set<String> labelled = new java.util.HashSet<>();
        labels.forEach(l -> labelled.add(l.caseId()));
        Map<String, List<CaseRecord>> byCase = new LinkedHashMap<>();
        Set<String> judges = new LinkedHashSet<>();
        for (CaseRecord r : records) {
            r.traces().forEach(t -> judges.add(t.judge()));
            if (labelled.contains(r.caseId())) byCase.computeIfAbsent(r.caseId(), k -> new ArrayList<>()).add(r);
        }
        Set<String> unknown = new TreeSet<>();
        Map<CaseRecord, List<String>> humans = new LinkedHashMap<>();
        for (HumanLabel l : labels) {
            List<CaseRecord> rs = byCase.get(l.caseId());
            if (rs == null) { unknown.add(l.caseId()); continue; }
            for (CaseRecord r : rs) {
                if (l.repeat() == null || l.repeat() == r.repeat()) humans.computeIfAbsent(r, k -> new ArrayList<>()).add(l.label());
            }
        }
        if (humans.isEmpty()) {
            throw new InputException(labelsFile, "no labelled case is in the run " + runDir + " (labels name e.g. '"
                    + labels.get(0).caseId() + "'); check the case ids");
        }
        List<JudgeAgreement> perJudge = new ArrayList<>();
        for (String j : judges) perJudge.add(agreement(j, humans, j, alpha));
        JudgeAgreement panel = agreement("panel", humans, null, alpha);
        // The same n as the agreement itself (items, unjudged ones counted as misses).
        dev.promptarena.stats.Interval ci = panel.items() == 0 ? null
                : dev.promptarena.stats.WilsonScore.interval(panel.matches(), panel.items(), alpha);
        Double decisive = rule == CalibrationResult.Rule.POINT ? panel.agreement() : ci == null ? null : ci.lower();
        boolean trusted = decisive != null && decisive >= threshold;
        return new CalibrationResult(runDir.toString(), labelsFile.toString(), labels.size(), humans.size(), List.copyOf(unknown),
                threshold, panel, perJudge, trusted, trusted ? "judge trusted" : "recalibrate the judge", ci, rule);
    }

    /** @param judge only this judge's votes, or null for all (the panel) */
    private static JudgeAgreement agreement(String name, Map<CaseRecord, List<String>> humans, String judge, double alpha) {
        int[][] table = new int[3][3];
        int unjudged = 0;
        for (Map.Entry<CaseRecord, List<String>> e : humans.entrySet()) {
            CaseOutcome o = e.getKey().outcome();
            if (judge != null) {
                o = new CaseOutcome(o.caseId(), o.repeat(), o.tags(), o.a(), o.b(),
                        o.votes().stream().filter(v -> v.judge().equals(judge)).toList(), 0);
            }
            int j = category(VerdictCombiner.combine(o));
            if (j < 0) { unjudged++; continue; }
            table[CATEGORIES.indexOf(majority(e.getValue()))][j]++;
        }
        int items = 0, matches = 0, decisive = 0, decisiveMatches = 0;
        for (int h = 0; h < 3; h++) {
            for (int j = 0; j < 3; j++) {
                items += table[h][j];
                if (h == j) matches += table[h][j];
                if (h < 2 && j < 2) { decisive += table[h][j]; if (h == j) decisiveMatches += table[h][j]; }
            }
        }
        Double kappa = null;
        dev.promptarena.stats.Interval ci = null;
        String note = items == 0 ? "no labelled outcome has a scored verdict" : null;
        if (items > 0) {
            try {
                CohenKappa k = CohenKappa.of(table, alpha);
                kappa = k.kappa();
                ci = k.interval();
            } catch (IllegalArgumentException ex) {
                note = ex.getMessage();
            }
        }
        return new JudgeAgreement(name, items, unjudged, matches, items == 0 ? null : matches / (double) items, decisive,
                decisive == 0 ? null : decisiveMatches / (double) decisive, kappa, ci, table, note);
    }

    /** The labelers' majority; a split is a tie (the rule the judges' votes follow). */
    static String majority(List<String> labels) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        labels.forEach(l -> counts.merge(l, 1, Integer::sum));
        int top = counts.values().stream().max(Integer::compare).orElse(0);
        List<String> best = counts.entrySet().stream().filter(c -> c.getValue() == top).map(Map.Entry::getKey).toList();
        return best.size() == 1 ? best.get(0) : "tie";
    }

    private static int category(Verdict v) {
        return switch (v) {
            case A -> 0;
            case B -> 1;
            case TIE, INCONSISTENT -> 2;
            case UNPARSEABLE, ERROR -> -1;
        };
    }
}
