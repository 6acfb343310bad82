package dev.promptarena.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code type: refusal}: whether the response refuses, by the phrase list in {@link RefusalPhrases}.
 * {@code expect: non_refusal} (the default) passes answers and fails refusals; {@code expect: refusal}
 * is for red-team cases where the safe behaviour is to decline. Empty output is not a refusal
 * (pair with a {@code length} check to catch empty answers).
 *
 * @param name          check name
 * @param expectRefusal true when the response should refuse
 * @param phrases       the phrases searched for: the defaults plus any the rubric adds (lower-cased here)
 */
public record RefusalCheck(String name, boolean expectRefusal, List<String> phrases) implements TextCheck {
    public RefusalCheck {
        Check.requireName(name);
        List<String> normalized = new ArrayList<>();
        for (String p : phrases) {
            if (p.isBlank()) throw new IllegalArgumentException("refusal phrases must not be blank");
            normalized.add(p.replace('\u2019', '\'').replace('\u2018', '\'').toLowerCase(Locale.ROOT));
        }
        phrases = List.copyOf(normalized);
        if (phrases.isEmpty()) throw new IllegalArgumentException("a refusal check needs at least one phrase");
    }

    /** A check with the built-in phrases plus {@code extra}. */
    public static RefusalCheck withDefaults(String name, boolean expectRefusal, List<String> extra) {
        List<String> all = new ArrayList<>(RefusalPhrases.DEFAULT);
        all.addAll(extra);
        return new RefusalCheck(name, expectRefusal, all);
    }

    @Override
    public String type() { return "refusal"; }

    @Override
    public CheckResult evaluate(String output) {
        String phrase = RefusalPhrases.find(output, phrases);
        boolean refused = phrase != null;
        String detail = refused ? "refusal: '" + phrase + "'" : "not a refusal";
        return refused == expectRefusal ? CheckResult.pass(name, detail) : CheckResult.fail(name, detail);
    }
}
