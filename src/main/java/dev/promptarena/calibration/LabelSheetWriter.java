package dev.promptarena.calibration;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import com.samskivert.mustache.Mustache;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.util.TerminalText;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writes a {@link LabelSheet} as the CSV labellers fill in (the {@code label} column: 1, 2 or tie) and, optionally,
 * an HTML page showing the same rows. Model output is untrusted: every CSV cell goes through the caller's
 * formula neutralizer (the CLI passes the reports' {@code CsvTable.safe}; {@code report} is not importable from here)
 * and the page through {@link TerminalText#lines} and JMustache's HTML escaping; nothing says which response is A or B.
 */
public final class LabelSheetWriter {
    /** The sheet's columns; {@link LabelSheetReader} reads them back. */
    public static final List<String> HEADER = List.of("case_id", "repeat", "probability", "order_key", "question", "context",
            "reference", "response_1", "response_2", "label", "labeler");

    private LabelSheetWriter() {}

    /**
     * @param dataset the golden cases by id for context and reference (empty when the dataset is not available)
     * @param safe    neutralizes spreadsheet formulas in a cell
     */
    public static void csv(LabelSheet sheet, Map<String, GoldenCase> dataset, Writer w, UnaryOperator<String> safe) throws IOException {
        try (ICSVWriter csv = new CSVWriter(w, ',', '"', '"', "\n")) {
            csv.writeNext(HEADER.toArray(String[]::new), false);
            for (Map<String, String> row : rows(sheet, dataset)) {
                csv.writeNext(HEADER.stream().map(h -> safe.apply(row.getOrDefault(h, ""))).toArray(String[]::new), false);
            }
        }
    }

    public static void html(LabelSheet sheet, Map<String, GoldenCase> dataset, Writer w) throws IOException {
        try (InputStream in = LabelSheetWriter.class.getResourceAsStream("/calibration/label-sheet.html.mustache")) {
            if (in == null) throw new IllegalStateException("label-sheet.html.mustache missing from the jar");
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // HTML escaping leaves ESC and the other control characters in the page (cat would replay a model's terminal
            // sequences; report.html holds them only as JSON escapes): removed here, line breaks kept for the <pre> blocks.
            List<Map<String, String>> rows = rows(sheet, dataset).stream().map(LabelSheetWriter::withoutControls).toList();
            Map<String, Object> model = Map.of("runId", TerminalText.plain(sheet.runId()), "count", sheet.items().size(), "rows", rows);
            Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true).defaultValue("").compile(template).execute(model, w);
        }
    }

    private static Map<String, String> withoutControls(Map<String, String> row) {
        Map<String, String> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, TerminalText.lines(v)));
        return out;
    }

    static List<Map<String, String>> rows(LabelSheet sheet, Map<String, GoldenCase> dataset) {
        List<Map<String, String>> out = new ArrayList<>();
        for (LabelSheet.Item it : sheet.items()) {
            GoldenCase g = dataset.get(it.caseId());
            Map<String, String> row = new LinkedHashMap<>();
            row.put("case_id", it.caseId());
            row.put("repeat", Integer.toString(it.repeat()));
            // Full precision: the estimator divides by this number.
            row.put("probability", String.format(Locale.ROOT, "%.17g", it.probability()).replaceAll("0+$", "").replaceAll("\\.$", ""));
            row.put("order_key", it.orderKey(sheet.runId()));
            row.put("question", it.record().question() == null ? "" : it.record().question());
            row.put("context", g == null || g.context() == null ? "" : g.context());
            row.put("reference", g == null || g.reference() == null ? "" : g.reference());
            row.put("response_1", (it.bFirst() ? it.record().b() : it.record().a()).output());
            row.put("response_2", (it.bFirst() ? it.record().a() : it.record().b()).output());
            row.put("label", "");
            row.put("labeler", "");
            out.add(row);
        }
        return out;
    }
}
