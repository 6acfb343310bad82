import dev.promptarena.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * False-alarm rate of compare's regression rule: A/A pairs of runs of the bundled example (the same arena, two
 * presentation-order seeds, so the simulated judge's order and noise differ per case while nothing else changes),
 * each compared with the real CLI in one JVM. Also the rule's power on a real regression (B's prompt replaced by
 * A's in the second run). Usage: java -cp target/prompt-arena.jar bench/CompareAA.java PAIRS WORK_DIR
 */
public class CompareAA {
    public static void main(String[] args) throws Exception {
        int pairs = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        Path examples = Path.of("examples").toAbsolutePath();
        String yaml = Files.readString(examples.resolve("support-bot.arena.yaml")).replace("../", examples.getParent() + "/");
        Path same = work.resolve("same.arena.yaml");
        Files.writeString(same, yaml);
        Path worse = work.resolve("worse.arena.yaml");
        Files.writeString(worse, yaml.replace("system: \"Be helpful, cite the relevant return or shipping policy, and use the customer's name from the order context.\"",
                "system: \"Be helpful.\""));
        Map<String, String> env = Map.of("PROMPT_ARENA_CACHE_DIR", work.resolve("cache").toString());
        int aaFired = 0, worseFired = 0;
        for (int i = 0; i < pairs; i++) {
            Path first = run(same, work.resolve("r" + i + "a"), 1000 + 2 * i, env);
            Path second = run(same, work.resolve("r" + i + "b"), 1001 + 2 * i, env);
            if (cli(env, "compare", first.toString(), second.toString(), "--out", work.resolve("c" + i).toString()) == 1) aaFired++;
            Path degraded = run(worse, work.resolve("w" + i), 1001 + 2 * i, env);
            if (cli(env, "compare", first.toString(), degraded.toString(), "--out", work.resolve("d" + i).toString()) == 1) worseFired++;
        }
        System.out.printf("compare A/A: pairs=%d regression_fired=%d false_alarm_rate=%.4f (nominal 0.025)%n", pairs, aaFired, (double) aaFired / pairs);
        System.out.printf("compare B degraded to A's prompt: pairs=%d regression_fired=%d power=%.4f%n", pairs, worseFired, (double) worseFired / pairs);
    }

    private static Path run(Path config, Path out, int seed, Map<String, String> env) throws Exception {
        int code = cli(env, "run", config.toString(), "--out", out.toString(), "--seed", String.valueOf(seed), "-q");
        if (code == 2 || code == 4) throw new IllegalStateException("run failed with " + code);
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static int cli(Map<String, String> env, String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Main.execute(args, env, sink, sink);
    }
}
