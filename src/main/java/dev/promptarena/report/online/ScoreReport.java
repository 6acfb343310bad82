package dev.promptarena.report.online;

import dev.promptarena.canary.ScoreWindows;
import dev.promptarena.canary.ScoreWindows.AxisWindow;
import dev.promptarena.judge.JudgeStatus;
import dev.promptarena.report.CsvTable;
import dev.promptarena.run.OnlineScoring;
import dev.promptarena.run.RunDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the online judge's results: {@code scores.jsonl} (every sampled trace, linked by trace id, with its
 * status, scores, reason and raw reply), {@code scores.csv} (formula-safe), {@code score-windows.csv} and
 * {@code score-summary.json} (per-window means and drift against the baseline window, its p Holm-adjusted over the windows
 * and axes of the scoring, and whether it drifted at that adjusted p).
 */
public final class ScoreReport {
    private ScoreReport() {}

    public static void write(OnlineScoring.Result r, List<String> axes, ScoreWindows.Analysis analysis) {
        RunDirectory dir = r.dir();
        List<Map<String, Object>> lines = new ArrayList<>();
        CsvTable csv = new CsvTable(header(axes));
        for (OnlineScoring.Scored s : r.sampled()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trace_id", s.trace().traceId());
            m.put("timestamp", s.trace().timestamp().toString());
            m.put("status", s.score() == null ? "not_scored" : s.score().status().wire());
            m.put("scores", s.score() == null ? Map.of() : s.score().scores());
            m.put("reason", s.score() == null ? "" : s.score().reason());
            m.put("error", s.score() == null ? "the cost budget was reached" : s.score().error());
            m.put("raw", s.score() == null ? "" : s.score().raw());
            m.put("cost_usd", s.score() == null ? 0.0 : s.score().costUsd());
            lines.add(m);
            Object[] row = new Object[4 + axes.size()];
            row[0] = s.trace().traceId();
            row[1] = s.trace().timestamp().toString();
            row[2] = m.get("status");
            for (int i = 0; i < axes.size(); i++) {
                Integer v = s.score() == null ? null : s.score().scores().get(axes.get(i));
                row[3 + i] = v == null ? null : v.toString();
            }
            row[3 + axes.size()] = m.get("reason");
            csv.row(row);
        }
        dir.writeJsonLines("scores.jsonl", lines);
        csv.writeTo(dir, "scores.csv");
        CsvTable w = new CsvTable("window_start", "window_end", "axis", "n", "mean", "lower", "upper", "drift", "drift_lower", "drift_upper", "drift_p", "drift_p_holm", "drifted");
        List<Map<String, Object>> json = new ArrayList<>();
        for (AxisWindow a : analysis.windows()) {
            w.row(a.windowStart().toString(), a.windowEnd().toString(), a.axis(), (double) a.n(), a.mean(), a.interval() == null ? null : a.interval().lower(),
                    a.interval() == null ? null : a.interval().upper(), a.drift(), a.driftInterval() == null ? null : a.driftInterval().lower(),
                    a.driftInterval() == null ? null : a.driftInterval().upper(), a.driftP(), a.driftPHolm(),
                    a.driftPHolm() == null ? null : String.valueOf(a.drifted()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("windowStart", a.windowStart().toString());
            m.put("windowEnd", a.windowEnd().toString());
            m.put("axis", a.axis());
            m.put("n", a.n());
            m.put("mean", Double.isNaN(a.mean()) ? null : a.mean());
            m.put("interval", a.interval());
            m.put("drift", a.drift());
            m.put("driftInterval", a.driftInterval());
            m.put("driftP", a.driftP());
            m.put("driftPHolm", a.driftPHolm());
            m.put("drifted", a.drifted());
            json.add(m);
        }
        w.writeTo(dir, "score-windows.csv");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("traces", r.traces());
        summary.put("sampled", r.sampled().size());
        summary.put("scored", r.okScores().size());
        summary.put("unparseable", r.sampled().stream().filter(s -> s.score() != null && s.score().status() == JudgeStatus.UNPARSEABLE).count());
        summary.put("failed", r.sampled().stream().filter(s -> s.score() != null && s.score().status() == JudgeStatus.FAILED).count());
        summary.put("partialReason", r.partialReason());
        Map<String, Object> adjustment = new LinkedHashMap<>();
        adjustment.put("method", "holm");
        adjustment.put("over", "every window but the baseline, times every axis");
        adjustment.put("tests", analysis.driftTests());
        adjustment.put("alpha", analysis.alpha());
        adjustment.put("drifted", analysis.drifted());
        adjustment.put("note", "driftP and driftInterval are each comparison's alone; driftPHolm and drifted are adjusted over the family");
        summary.put("driftAdjustment", adjustment);
        summary.put("windows", json);
        dir.writeJson("score-summary.json", summary);
    }

    private static String[] header(List<String> axes) {
        List<String> h = new ArrayList<>(List.of("trace_id", "timestamp", "status"));
        axes.forEach(a -> h.add("score_" + a));
        h.add("reason");
        return h.toArray(String[]::new);
    }
}
