package dev.promptarena.run;

import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.dataset.GoldenSet;
import dev.promptarena.input.Hashing;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} shards of a run ({@code run --shard K/N}, K from 1). A case belongs to the shard
 * chosen by the SHA-256 of its id alone, not by its position: adding cases to the golden set never moves an
 * existing case to another shard (so a shard's cached answers stay valid), and shards are balanced to within
 * sampling noise (the share of a shard is binomial: about 1/N plus or minus sqrt((N-1)/cases)/N).
 *
 * @param index 1-based shard number
 * @param count number of shards
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard must be K/N with 1 <= K <= N, got: " + index + "/" + count);
        }
    }

    /** Parses {@code K/N}; the message names the expected form. */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) throw new IllegalArgumentException("--shard must be K/N (e.g. 2/8), got: " + text);
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The 0-based bucket of a case id among {@code count} shards. */
    public static int bucket(String caseId, int count) {
        long h = Long.parseUnsignedLong(Hashing.sha256(caseId).substring(0, 16), 16);
        return (int) Long.remainderUnsigned(h, count);
    }

    public boolean contains(String caseId) { return bucket(caseId, count) == index - 1; }

    /** Positions (0-based, in golden-set order) of this shard's cases among {@code cases}. */
    public int[] positions(List<GoldenCase> cases) {
        List<String> ids = GoldenSet.of(cases).ids();
        int[] out = new int[ids.size()];
        int n = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (contains(ids.get(i))) out[n++] = i;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * The shard a run's recorded command line ran ({@code --shard K/N} or {@code --shard=K/N}), or null for a whole run.
     * The manifest's args are what {@code run --resume} re-parses too, so a shard is recognised the same way everywhere.
     */
    public static Shard fromArgs(List<String> args) {
        if (args == null) return null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = a.equals("--shard") && i + 1 < args.size() ? args.get(i + 1)
                    : a.startsWith("--shard=") ? a.substring("--shard=".length()) : null;
            if (value == null) continue;
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                return null; // run refused such a value before recording it; an edited manifest is not a shard
            }
        }
        return null;
    }

    /** "K/N", as typed. */
    public String label() { return index + "/" + count; }
}
