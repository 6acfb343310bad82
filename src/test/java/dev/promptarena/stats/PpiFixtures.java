package dev.promptarena.stats;

import java.util.stream.IntStream;

/** The integer-formula datasets of src/test/resources/reference/ppi.py (same formulas, same names). */
final class PpiFixtures {
    private PpiFixtures() {}

    /** ppi.py human(i): A 40%, tie 20%, B 40% over a non-periodic sequence. */
    static double human(int i) {
        long k = ((long) i * i * 7 + i * 37L + 11) % 101 % 10;
        return k < 4 ? 0.0 : k < 6 ? 0.5 : 1.0;
    }

    /** ppi.py judge(i): agrees with human(i) 70% of the time, says B 20%, tie 10%. */
    static double judge(int i) {
        long k = ((long) i * i * 3 + i * 13L + 5) % 89 % 10;
        return k < 7 ? human(i) : k < 9 ? 1.0 : 0.5;
    }

    /** ppi.py judge_votes(i): the mean of 4 votes. */
    static double judgeVotes(int i) {
        double s = 0;
        for (int v = 0; v < 4; v++) s += judge(i + 1000 * v);
        return s / 4;
    }

    static double[] range(int from, int to, java.util.function.IntToDoubleFunction f) {
        return IntStream.range(from, to).mapToDouble(f).toArray();
    }
}
