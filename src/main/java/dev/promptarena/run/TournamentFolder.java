package dev.promptarena.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.promptarena.analysis.AnalysisOptions;
import dev.promptarena.analysis.TournamentAnalysis;
import dev.promptarena.analysis.TournamentPair;
import dev.promptarena.analysis.TournamentResult;
import dev.promptarena.decision.Deviation;
import dev.promptarena.input.InputException;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.tournament.TieModel;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tournament.json}: what makes a run folder a tournament's. Each pairing is a complete two-variant run folder
 * under {@code pairs/} (manifest.json, cases.jsonl, its own reports), so every pairing can be read, reported and
 * compared like any run; this file names the variants (control first), the schedule and where each pairing is.
 *
 * @param schemaVersion this file's version (1)
 * @param variants      variant names, control first
 * @param schedule      vs_control or round_robin
 * @param ties          the Bradley–Terry tie model of the ranking
 * @param pairs         the pairings, in schedule order (an adaptive schedule's stage two last, added when the first pass ends)
 * @param firstPass     the adaptive schedule's first-pass case ids; absent for a fixed schedule
 */
public record TournamentFolder(int schemaVersion, List<String> variants, String schedule, TieModel ties, List<Pairing> pairs,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<String> firstPass) {
    public static final String FILE = "tournament.json";
    private static final com.fasterxml.jackson.databind.ObjectMapper READER = new com.fasterxml.jackson.databind.ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * One pairing: {@code a} in the A role, {@code b} in the B role, and its folder relative to the run folder;
     * {@code adaptive} for the adaptive schedule's stage two, whose votes the ranking and the gate do not use.
     */
    public record Pairing(String a, String b, String dir, @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean adaptive) {
        public Pairing(String a, String b, String dir) { this(a, b, dir, false); }
    }

    public TournamentFolder {
        variants = List.copyOf(variants);
        pairs = List.copyOf(pairs);
        firstPass = firstPass == null ? null : List.copyOf(firstPass);
    }

    /** A fixed schedule's layout. */
    public TournamentFolder(int schemaVersion, List<String> variants, String schedule, TieModel ties, List<Pairing> pairs) {
        this(schemaVersion, variants, schedule, ties, pairs, null);
    }

    public static boolean isTournament(RunDirectory dir) { return Files.isRegularFile(dir.file(FILE)); }

    public static TournamentFolder read(RunDirectory dir) {
        try {
            return READER.readValue(dir.file(FILE).toFile(), TournamentFolder.class);
        } catch (IOException e) {
            throw new InputException(dir.file(FILE), "cannot read the tournament layout: " + e.getMessage());
        }
    }

    /**
     * Each pairing's recorded run, read back from its folder. Pairings run in schedule order, so a stopped run has
     * recorded a prefix of them: reading stops at the first pairing without cases.jsonl.
     */
    public List<RecordedRun> runs(RunDirectory dir) {
        List<RecordedRun> out = new ArrayList<>();
        for (Pairing p : pairs) {
            if (!Files.isRegularFile(dir.file(p.dir()).resolve("cases.jsonl"))) break;
            out.add(RecordedRun.read(RunDirectory.open(dir.file(p.dir()))));
        }
        return out;
    }

    /**
     * The tournament's analysis from its pairings' records. Pure and seeded (the judge seed, as for two variants), so the
     * end of a run and {@code prompt-arena report} give the same numbers.
     */
    public TournamentResult analyze(List<RecordedRun> runs) {
        // A stopped run (Ctrl-C, budget) recorded the first pairings only; the gate and ranking use those (the run is partial).
        if (runs.isEmpty() || runs.size() > pairs.size()) throw new IllegalArgumentException(runs.size() + " runs for " + pairs.size() + " pairings");
        List<TournamentPair> played = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<CaseOutcome> outcomes = runs.get(i).cases().stream().map(CaseRecord::outcome).toList();
            played.add(new TournamentPair(pairs.get(i).a(), pairs.get(i).b(), outcomes, pairs.get(i).adaptive()));
        }
        var manifest = runs.get(0).manifest();
        AnalysisOptions options = AnalysisOptions.of(manifest.policy(), manifest.judge().seed()).withDeviations(deviations(runs));
        return TournamentAnalysis.analyze(variants, played, manifest.axes(), options, ties);
    }

    /**
     * How the tournament departs from its plan, as for a two-variant run ({@link Deviations}): the first pairing that
     * deviates (pairings run in order, so a stop shows in the last one recorded), or pairings never started.
     */
    private List<Deviation> deviations(List<RecordedRun> runs) {
        for (RecordedRun r : runs) {
            List<Deviation> d = Deviations.of(r.manifest(), r.cases().size());
            if (!d.isEmpty()) return d;
        }
        if (runs.size() < pairs.size()) {
            return List.of(new Deviation(Deviation.Kind.INCOMPLETE, "only " + runs.size() + " of " + pairs.size() + " pairings were recorded"));
        }
        return List.of();
    }
}
