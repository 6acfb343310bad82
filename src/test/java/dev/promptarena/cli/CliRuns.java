package dev.promptarena.cli;

import dev.promptarena.testing.RunFolders;
import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Runs the CLI in-process on a small simulated arena (no network) for command tests. */
final class CliRuns {
    /** What one CLI invocation printed and returned. */
    record Result(int exit, String out, String err) {}

    private CliRuns() {}

    static Result cli(String... args) {
        CliRun run = CliRun.of(args);
        return new Result(run.exitCode(), run.out(), run.err());
    }

    /** Writes an 8-case simulated arena into {@code dir}; {@code judgeYaml} is the judge section. */
    static Path arena(Path dir, String judgeYaml) throws IOException {
        StringBuilder cases = new StringBuilder();
        String[] messages = {"My parcel has not arrived yet", "I was charged twice", "I want to return the shoes, wrong size",
                "The vase arrived broken", "Please cancel my order", "Can you change the delivery address?",
                "Where is my package? It is late", "I need a refund for the double charge"};
        for (int i = 0; i < messages.length; i++) {
            cases.append(String.format("{\"id\": \"c%d\", \"customer_name\": \"Dana\", \"message\": \"%s\", \"reference\": \"We will refund or reship.\"}%n",
                    i + 1, messages[i]));
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases.toString());
        Files.writeString(dir.resolve("rubric.yaml"), """
                axes:
                  - name: Clarity
                    description: Easy to follow?
                    anchors: {1: confusing, 3: wordy, 5: direct}
                  - name: Personal
                    description: Uses the customer's name?
                    anchors: {1: no, 3: generic, 5: by name}
                """);
        Path config = dir.resolve("arena.yaml");
        Files.writeString(config, """
                name: cli-test
                dataset: cases.jsonl
                rubric: rubric.yaml
                output: reports
                providers:
                  sim: {type: sim, options: {noise: 0.2}}
                variants:
                  A: {provider: sim, model: sim-a, system: "Be helpful.", user: "Customer name: {{customer_name}}\\nCustomer message: {{message}}"}
                  B: {provider: sim, model: sim-b, system: "Be helpful and use the customer's name.", user: "Customer name: {{customer_name}}\\nCustomer message: {{message}}"}
                """ + judgeYaml);
        return config;
    }

    /** The only (or newest) run folder under {@code reports}. */
    static Path newestRun(Path reports) throws IOException {
        try (Stream<Path> s = RunFolders.list(reports)) {
            return s.filter(Files::isDirectory).max(Comparator.comparing(Path::toString)).orElseThrow();
        }
    }
}
