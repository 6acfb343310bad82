package dev.promptarena.run;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.util.Forked;
import dev.promptarena.util.TerminalText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
     * Journals from this size are parsed in two parts, the second on another thread: at 10,000 cases the journal is ~50 MB
     * and its parse the longest single-threaded step between the last call and the analysis (bench/README.md, eighth
     * session). The parts are whole lines and the counts add up, so the result is the same. A run's end reads it on one
     * thread beside its analysis instead ({@link EndedManifest}); merge and tournaments split it.
     */
    static final long SPLIT_FROM = 8L << 20;

    /**
     * Role (A, B, JUDGE) to its served models, most calls first; empty when there is no journal (recorded outputs).
     * Streamed: only the role and the three model fields are read, every other value is skipped unread (a tree per
     * line took ~5x as long as a pass over cases.jsonl: the journal holds every request and reply, 53 MB at 10,000 cases).
     */
    public static Map<String, List<Served>> read(Path journal) {
        try {
            long size = Files.size(journal);
            return read(journal, size >= SPLIT_FROM && Runtime.getRuntime().availableProcessors() > 1 ? lineStartAfter(journal, size / 2) : 0);
        } catch (IOException e) {
            return Map.of(); // none, or unreadable: provenance only (resume reports an unreadable journal, not this)
        }
    }

    /**
     * As {@link #read(Path)}, the lines from byte {@code split} (a line start; 0 or past the end: no split) counted on a
     * second thread. Every journal line is one entry, so each part parses what the whole-file parser parsed there.
     */
    static Map<String, List<Served>> read(Path journal, long split) {
        Forked<Counts> tail = split <= 0 ? null : Forked.start("served-models", () -> count(journal, split, Long.MAX_VALUE));
        Counts counts = count(journal, 0, split <= 0 ? Long.MAX_VALUE : split);
        Counts rest = tail == null ? new Counts() : tail.join();
        if (counts == null || rest == null) return Map.of(); // a part that does not parse: nothing, as for the whole file
        rest.forEach((role, m) -> m.forEach((key, n) -> counts.computeIfAbsent(role, k -> new TreeMap<>(ServedModels::compare))
                .computeIfAbsent(key, k -> new long[1])[0] += n[0]));
        Map<String, List<Served>> out = new TreeMap<>();
        counts.forEach((role, m) -> {
            List<Served> list = new ArrayList<>();
            m.forEach((k, n) -> list.add(new Served(k.get(0), k.get(1), k.get(2), n[0])));
            list.sort((x, y) -> Long.compare(y.calls(), x.calls()));
            out.put(role, List.copyOf(list));
        });
        return out;
    }

    /** Role to (requested, model, fingerprint) to calls. */
    private static final class Counts extends TreeMap<String, Map<List<String>, long[]>> {}

    /** The served calls of the entries in bytes {@code [from, to)}; null when they do not parse (or cannot be read). */
    private static Counts count(Path journal, long from, long to) {
        Counts counts = new Counts();
        try (InputStream in = limited(Files.newInputStream(journal), from, to); JsonParser p = JSON.getFactory().createParser(in)) {
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
            return counts;
        } catch (IOException e) {
            return null;
        }
    }

    /** The start of the first line that begins after byte {@code pos}; 0 (no split) when none does. */
    private static long lineStartAfter(Path journal, long pos) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(journal))) {
            in.skipNBytes(pos);
            for (long at = pos; ; at++) {
                int b = in.read();
                if (b < 0) return 0;
                if (b == '\n') return at + 1;
            }
        }
    }

    /** {@code in} from byte {@code from} to byte {@code to} (exclusive). */
    private static InputStream limited(InputStream in, long from, long to) throws IOException {
        in.skipNBytes(from);
        return new java.io.FilterInputStream(in) {
            private long left = to - from;

            @Override public int read() throws IOException {
                if (left <= 0) return -1;
                int b = super.read();
                if (b >= 0) left--;
                return b;
            }

            @Override public int read(byte[] buf, int off, int len) throws IOException {
                if (left <= 0) return -1;
                int n = super.read(buf, off, (int) Math.min(len, left));
                if (n > 0) left -= n;
                return n;
            }
        };
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

    /**
     * One warning per requested model whose served model or fingerprint changed within the run, naming its versions
     * (terminal-safe). A role may request several models (a judge panel, a tournament's candidates): those are no change.
     */
    public static List<String> changes(Map<String, List<Served>> served) {
        List<String> out = new ArrayList<>();
        if (served == null) return out;
        served.forEach((role, list) -> {
            for (List<Served> versions : changed(list)) {
                out.add((role.equals("JUDGE") ? "the judge" : "variant " + role) + "'s provider served more than one model version in this run: "
                        // Printed on the terminal: the served model and fingerprint are the provider's text.
                        + TerminalText.plain(String.join(", ", versions.stream().map(ServedModels::describe).toList()))
                        + "; its outputs are not from one model, so results may mix behaviours");
            }
        });
        return out;
    }

    /** A role's served versions grouped by requested model, keeping only the models served as more than one version. */
    public static List<List<Served>> changed(List<Served> role) {
        Map<String, List<Served>> byRequested = new LinkedHashMap<>();
        for (Served s : role) byRequested.computeIfAbsent(String.valueOf(s.requested()), k -> new ArrayList<>()).add(s);
        return byRequested.values().stream().filter(versions -> versions.size() > 1).toList();
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
