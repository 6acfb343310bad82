package dev.promptarena.report.tournament;

import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.analysis.TournamentResult;
import dev.promptarena.report.Fmt;
import dev.promptarena.report.html.Scale;
import dev.promptarena.stats.AxisResult;
import dev.promptarena.stats.tournament.PairDifference;
import dev.promptarena.stats.tournament.PairWinRate;
import dev.promptarena.stats.tournament.VariantScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the tournament page's template places: every number formatted and every pixel computed here, names as plain
 * strings (the template escapes them). Components are read by the template by name.
 */
record TournamentPage(String outcome, String decisionText, List<GateRow> gate, String level, String rankingProblem, List<RankRow> ranking, String zeroX,
                      int rankHeight, int rankAxisY, int rankTickY, List<Tick> ticks, int mapSize, List<Label> columns,
                      List<Label> rows, List<Cell> cells, List<PairRow> pairs, String position, List<String> axes,
                      List<AxisRow> axisRows, List<TournamentTables.AdaptiveRow> adaptive) {
    record GateRow(String name, String outcome, String winRate, String interval, String level) {}
    record RankRow(String name, String score, String interval, String pBest, String ranks, String x, String loX, String hiX, int y, int textY) {}
    record Tick(String x, String label) {}
    record Label(String name, int x, int y) {}
    record Cell(int x, int y, int size, String fill, String label, String title, int textX, int textY) {}
    record PairRow(String a, String b, int games, String firstSlot, String difference, String interval, String pHolm) {}
    record AxisRow(String name, List<String> means) {}

    private static final int ROW = 26, CELL = 56, MARGIN = 140;

    /** The page's title for a run in progress: its numbers so far, never a decision. */
    static final String INTERIM = "Interim — not a decision";

    /**
     * This page as an interim report of a tournament in progress: the title says {@link #INTERIM}, the decision line is
     * {@code note}, and no candidate shows PASS, FAIL or INCONCLUSIVE (the gate is only decided on the finished run).
     */
    TournamentPage interim(String note) {
        List<GateRow> open = gate.stream().map(g -> new GateRow(g.name(), "interim", g.winRate(), g.interval(), g.level())).toList();
        return new TournamentPage(INTERIM, note, open, level, rankingProblem, ranking, zeroX, rankHeight, rankAxisY, rankTickY, ticks, mapSize,
                columns, rows, cells, pairs, position, axes, axisRows, adaptive);
    }

    /** Whether the page has an adaptive-stage table (read by the template). */
    boolean hasAdaptive() { return !adaptive.isEmpty(); }

    static TournamentPage of(TournamentResult r) {
        List<String> names = r.variants();
        var d = r.decision();
        String text = d.best() != null ? "Best passing candidate: " + d.best() + "." : "No candidate passes the gate against the control.";
        List<GateRow> gate = d.candidates().stream().map(c -> new GateRow(c.name(), c.decision().outcome().name(),
                Fmt.pct(c.decision().winRate()), Fmt.pctInterval(c.decision().interval()), String.format(Locale.ROOT, "%.4g", c.alpha()))).toList();
        List<VariantScore> sorted = TournamentTables.sorted(r);
        double lo = 0, hi = 0;
        for (VariantScore v : sorted) {
            lo = Math.min(lo, v.interval().lower());
            hi = Math.max(hi, v.interval().upper());
        }
        Scale s = new Scale(lo - 0.1, hi + 0.1, 160, 620);
        List<RankRow> ranking = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            VariantScore v = sorted.get(i);
            int y = 16 + i * ROW;
            ranking.add(new RankRow(names.get(v.variant()) + (v.variant() == 0 ? " (control)" : ""), Fmt.signed(v.score(), 2),
                    Fmt.interval(v.interval(), 2), Fmt.pct(v.bestShare()), v.rankBest() + "–" + v.rankWorst(), s.at(v.score()),
                    s.at(v.interval().lower()), s.at(v.interval().upper()), y, y + 4));
        }
        int axisY = 16 + sorted.size() * ROW;
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double v = s.d0() + i * (s.d1() - s.d0()) / 4;
            ticks.add(new Tick(s.at(v), Fmt.signed(v, 2)));
        }
        double alpha = r.pairs().isEmpty() ? 0.05 : r.pairs().get(0).analysis().options().alpha();
        return new TournamentPage(d.outcome().name(), text, gate, String.format(Locale.ROOT, "%.0f%%", 100 * (1 - alpha)), r.rankingProblem(),
                ranking, s.at(0), axisY + 20, axisY, axisY + 14, ticks, MARGIN + CELL * names.size() + 10,
                labels(names, true), labels(names, false), cells(r), pairRows(r), r.ranking() == null ? Fmt.NONE : Fmt.signed(r.ranking().fit().position(), 2),
                axes(r), axisRows(r), TournamentTables.adaptive(r));
    }

    private static List<Label> labels(List<String> names, boolean columns) {
        List<Label> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(columns ? new Label(names.get(i), MARGIN + i * CELL + CELL / 2, MARGIN - 8)
                    : new Label(names.get(i), MARGIN - 8, MARGIN + i * CELL + CELL / 2 + 4));
        }
        return out;
    }

    private static List<Cell> cells(TournamentResult r) {
        List<Cell> out = new ArrayList<>();
        for (PairWinRate w : r.winRates()) {
            double rate = w.bootstrap().estimate();
            var ci = w.bootstrap().interval();
            String ab = r.variants().get(w.a()) + " beats " + r.variants().get(w.b()) + ": " + Fmt.pct(rate) + " " + Fmt.pctInterval(ci) + ", " + w.games() + " games";
            String ba = r.variants().get(w.b()) + " beats " + r.variants().get(w.a()) + ": " + Fmt.pct(1 - rate) + ", " + w.games() + " games";
            out.add(cell(w.a(), w.b(), rate, ab));
            out.add(cell(w.b(), w.a(), 1 - rate, ba));
        }
        return out;
    }

    private static Cell cell(int row, int col, double rate, String title) {
        int x = MARGIN + col * CELL, y = MARGIN + row * CELL;
        return new Cell(x, y, CELL, fill(rate), Fmt.pct(rate), title, x + CELL / 2, y + CELL / 2 + 4);
    }

    /** Diverging colour: red below one half, white at one half, blue above. */
    static String fill(double rate) {
        double t = Math.max(-1, Math.min(1, (rate - 0.5) * 2));
        int r = (int) Math.round(t < 0 ? 255 : 255 - 180 * t), g = (int) Math.round(255 - 150 * Math.abs(t)),
                b = (int) Math.round(t > 0 ? 255 : 255 + 180 * t);
        return String.format(Locale.ROOT, "rgb(%d,%d,%d)", r, g, b);
    }

    private static List<PairRow> pairRows(TournamentResult r) {
        List<PairRow> out = new ArrayList<>();
        for (PairWinRate w : r.winRates()) {
            PairDifference d = r.ranking() == null ? null : r.ranking().pair(w.a(), w.b());
            out.add(new PairRow(r.variants().get(w.a()), r.variants().get(w.b()), w.games(), Fmt.pct(w.firstSlotShare()),
                    d == null ? Fmt.NONE : Fmt.signed(d.difference(), 2), d == null ? Fmt.NONE : Fmt.interval(d.interval(), 2),
                    d == null ? Fmt.NONE : Fmt.p(d.pHolm())));
        }
        return out;
    }

    private static List<String> axes(TournamentResult r) {
        return r.pairs().isEmpty() ? List.of() : r.pairs().get(0).analysis().axisNames();
    }

    /**
     * Each variant's axis mean, weighted by cases, over the stage-one pairings it played (as A or as B). An adaptive
     * schedule's stage two is left out: it judges the pairs the first pass found closest, so including it would weight
     * each variant's means by how uncertain its pairs looked, and the table would no longer describe the data the ranking uses.
     */
    static List<AxisRow> axisRows(TournamentResult r) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (String v : r.variants()) sums.put(v, new double[2 * axes(r).size()]);
        for (int p = 0; p < r.pairs().size(); p++) {
            if (r.pairs().get(p).adaptive()) continue;
            AnalysisResult a = r.pairs().get(p).analysis();
            for (int i = 0; i < a.axes().size(); i++) {
                AxisResult x = a.axes().get(i);
                if (x.cases() == 0) continue;
                add(sums.get(r.pairs().get(p).a()), i, x.meanA(), x.cases());
                add(sums.get(r.pairs().get(p).b()), i, x.meanB(), x.cases());
            }
        }
        List<AxisRow> out = new ArrayList<>();
        sums.forEach((name, s) -> {
            List<String> means = new ArrayList<>();
            for (int i = 0; i < s.length / 2; i++) means.add(s[2 * i + 1] == 0 ? Fmt.NONE : Fmt.num(s[2 * i] / s[2 * i + 1], 2));
            out.add(new AxisRow(name, means));
        });
        return out;
    }

    private static void add(double[] s, int axis, Double mean, int cases) {
        if (s == null || mean == null) return;
        s[2 * axis] += mean * cases;
        s[2 * axis + 1] += cases;
    }
}
