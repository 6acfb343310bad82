package dev.promptarena.report;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import dev.promptarena.run.RunDirectory;
import dev.promptarena.util.BidiControls;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A CSV file built row by row. Every cell is passed through {@link #safe(String)} because model
 * output is untrusted and spreadsheets execute cells that look like formulas.
 */
public final class CsvTable {
    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();

    public CsvTable(String... header) { this.header = List.of(header); }

    public CsvTable row(Object... cells) {
        rows.add(cells(header.size(), cells));
        return this;
    }

    private static String[] cells(int columns, Object[] cells) {
        if (cells.length != columns) throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) out[i] = safe(format(cells[i]));
        return out;
    }

    /**
     * Writes a file of one row per item without keeping the rows: {@code rows} hands each row to the sink it is given,
     * which formats and writes it at once (same cells as {@link #row}). cases.csv built as a table held every case's
     * cells, output texts included, until the file was written: ~1.2 KB a case, the largest holder of a 100,000-case
     * run's end (heap histogram, bench/README.md).
     */
    public static void stream(RunDirectory dir, String name, List<String> header, Consumer<Consumer<Object[]>> rows) {
        dir.writeAtomically(name, w -> {
            try (ICSVWriter csv = new CSVWriter(w, ',', '"', '"', "\n")) {
                csv.writeNext(header.stream().map(CsvTable::safe).toArray(String[]::new), false);
                rows.accept(cells -> csv.writeNext(cells(header.size(), cells), false));
            }
        });
    }

    public int size() { return rows.size(); }

    public void writeTo(RunDirectory dir, String name) {
        dir.writeAtomically(name, w -> {
            try (ICSVWriter csv = new CSVWriter(w, ',', '"', '"', "\n")) {
                csv.writeNext(header.stream().map(CsvTable::safe).toArray(String[]::new), false);
                for (String[] r : rows) csv.writeNext(r, false);
            }
        });
    }

    /**
     * Makes a cell harmless to open. Control characters other than tab, line feed and carriage return (C0, DEL and
     * C1: ESC starts the terminal sequences a model can emit, and {@code cat cases.csv} would replay them) and the
     * bidirectional controls ({@link BidiControls}: a cell would display in another order than it holds) each become
     * U+FFFD, the replacement character, so the reader still sees that something stood there and where (the run's
     * journal and cases.jsonl keep the exact text). Then spreadsheet formula injection is neutralized (OWASP
     * "CSV injection"): a cell that begins with =, +, -, @, tab or carriage return is prefixed with a single quote.
     * Plain numbers, including negative ones we wrote ourselves, are left alone so the file stays analysable.
     */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) return cell == null ? "" : cell;
        cell = withoutControls(cell);
        char c = cell.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        if (risky && !isNumber(cell)) return "'" + cell;
        return cell;
    }

    /** {@code text} with every control character but tab, LF and CR, and every bidirectional control, replaced by U+FFFD (the same string when it has none). */
    static String withoutControls(String text) {
        int i = 0;
        while (i < text.length() && !control(text.charAt(i))) i++;
        if (i == text.length()) return text;
        StringBuilder sb = new StringBuilder(text.length()).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(control(c) ? '\uFFFD' : c);
        }
        return sb.toString();
    }

    private static boolean control(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) || BidiControls.is(c);
    }

    /** Compiled once: every negative number written (an axis drop, a slope) is checked against it. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private static boolean isNumber(String s) {
        return NUMBER.matcher(s).matches();
    }

    static String format(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) return "";
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
            return new java.math.BigDecimal(d).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }
}
