package dev.promptarena.promptfoo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an import mapped with a caveat and what it could not map, in the order met. Kept per import
 * (never static) and printed by the command; repeated messages (one per test case) are shown once
 * with a count.
 */
public final class ImportNotes {
    private final Set<String> review = new LinkedHashSet<>();
    private final List<String> unmapped = new ArrayList<>();

    /** Mapped, but the user should look at the result (e.g. generated anchors). */
    public void review(String message) { review.add(message); }

    /** Not mapped: the feature has no equivalent, or the importer does not translate it. */
    public void unmapped(String where, String message) { unmapped.add(where + ": " + message); }

    public List<String> reviewItems() { return List.copyOf(review); }

    /** Unmapped items, identical ones merged as "message (N times)". */
    public List<String> unmappedItems() {
        Set<String> order = new LinkedHashSet<>(unmapped);
        List<String> out = new ArrayList<>();
        for (String s : order) {
            long n = unmapped.stream().filter(s::equals).count();
            out.add(n > 1 ? s + " (" + n + " times)" : s);
        }
        return out;
    }
}
