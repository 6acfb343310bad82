package dev.promptarena.run;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
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

    /**
     * Role (A, B, JUDGE) to its served models, most calls first; empty when there is no journal (recorded outputs).
     * Streamed: only the role and the three model fields are read, every other value is skipped unread (a tree per
     * line took ~5x as long as a pass over cases.jsonl: the journal holds every request and reply, 53 MB at 10,000 cases).
     */
    public static Map<String, List<Served>> read(Path journal) {
        Map<String, Map<List<String>, long[]>> counts = new TreeMap<>();
        try (InputStream in = Files.newInputStream(journal); JsonParser p = JSON.getFactory().createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                Entry e = entry(p);
                if (!e.served) continue; // a failed call served nothing
                List<String> key = java.util.Arrays.asList(e.requested, e.model, e.fingerprint);
                counts.computeIfAbsent(e.role, k -> new TreeMap<>(ServedModels::compare)).computeIfAbsent(key, k -> new long[1])[0]++;
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

    /** The fields of one journal entry that say what was served; the rest of the entry is skipped. */
    private static final class Entry {
        String role = "";
        String requested;
        String model;
        String fingerprint;
        boolean served;
    }

    /** Reads one entry, the parser on its START_OBJECT; the same values as JsonNode.path(..).asText(..) gave. */
    private static Entry entry(JsonParser p) throws IOException {
        Entry e = new Entry();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "role" -> e.role = v == JsonToken.VALUE_NULL ? "null" : text(p, v, "");
                case "request" -> {
                    if (v != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        e.requested = null;
                        break;
                    }
                    e.requested = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        JsonToken x = p.nextToken();
                        if (f.equals("model")) e.requested = text(p, x, null);
                        else p.skipChildren();
                    }
                }
                case "response" -> {
                    e.served = v == JsonToken.START_OBJECT;
                    e.model = null;
                    e.fingerprint = null;
                    if (!e.served) {
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        JsonToken x = p.nextToken();
                        if (f.equals("model")) e.model = text(p, x, null);
                        else if (f.equals("systemFingerprint")) e.fingerprint = text(p, x, null);
                        else p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return e;
    }

    /** A scalar as text (null: {@code absent}); an object or array is "" as in JsonNode.asText. */
    private static String text(JsonParser p, JsonToken v, String absent) throws IOException {
        if (v == JsonToken.VALUE_NULL) return absent;
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
            p.skipChildren();
            return "";
        }
        return p.getText();
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
