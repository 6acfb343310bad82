package dev.promptarena.calibration;

import dev.promptarena.judge.JudgeStatus;
import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.ExploratoryFamily;
import dev.promptarena.stats.Side;
import dev.promptarena.stats.Winner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code calibrate}'s split of the judge's mistakes by slot and by length under simulated judges of known behaviour,
 * through the code {@code calibrate} runs: case records → {@link JudgedCases} → labels ({@link HumanCorrection}) →
 * {@link CorrectionSummary#of} → its {@link HumanBias}.
 *
 * <p>Each case: A and B have 20–120 words each (drawn independently, so either may be the longer); the humans pick the
 * longer answer with probability {@code humansPickLonger} (0.5: length tells nothing about quality). The judge's reading
 * of the case is the human verdict, turned around with probability {@code caseError} once per case (a case it
 * misjudges, it misjudges in every vote: the votes of a case are not independent). Each vote: with probability
 * {@code positionBias} the response shown first; else with probability {@code lengthBias} the longer one; else with
 * probability {@code voteNoise} the other one than its reading; else its reading. Order "both": every case judged in
 * both orders (two votes); "random": one vote, B first with probability ½; {@code samples} votes per order. A panel of
 * {@code judges} members of that behaviour: each reads the case on its own and votes as above. The first {@code labels}
 * of 400 cases carry a human label.
 */
public final class BiasSplitSimulation {
    static final int CASES = 400;
    static final double ALPHA = 0.05;

    /** A judge of known behaviour. */
    record Judge(String name, double caseError, double voteNoise, double positionBias, double lengthBias) {
        boolean noise() { return positionBias == 0 && lengthBias == 0; }
    }

    /**
     * A setting: the judge, the order design, votes per order ({@code samples}), how the humans relate to length, and
     * how many judges of that behaviour form the panel (each reads each case on its own).
     */
    record Setting(Judge judge, boolean bothOrders, int samples, double humansPickLonger, int judges) {
        Setting(Judge judge, boolean bothOrders, int samples, double humansPickLonger) { this(judge, bothOrders, samples, humansPickLonger, 1); }

        Setting(Judge judge, boolean bothOrders, double humansPickLonger) { this(judge, bothOrders, 1, humansPickLonger); }

        String design() {
            return (bothOrders ? "both" : "random") + (samples > 1 ? ", " + samples + " samples" : "") + (judges > 1 ? ", panel of " + judges : "");
        }
    }

    /**
     * What one run showed: flagged by slot, by length (the rule now in the product), and by the rule before this session
     * (session 15: the slot split also by the clustered Fisher test, Holm over the two).
     */
    record Flags(boolean slot, boolean length, boolean oldSlot, boolean oldLength) {}

    private BiasSplitSimulation() {}

    static Flags once(Setting s, int labels, long seed) {
        HumanBias h = summary(s, labels, seed).positionAndLength();
        ExploratoryFamily before = ExploratoryFamily.of(ALPHA, h.firstSlot().test().p(), h.longer().test().p());
        return new Flags(h.firstSlot().biased(), h.longer().biased(), before.keeps(0), before.keeps(1));
    }

    /** What {@code calibrate} computes for one simulated run. */
    static CorrectionSummary summary(Setting s, int labels, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<CaseRecord> records = new ArrayList<>(CASES);
        List<HumanLabel> human = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            int wordsA = 20 + rng.nextInt(101), wordsB = 20 + rng.nextInt(101);
            boolean bLonger = wordsB > wordsA;
            boolean humanB = wordsA == wordsB ? rng.nextBoolean() : (rng.nextDouble() < s.humansPickLonger()) == bLonger;
            List<JudgeTrace> traces = new ArrayList<>();
            boolean[] orders = s.bothOrders() ? new boolean[] {true, false} : new boolean[] {rng.nextBoolean()};
            for (int j = 0; j < s.judges(); j++) {
                boolean readingB = rng.nextDouble() < s.judge().caseError() ? !humanB : humanB;
                for (int k = 0; k < orders.length * s.samples(); k++) {
                    boolean bFirst = orders[k % orders.length];
                    boolean voteB;
                    if (rng.nextDouble() < s.judge().positionBias()) voteB = bFirst;
                    else if (wordsA != wordsB && rng.nextDouble() < s.judge().lengthBias()) voteB = bLonger;
                    else if (rng.nextDouble() < s.judge().voteNoise()) voteB = !readingB;
                    else voteB = readingB;
                    traces.add(new JudgeTrace("judge-" + j, k / orders.length, bFirst, JudgeStatus.OK, voteB ? Winner.B : Winner.A, Map.of(), Map.of(),
                            "", "{}", false, null, 0, false));
                }
            }
            String id = "case-" + c;
            records.add(new CaseRecord(id, 0, Map.of(), "q", side(wordsA), side(wordsB), traces));
            if (c < labels) human.add(new HumanLabel(id, null, humanB ? "B" : "A", "ana", c + 2));
        }
        JudgedCases judged = JudgedCases.of(records);
        HumanCorrection.Result r = HumanCorrection.fromLabels(Path.of("labels.csv"), judged, human, ALPHA);
        return CorrectionSummary.of(judged, r, false, 0.10, ALPHA);
    }

    private static Side side(int words) {
        return new Side("x", 0, 0, 0, false, null, false, Map.of(), null, words);
    }

    /** Shares of runs: slot, length, either; and the same for the old reading. */
    static double[] rates(Setting s, int labels, int runs, long firstSeed) {
        double[] out = new double[6];
        for (long seed = firstSeed; seed < firstSeed + runs; seed++) {
            Flags f = once(s, labels, seed);
            if (f.slot()) out[0] += 1.0 / runs;
            if (f.length()) out[1] += 1.0 / runs;
            if (f.slot() || f.length()) out[2] += 1.0 / runs;
            if (f.oldSlot()) out[3] += 1.0 / runs;
            if (f.oldLength()) out[4] += 1.0 / runs;
            if (f.oldSlot() || f.oldLength()) out[5] += 1.0 / runs;
        }
        return out;
    }

    static final Judge NOISE_10 = new Judge("noise: 10% of cases misjudged", 0.10, 0.05, 0, 0);
    static final Judge NOISE_25 = new Judge("noise: 25% of cases misjudged", 0.25, 0.05, 0, 0);
    static final Judge POSITION = new Judge("position bias 0.15 (10% misjudged)", 0.10, 0.05, 0.15, 0);
    static final Judge LENGTH = new Judge("length bias 0.15 (10% misjudged)", 0.10, 0.05, 0, 0.15);

    static final int[] LABELS = {30, 50, 100, 200};

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.println("| judge | order | humans pick the longer | labels (of 400 cases) | slot flagged | length flagged | either | before: slot | before: either |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        List<Setting> settings = List.of(new Setting(NOISE_10, true, 0.5), new Setting(NOISE_25, true, 0.5), new Setting(NOISE_10, false, 0.5),
                new Setting(NOISE_25, false, 0.5), new Setting(NOISE_10, true, 0.65), new Setting(NOISE_25, false, 0.65),
                new Setting(NOISE_25, false, 3, 0.5), new Setting(POSITION, true, 0.5), new Setting(POSITION, false, 0.5),
                new Setting(LENGTH, true, 0.5), new Setting(LENGTH, false, 0.5), new Setting(LENGTH, false, 3, 0.5),
                new Setting(NOISE_25, true, 3, 0.5), new Setting(POSITION, true, 3, 0.5), new Setting(NOISE_25, true, 1, 0.5, 3),
                new Setting(POSITION, true, 1, 0.5, 3));
        for (Setting s : settings) {
            for (int labels : LABELS) {
                double[] r = rates(s, labels, runs, 1);
                System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %d | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% |%n", s.judge().name(),
                        s.design(), s.humansPickLonger(), labels, 100 * r[0], 100 * r[1], 100 * r[2], 100 * r[3], 100 * r[5]);
            }
        }
    }
}
