package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.input.InputException;
import dev.promptarena.stats.ClusteredProportions.Estimate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against statsmodels 0.13.5 on the seeded log src/test/resources/canary/events.jsonl (reference/signals.py, signals.out):
 * rates: sm.OLS(y_v, ones).fit(cov_type="cluster", cov_kwds={"groups": session}, use_t=False);
 * difference: sm.OLS(y, [1, treated]).fit(cov_type="cluster", ...); BH: multipletests(p, method="fdr_bh").
 * Tolerance 1e-9 absolute (closed forms; only rounding differs).
 */
class SignalAnalysisTest {
    static final Path EVENTS = Path.of("src/test/resources/canary/events.jsonl");
    @TempDir Path tmp;

    private static void same(double expected, double actual) { assertEquals(expected, actual, 1e-9); }

    private static void rate(Estimate e, int k, int n, double mean, double se, double lo, double hi) {
        assertEquals(n, e.units());
        same(k / (double) n, e.estimate());
        same(mean, e.estimate());
        same(se, e.se());
        same(lo, e.interval().lower());
        same(hi, e.interval().upper());
    }

    @Test
    void matchesStatsmodelsClusterRobustLinearProbabilityModel() {
        List<SignalEvents.Turn> turns = SignalEvents.read(EVENTS, null);
        assertEquals(1435, turns.size()); // signals.out: turns 1435 control 716 treatment 719
        SignalAnalysis.Result r = SignalAnalysis.analyse(turns, "control", "treatment", 0.05, 24);
        assertEquals(716, r.turnsControl());
        assertEquals(719, r.turnsTreatment());
        assertEquals(400, r.sessions());
        SignalAnalysis.SignalRow rq = r.signals().get(0);
        assertEquals("rephrased_query", rq.signal());
        rate(rq.control(), 94, 716, 0.13128491620111726, 0.013436293713356157, 0.10495026443723725, 0.15761956796499726);
        rate(rq.treatment(), 78, 719, 0.10848400556328247, 0.013576460517932548, 0.08187463191060466, 0.13509337921596026);
        same(-0.022800910637834806, rq.difference().estimate());
        same(0.019083862758993795, rq.difference().se());
        same(-1.1947743979184324, rq.difference().z());
        same(0.23217518573810103, rq.difference().p());
        same(-0.060204594331367836, rq.difference().interval().lower());
        SignalAnalysis.SignalRow done = r.signals().get(4);
        rate(done.treatment(), 365, 719, 0.5076495132127933, 0.021977161153579193, 0.4645750688693453, 0.5507239575562413);
        same(0.031009234803513662, done.difference().se());
        same(0.7362944400296452, done.difference().p());
        SignalAnalysis.SignalRow abandoned = r.signals().get(2);
        same(0.01854607099028337, abandoned.difference().se());
        same(0.13995078388075557, abandoned.difference().p());
        double[] bh = {0.5804379643452525, 0.7731385738443546, 0.5804379643452525, 0.829947793775362, 0.829947793775362};
        for (int i = 0; i < 5; i++) same(bh[i], r.signals().get(i).pBenjaminiHochberg());
        // clustering matters: the naive unclustered z-test (proportions_ztest) gives p = 0.1836 for rephrased_query
        assertTrue(rq.difference().p() > 0.1836377913506343 + 0.03);
    }

    @Test
    void windowsPartitionTheTurns() {
        SignalAnalysis.Result r = SignalAnalysis.analyse(SignalEvents.read(EVENTS, null), "control", "treatment", 0.05, 24);
        int control = r.windows().stream().filter(w -> w.variant().equals("control") && w.signal().equals("task_completed")).mapToInt(SignalAnalysis.WindowRate::turns).sum();
        int completed = r.windows().stream().filter(w -> w.variant().equals("treatment") && w.signal().equals("task_completed")).mapToInt(SignalAnalysis.WindowRate::withSignal).sum();
        assertEquals(716, control);
        assertEquals(365, completed);
        assertTrue(r.windows().stream().map(SignalAnalysis.WindowRate::windowStart).distinct().count() >= 3, "three days of sessions");
    }

    @Test
    void badEventsNameLineAndField() throws Exception {
        Path f = Files.writeString(tmp.resolve("e.jsonl"), """
                {"session_id":"s1","turn_id":"t1","experiment_id":"x","variant":"control","model":"m","signal":"served","timestamp":"2026-05-01T00:00:00Z"}
                {"session_id":"s1","turn_id":"t2","experiment_id":"x","variant":"control","model":"m","signal":"thumbs_up","timestamp":"2026-05-01T00:00:00Z"}
                """);
        InputException e = assertThrows(InputException.class, () -> SignalEvents.read(f, null));
        assertTrue(e.describe().startsWith(f + ":2: signal: unknown signal 'thumbs_up'"), e.describe());
        Path leak = Files.writeString(tmp.resolve("leak.jsonl"), """
                {"session_id":"s1","turn_id":"t1","variant":"control","signal":"served","timestamp":"2026-05-01T00:00:00Z"}
                {"session_id":"s1","turn_id":"t2","variant":"treatment","signal":"served","timestamp":"2026-05-01T00:01:00Z"}
                """);
        InputException l = assertThrows(InputException.class, () -> SignalEvents.read(leak, null));
        assertTrue(l.describe().startsWith(leak + ":2: variant: session s1 was logged as 'control'"), l.describe());
    }
}
