package dev.promptarena.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the providers said they served: per role, each distinct (requested model, served {@code model},
 * {@code system_fingerprint}) of the journal's successful calls with its count. An auditor reads from it that the
 * judge moved to another snapshot between runs, or within one (then {@link #changes} warns).
 */
public final class ServedModels {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One distinct served model of a role; {@code fingerprint} is null where the provider sends none. */
    public record Served(String requested, String model, String fingerprint, long calls) {}

    private ServedModels() {}

    /** Role (A, B, JUDGE) to its served models, most calls first; empty when there is no journal (recorded outputs). */
    public static Map<String, List<Served>> read(Path journal) {
        Map<String, Map<List<String>, long[]>> counts = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode e = JSON.readTree(line);
                JsonNode resp = e.path("response");
                if (!resp.isObject()) continue; // a failed call served nothing
                List<String> key = java.util.Arrays.asList(e.path("request").path("model").asText(null), resp.path("model").asText(null),
                        resp.path("systemFingerprint").asText(null));
                counts.computeIfAbsent(e.path("role").asText(), k -> new TreeMap<>(ServedModels::compare)).computeIfAbsent(key, k -> new long[1])[0]++;
            }
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            return Map.of(); // provenance only: a journal that cannot be read is reported by resume, not here
        }
        Map<String, List<Served>> out = new TreeMap<>();
        counts.forEach((role, m) -> {
            List<Served> list = new ArrayList<>();
            m.forEach((k, n) -> list.add(new Served(k.get(0), k.get(1), k.get(2), n[0])));
            list.sort((x, y) -> Long.compare(y.calls(), x.calls()));
            out.put(role, List.copyOf(list));
        });
        return out;
    }

    /** One warning per role whose served model or fingerprint changed within the run, naming every version. */
    public static List<String> changes(Map<String, List<Served>> served) {
        List<String> out = new ArrayList<>();
        if (served == null) return out;
        served.forEach((role, list) -> {
            if (list.size() < 2) return;
            out.add((role.equals("JUDGE") ? "the judge" : "variant " + role) + "'s provider served more than one model version in this run: "
                    + String.join(", ", list.stream().map(ServedModels::describe).toList())
                    + "; its outputs are not from one model, so results may mix behaviours");
        });
        return out;
    }

    /** "gpt-4o-2024-08-06 (fp_abc) x 30". */
    public static String describe(Served s) {
        return (s.model() == null ? "unknown model" : s.model()) + (s.fingerprint() == null ? "" : " (" + s.fingerprint() + ")") + " x " + s.calls();
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Objects.compare(a.get(i), b.get(i), java.util.Comparator.nullsFirst(String::compareTo));
            if (c != 0) return c;
        }
        return 0;
    }
}
