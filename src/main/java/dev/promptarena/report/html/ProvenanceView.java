package dev.promptarena.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.analysis.AnalysisOptions;
import dev.promptarena.engine.EngineSnapshot;
import dev.promptarena.report.Fmt;
import dev.promptarena.run.Manifest;
import dev.promptarena.run.ServedModels;
import dev.promptarena.stats.OperationalMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Run provenance: a curated summary plus every manifest field flattened, so fields added to the
 * manifest later (cache hits, for instance) show up without a template change.
 *
 * @param rows    curated label/value rows
 * @param all     every manifest field as path/value
 */
public record ProvenanceView(List<Row> rows, List<Row> all) {

    /**
     * A label and its value.
     *
     * @param label the field
     * @param value its value as text
     */
    public record Row(String label, String value) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    static ProvenanceView of(Manifest m, OperationalMetrics ops, AnalysisOptions opt, EngineSnapshot engine) {
        List<Row> r = new ArrayList<>();
        r.add(new Row("Run", m.runId() + " (" + m.arena() + ")"));
        r.add(new Row("Tool", m.tool() + " " + m.toolVersion()));
        m.variants().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Manifest.VariantInfo v = e.getValue();
            r.add(new Row("Variant " + e.getKey(), v.name() + " — " + v.provider() + " / " + v.model() + ", decoding " + sorted(v.decoding())
                    + (v.responsesFile() != null ? ", responses from " + v.responsesFile() : "")));
            r.add(new Row("Variant " + e.getKey() + " hashes", "system " + shortHash(v.systemSha256()) + ", user template " + shortHash(v.userTemplateSha256())));
        });
        Manifest.JudgeInfo j = m.judge();
        if (j != null) {
            r.add(new Row("Judge", j.provider() + " / " + j.model() + ", order " + j.order() + ", seed " + j.seed() + ", samples " + j.samples()
                    + ", decoding " + sorted(j.decoding()) + ", template " + j.template()));
        }
        if (m.served() != null && !m.served().isEmpty()) {
            m.served().forEach((role, list) -> r.add(new Row("Served " + (role.equals("JUDGE") ? "judge" : role),
                    String.join(", ", list.stream().map(ServedModels::describe).toList())
                            + (ServedModels.changed(list).isEmpty() ? "" : " — WARNING: the served model changed during the run"))));
        }
        r.add(new Row("Policy", m.policy() == null ? Fmt.NONE : m.policy().test() + ", margin " + m.policy().margin() + ", α " + m.policy().alpha()));
        r.add(new Row("Bootstrap", opt.bootstrapResamples() + " resamples, seed " + opt.bootstrapSeed()));
        r.add(new Row("Inputs", m.cases() + " outcomes planned (" + m.repeats() + " repeat(s)); config " + m.configFile() + " " + shortHash(m.configSha256())
                + "; dataset " + m.datasetFile() + " " + shortHash(m.datasetSha256()) + "; rubric " + m.rubricFile() + " " + shortHash(m.rubricSha256())
                + "; judge template " + shortHash(m.judgeTemplateSha256())));
        r.add(new Row("Time", m.startedAt() + " → " + m.finishedAt() + duration(m.startedAt(), m.finishedAt())));
        double total = (ops.costPerCaseA() == null ? 0 : ops.costPerCaseA() * ops.outcomes())
                + (ops.costPerCaseB() == null ? 0 : ops.costPerCaseB() * ops.outcomes()) + ops.judgeCostUsd();
        r.add(new Row("Cost", "total " + Fmt.usd(total) + "; per outcome A " + Fmt.usd(ops.costPerCaseA()) + ", B " + Fmt.usd(ops.costPerCaseB())
                + "; judging " + Fmt.usd(ops.judgeCostUsd())));
        r.add(new Row("Operations", "p95 latency A " + Fmt.num(ops.latencyP95A(), 0) + " ms, B " + Fmt.num(ops.latencyP95B(), 0)
                + " ms; mean words A " + Fmt.num(ops.meanWordsA(), 1) + ", B " + Fmt.num(ops.meanWordsB(), 1) + "; truncated A "
                + Fmt.pct(ops.truncationRateA()) + ", B " + Fmt.pct(ops.truncationRateB())));
        if (engine != null) {
            r.add(new Row("Calls", engine.requested() + " requested; " + engine.issued() + " issued, " + engine.cacheHits() + " cache hits, "
                    + engine.journalHits() + " from the journal (an earlier session, or an identical request’s batch item); " + engine.retries() + " retries; " + engine.failed() + " failed"
                    + (engine.failuresByReason().isEmpty() ? "" : " " + new java.util.TreeMap<>(engine.failuresByReason()))
                    + (engine.budgetSkipped() > 0 ? "; " + engine.budgetSkipped() + " not made (budget)" : "")));
        }
        if (m.partial()) r.add(new Row("Partial", m.partialReason()));
        if (m.args() != null) r.add(new Row("Command", "prompt-arena " + String.join(" ", m.args())));
        List<Row> all = new ArrayList<>();
        flatten("", JSON.valueToTree(m), all);
        return new ProvenanceView(r, all);
    }

    private static void flatten(String path, JsonNode n, List<Row> out) {
        if (n.isObject()) {
            // Sorted so the page is byte-identical however the maps were ordered in memory.
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) { var e = it.next(); fields.put(e.getKey(), e.getValue()); }
            fields.forEach((k, v) -> flatten(path.isEmpty() ? k : path + "." + k, v, out));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) flatten(path + "[" + i + "]", n.get(i), out);
        } else {
            out.add(new Row(path, n.isNull() ? "null" : n.asText()));
        }
    }

    private static String sorted(Map<String, Object> map) { return map == null ? "{}" : new TreeMap<>(map).toString(); }

    private static String shortHash(String sha) { return sha == null ? "" : "sha256:" + sha.substring(0, Math.min(12, sha.length())); }

    private static String duration(String start, String end) {
        try {
            Duration d = Duration.between(Instant.parse(start), Instant.parse(end));
            return String.format(java.util.Locale.ROOT, " (%.1f s)", d.toMillis() / 1000.0);
        } catch (DateTimeParseException | NullPointerException e) {
            return ""; // still running or interrupted before finishing: no duration to show
        }
    }
}
