package dev.promptarena.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.input.InputException;
import dev.promptarena.run.Manifest;
import dev.promptarena.run.ManifestFactory;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.analysis.OutcomesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What compare needs from one finished run folder: its manifest, its per-case outcomes, and from
 * report.json the decision and the operational figures (cost and latency per case, judge cost).
 */
public record RunSnapshot(Path dir, Manifest manifest, List<CaseOutcome> outcomes, String decision, Map<String, Double> operations) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The operational figures compared, in report order: report.json's analysis.operations keys. */
    static final List<String> OPERATIONS = List.of("costPerCaseA", "costPerCaseB", "judgeCostUsd", "latencyP95A", "latencyP95B",
            "meanWordsA", "meanWordsB", "errorRate", "unparseableRate");

    public static RunSnapshot read(Path dir) {
        Manifest m = ManifestFactory.read(dir.resolve("manifest.json"));
        List<CaseOutcome> outcomes = OutcomesFile.readRunDir(dir);
        Path report = dir.resolve("report.json");
        JsonNode root;
        try {
            root = JSON.readTree(report.toFile());
        } catch (IOException e) {
            throw new InputException(report, Files.exists(report) ? "cannot read: " + e.getMessage() : "not found (is " + dir + " a finished run folder?)");
        }
        JsonNode ops = root.path("analysis").path("operations");
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        for (String k : OPERATIONS) values.put(k, ops.path(k).isNumber() ? ops.get(k).asDouble() : null);
        return new RunSnapshot(dir, m, outcomes, root.path("analysis").path("decision").path("outcome").asText(null), values);
    }

    public String runId() { return manifest.runId(); }
}
