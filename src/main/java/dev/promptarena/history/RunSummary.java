package dev.promptarena.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.report.Fmt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One run folder as a history row, read from its report.json (the manifest inside it names the run).
 *
 * @param folder    the run folder's name (links are relative to the parent)
 * @param startedAt ISO-8601 start time
 * @param decision  PASS / FAIL / INCONCLUSIVE, or null when the run wrote no decision
 * @param winRate   B's win rate as gated (ties half), null when not computed
 * @param lower     the gate interval's lower bound (null when none)
 * @param upper     its upper bound
 * @param threshold the win rate the gate compares with (0.5, or 0.5 - margin for non-inferiority)
 * @param scored    scored outcomes (n); for a tournament its cases times repeats (each pairing's n)
 * @param costUsd   cost of every call of the run (A, B and judge)
 * @param partial   the run did not finish (interrupted, budget, or still running)
 */
public record RunSummary(String folder, String runId, String arena, String startedAt, String decision, Double winRate,
                         Double lower, Double upper, Double threshold, int scored, double costUsd, boolean partial) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The run in {@code dir}, or empty when it is not a run folder (no report.json).
     *
     * @throws dev.promptarena.input.InputException when its report.json cannot be read or is not a run's
     */
    static Optional<RunSummary> read(Path dir) {
        Path report = dir.resolve("report.json");
        if (!Files.isRegularFile(report)) return Optional.empty();
        JsonNode root;
        try {
            root = JSON.readTree(report.toFile());
        } catch (IOException e) {
            throw dev.promptarena.input.JsonProblem.of(report, 0, "unreadable", e);
        }
        JsonNode m = root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root.path("manifest");
        if (!m.has("runId")) throw new dev.promptarena.input.InputException(report, "not a run's report.json (no manifest.runId)");
        JsonNode decision = root.path("analysis").path("decision");
        JsonNode interval = decision.path("interval");
        // A tournament's report.json (schema 2) has no engine section and no single win rate: its calls are counted in the
        // folder's engine.json, and its n is the cases each pairing judged (listed as $0 and 0 before).
        boolean tournament = "tournament".equals(root.path("kind").asText());
        JsonNode engine = root.has("engine") ? root.path("engine") : readEngine(dir.resolve("engine.json"));
        double cost = 0;
        for (JsonNode role : engine.path("byRole")) cost += role.path("costUsd").asDouble();
        int n = tournament ? m.path("cases").asInt() * Math.max(1, m.path("repeats").asInt(1))
                : root.path("analysis").path("winRate").path("scored").asInt();
        return Optional.of(new RunSummary(dir.getFileName().toString(), m.path("runId").asText(), m.path("arena").asText(),
                m.path("startedAt").asText(""), decision.path("outcome").asText(null), number(decision.path("winRate")),
                number(interval.path("lower")), number(interval.path("upper")), number(decision.path("threshold")), n,
                cost, m.path("partial").asBoolean()));
    }

    /** "PASS", "FAIL (partial)", "no decision". */
    public String decisionLabel() {
        String d = decision == null ? "no decision" : decision;
        return partial ? d + " (partial)" : d;
    }

    /** "[64.8%, 90.7%]", or a dash without an interval. */
    public String intervalLabel() {
        return lower == null ? Fmt.NONE : "[" + Fmt.pct(lower) + ", " + Fmt.pct(upper) + "]";
    }

    /** engine.json of the folder, or a missing node when it is absent or unreadable (the cost then shows as 0, as before). */
    private static JsonNode readEngine(Path file) {
        if (!Files.isRegularFile(file)) return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static Double number(JsonNode n) { return n.isNumber() ? n.asDouble() : null; }
}
