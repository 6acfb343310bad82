package dev.promptarena.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Internal, not a user command: the build's class-data-sharing training run ({@code pom.xml}, execution
 * {@code cds-training}, run as {@code java -XX:DumpLoadedClassList=... -cp target/prompt-arena.jar
 * dev.promptarena.cli.CdsTraining ...}; execution {@code cds-archive} then dumps the listed classes with the same class
 * path, the one {@code -jar} gives, so the archive matches the launcher's runs).
 *
 * <p>Why: the archive holds the classes the training run loaded. The bundled example alone runs on the simulated
 * provider and sends no HTTP request, so every real run loaded the JDK HTTP client's exchange classes, the wire
 * clients' and the response cache's from the jar and the JDK's modules at start-up, on the way to its first call
 * (bench/README.md, ninth session). So after the example this makes a run through the real clients against
 * {@link LoopbackSim} on 127.0.0.1 (A on the OpenAI wire format, B on Anthropic's, the judge on OpenAI's) with a
 * response cache, then the same run again, answered from that cache. Nothing leaves the machine.
 *
 * <p>Arguments: the example's arena file, a golden set, a rubric, and a folder for the runs (replaced).
 * Exits with the first non-zero exit code of the three runs above 3 (a failure), else 0.
 */
public final class CdsTraining {
    /** The training config's only secret: Anthropic's client sends a key, and this is not one. */
    private static final String KEY_ENV = "PROMPT_ARENA_CDS_TRAINING_KEY";

    private CdsTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: CdsTraining EXAMPLE_ARENA_YAML DATASET RUBRIC OUT_DIR");
            System.exit(2);
        }
        Main.ensureAsyncPool();
        Prewarm.start();
        System.exit(train(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), System.out, System.err));
    }

    /** The three runs; returns 0, or the exit code of the first that failed (above 3). */
    static int train(Path example, Path dataset, Path rubric, Path out, PrintStream stdout, PrintStream stderr) throws IOException {
        deleteTree(out);
        Files.createDirectories(out);
        int simulated = Main.execute(new String[] {"run", example.toString(), "--out", out.resolve("example").toString(), "--no-cache", "-q"},
                System.getenv(), stdout, stderr);
        if (simulated > 3) return simulated;
        try (LoopbackSim server = new LoopbackSim()) {
            Path arena = out.resolve("loopback.arena.yaml");
            Files.writeString(arena, config(server, dataset.toAbsolutePath(), rubric.toAbsolutePath()));
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put(KEY_ENV, "not-a-key-cds-training");
            for (String pass : new String[] {"calls", "cached"}) {
                int code = Main.execute(new String[] {"run", arena.toString(), "--out", out.resolve(pass).toString(),
                        "--cache-dir", out.resolve("cache").toString(), "-q"}, env, stdout, stderr);
                if (code > 3) return code;
            }
        }
        return 0;
    }

    private static String config(LoopbackSim server, Path dataset, Path rubric) throws IOException {
        ObjectMapper json = new ObjectMapper(); // a JSON string is a valid double-quoted YAML scalar: paths quoted safely
        String user = json.writeValueAsString("Customer name: {{customer_name}}\nOrder: {{order}}\nRelevant policy:\n{{context}}\n\n"
                + "Customer message: {{message}}");
        return "name: cds-training\n"
                + "dataset: " + json.writeValueAsString(dataset.toString()) + "\n"
                + "rubric: " + json.writeValueAsString(rubric.toString()) + "\n"
                + "providers:\n"
                + "  openai: {type: openai, base_url: " + json.writeValueAsString(server.openAiBaseUrl()) + ", concurrency: 16}\n"
                + "  anthropic: {type: anthropic, base_url: " + json.writeValueAsString(server.anthropicBaseUrl())
                + ", api_key_env: " + KEY_ENV + ", concurrency: 16}\n"
                + "decoding: {temperature: 0.0, top_p: 1.0, max_tokens: 400, seed: 7}\n"
                + "variants:\n"
                + "  A: {provider: openai, model: loopback-a, system: \"Be helpful.\", user: " + user + "}\n"
                + "  B: {provider: anthropic, model: loopback-b, system: \"Be helpful and cite the relevant policy.\", user: " + user + "}\n"
                + "judge: {provider: openai, model: loopback-judge, seed: 42}\n";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
