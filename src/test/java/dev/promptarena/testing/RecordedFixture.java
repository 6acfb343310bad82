package dev.promptarena.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fully offline arena over {@link ArenaFixture#goldenSet} (10 cases c0..c9): a checks-only rubric
 * and recorded outputs whose verdicts are known by hand.
 * <ul>
 *   <li>A always answers "Sorry about that." (3 words): fails {@code cites}, passes {@code short}.</li>
 *   <li>B on c0-c5 cites S-1 in 7 words (passes both: B wins), on c6-c7 cites S-1 in 13 words (passes
 *       cites, fails short: tie), on c8-c9 neither cites nor is short (A wins).</li>
 * </ul>
 * So: 6 wins, 2 losses, 2 ties, win rate 0.7; cites A 0/10, B 8/10 (exact McNemar p = 2/2^8);
 * short A 10/10, B 6/10 (p = 2/2^4, drop 0.4).
 */
public final class RecordedFixture {
    private RecordedFixture() {}

    public static final String CHECKS_RUBRIC = """
            name: checks
            checks:
              - {name: cites, type: regex, pattern: "S-1"}
              - {name: short, type: length, max: 8}
            """;

    public static final String OUT_A = "Sorry about that.";

    /** B's recorded output for case {@code i}. */
    public static String outB(int i) {
        if (i < 6) return "Per policy S-1 we trace and reship.";
        if (i < 8) return "Per shipping policy S-1 we open a carrier trace and then reship it.";
        return "We will look into it for you very soon, promise.";
    }

    /** Golden set, checks rubric, A as JSONL and B as CSV (with latency), written into {@code dir}. */
    public static void write(Path dir) throws IOException {
        ArenaFixture.goldenSet(dir, 10);
        Files.writeString(dir.resolve("checks.yaml"), CHECKS_RUBRIC);
        List<String> a = new ArrayList<>(), b = new ArrayList<>(List.of("id,output,latency_ms")), both = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            a.add("{\"id\": \"c" + i + "\", \"output\": \"" + OUT_A + "\", \"latency_ms\": 100}");
            b.add("c" + i + ",\"" + outB(i) + "\"," + (200 + i));
            both.add("{\"id\": \"c" + i + "\", \"output_a\": \"" + OUT_A + "\", \"output_b\": \"" + outB(i) + "\", \"source\": \"logs\"}");
        }
        Files.write(dir.resolve("a.jsonl"), a);
        Files.write(dir.resolve("b.csv"), b);
        Files.write(dir.resolve("both.jsonl"), both);
    }

    /** An arena reading A from a.jsonl and B from b.csv, judged by the reference judge; {@code decision} is YAML or "". */
    public static Path config(Path dir, String judge, String decision) throws IOException {
        String yaml = """
                name: recorded
                dataset: golden.jsonl
                rubric: checks.yaml
                output: reports
                variants:
                  A: {name: prod, responses: a.jsonl}
                  B: {name: shadow, responses: b.csv}
                %s
                %s
                """.formatted(judge, decision);
        Path p = dir.resolve("arena.yaml");
        Files.writeString(p, yaml);
        return p;
    }
}
