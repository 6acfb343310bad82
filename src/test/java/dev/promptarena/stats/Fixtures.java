package dev.promptarena.stats;

import java.util.List;
import java.util.Map;

/** Small builders for test outcomes. */
public final class Fixtures {
    private Fixtures() {}

    /** A successful side with {@code words} words of output. */
    public static Side side(int words) { return side(words, 100); }

    public static Side side(int words, long latencyMillis) {
        return new Side("w ".repeat(words).strip(), latencyMillis, 0.001, words, false, null, false);
    }

    public static Side failed() { return new Side("", 0, 0.0, 0, true, "HTTP 500", false); }

    public static Vote vote(boolean bFirst, Winner w) { return vote("judge", 0, bFirst, w); }

    public static Vote vote(String judge, int sample, boolean bFirst, Winner w) {
        return new Vote(judge, sample, bFirst, w, Map.of(), Map.of());
    }

    public static CaseOutcome outcome(String id, Vote... votes) {
        return new CaseOutcome(id, 0, Map.of(), side(50), side(50), List.of(votes), 0.0);
    }

    public static CaseOutcome outcome(String id, Map<String, String> tags, Side a, Side b, Vote... votes) {
        return new CaseOutcome(id, 0, tags, a, b, List.of(votes), 0.0);
    }
}
