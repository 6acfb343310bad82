package dev.promptarena.calibration;

import dev.promptarena.input.CaseIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The run's case ids by the text a label sheet's {@code case_id} cell holds for them. {@code label} neutralizes every
 * cell for spreadsheets (a formula-led id gets a leading quote, a control character becomes U+FFFD), so a sheet
 * drawn from a run whose ids carry either named ids no case has, and was refused for an order_key that "does not
 * match". Several ids can share one neutralized text; the row's order_key tells them apart ({@link LabelSheetReader}).
 */
public final class SheetIds {
    /** No run ids: a cell stands for the id it holds (a sheet written before ids were neutralized, or by hand). */
    public static final SheetIds NONE = new SheetIds(Map.of());

    private final Map<String, List<String>> byCell;

    private SheetIds(Map<String, List<String>> byCell) { this.byCell = byCell; }

    /** @param neutralize what {@code label} did to each cell (the reports' {@code CsvTable.safe}) */
    public static SheetIds of(Stream<String> runIds, UnaryOperator<String> neutralize) {
        Map<String, List<String>> byCell = new HashMap<>();
        runIds.distinct().forEach(id -> {
            String cell = CaseIds.of(neutralize.apply(id));
            if (!cell.equals(id)) byCell.computeIfAbsent(cell, k -> new ArrayList<>()).add(id);
        });
        return new SheetIds(byCell);
    }

    /** The ids a cell may stand for: its own text first, then the run's ids that were written as it. */
    List<String> candidates(String cell) {
        Set<String> out = new LinkedHashSet<>();
        out.add(cell);
        out.addAll(byCell.getOrDefault(cell, List.of()));
        return List.copyOf(out);
    }
}
