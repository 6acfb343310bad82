package dev.promptarena.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * {@code prompt-arena score} end to end with the bundled example's simulated judge (its heuristics and noise 0.15 over
 * the support-bot rubric's three axes): traces of {@code windows} days, each output a good answer (cites the policy,
 * names the customer) with probability {@code goodShare} and a bare "Please wait." otherwise; in the last day with
 * probability {@code lastGoodShare}. Counts the runs whose score-summary.json flags a drifted window. {@code main} is
 * the pipeline part of {@code bench/score-drift.sh} (docs/statistics.md 19.4).
 */
public final class ScoreDriftPipeline {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Design(int windows, int perWindow, double goodShare, double lastGoodShare) {}

    /** Runs flagged (any window drifted), runs whose last window is flagged, and runs with an unadjusted drift p below 0.05. */
    record Counts(int runs, int flagged, int lastFlagged, int unadjusted) {}

    private ScoreDriftPipeline() {}

    static Counts sweep(Design d, int runs, long firstSeed, Path work) throws Exception {
        int flagged = 0, last = 0, raw = 0;
        String lastDay = String.format(Locale.ROOT, "2026-05-%02d", d.windows());
        for (long seed = firstSeed; seed < firstSeed + runs; seed++) {
            Path dir = Files.createDirectories(work.resolve("run-" + seed));
            Path traces = traces(d, seed, dir);
            CliRun r = CliRun.of(Map.of("PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString()), "score", traces.toString(), "--judge",
                    "examples/support-bot.arena.yaml", "--sample", "1", "--no-cache", "--out", dir.resolve("out").toString());
            if (r.exitCode() != 0) throw new IllegalStateException("score exited " + r.exitCode() + ": " + r.err());
            JsonNode summary;
            try (Stream<Path> s = Files.list(dir.resolve("out"))) {
                summary = JSON.readTree(s.findFirst().orElseThrow().resolve("score-summary.json").toFile());
            }
            boolean any = false, anyLast = false, anyRaw = false;
            for (JsonNode w : summary.path("windows")) {
                any |= w.path("drifted").asBoolean();
                anyLast |= w.path("drifted").asBoolean() && w.path("windowStart").asText().startsWith(lastDay);
                anyRaw |= !w.path("driftP").isNull() && w.path("driftP").asDouble() < 0.05;
            }
            if (any) flagged++;
            if (anyLast) last++;
            if (anyRaw) raw++;
        }
        return new Counts(runs, flagged, last, raw);
    }

    private static Path traces(Design d, long seed, Path dir) throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        for (int w = 0; w < d.windows(); w++) {
            double good = w == d.windows() - 1 ? d.lastGoodShare() : d.goodShare();
            for (int i = 0; i < d.perWindow(); i++) {
                String output = rng.nextDouble() < good ? "We trace and reship per policy S-1, Dana." : "Please wait.";
                lines.add(String.format(Locale.ROOT, "{\"trace_id\": \"s%d-w%d-%d\", \"timestamp\": \"2026-05-%02dT%02d:%02d:00Z\", "
                        + "\"request\": \"Where is my parcel?\", \"context\": \"Shipping policy (S-1)\", \"output\": \"%s\"}",
                        seed, w, i, w + 1, i % 24, i % 60, output));
            }
        }
        return Files.write(dir.resolve("traces.jsonl"), lines);
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/score-drift-pipeline"));
        System.out.println("| pipeline design (sim judge, 3 axes) | runs | any window flagged (Holm) | any unadjusted p < 0.05 | last window flagged |");
        System.out.println("|---|---|---|---|---|");
        for (Design d : List.of(new Design(7, 40, 0.6, 0.6), new Design(7, 40, 0.6, 0.35), new Design(7, 40, 0.6, 0.2))) {
            Counts c = sweep(d, runs, 1, work.resolve(d.windows() + "-" + d.perWindow() + "-" + d.lastGoodShare()));
            System.out.printf(Locale.ROOT, "| %d windows, %d traces each, good %.2f -> %.2f in the last | %d | %.1f%% | %.1f%% | %.1f%% |%n",
                    d.windows(), d.perWindow(), d.goodShare(), d.lastGoodShare(), runs, 100.0 * c.flagged() / runs,
                    100.0 * c.unadjusted() / runs, 100.0 * c.lastFlagged() / runs);
        }
    }
}
