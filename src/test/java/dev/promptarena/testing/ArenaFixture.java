package dev.promptarena.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a small arena (golden set, rubric, config) into a folder for end-to-end tests. */
public final class ArenaFixture {
    private ArenaFixture() {}

    public static final String RUBRIC = """
            name: t
            axes:
              - name: Clarity
                anchors: {1: bad, 3: ok, 5: great}
              - name: Policy citation
                anchors: {1: none, 3: vague, 5: named}
            """;

    /** A golden set of {@code n} support questions with a policy context. */
    public static Path goldenSet(Path dir, int n) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add("{\"id\": \"c" + i + "\", \"customer_name\": \"Ana\", \"message\": \"My package hasn't arrived after " + (i + 5)
                    + " days\", \"context\": \"Shipping policy (S-1): late orders are traced and reshipped.\", \"reference\": \"Trace and reship per shipping policy (S-1).\", \"tags\": {\"category\": \""
                    + (i % 2 == 0 ? "shipping" : "returns") + "\"}}");
        }
        Path p = dir.resolve("golden.jsonl");
        Files.write(p, lines);
        Files.writeString(dir.resolve("rubric.yaml"), RUBRIC);
        return p;
    }

    /** A judge reply in the default template's shape for {@link #RUBRIC}'s two axes: B wins. */
    public static final String VERDICT = "{\"winner\": \"B\", \"scores\": {\"A\": {\"Clarity\": 3, \"Policy citation\": 2},"
            + " \"B\": {\"Clarity\": 4, \"Policy citation\": 5}}, \"reason\": \"cites the policy\"}";

    /** {@link #goldenSet} of {@code n} cases plus one multi-turn case ("mt"), whose conversation so far has an assistant turn. */
    public static Path goldenSetWithMultiTurn(Path dir, int n) throws IOException {
        Path p = goldenSet(dir, n);
        Files.writeString(p, "{\"id\": \"mt\", \"customer_name\": \"Ana\", \"message\": \"Still nothing.\","
                + " \"context\": \"S-1\", \"messages\": [{\"role\": \"user\", \"content\": \"Where is my order?\"},"
                + " {\"role\": \"assistant\", \"content\": \"I opened a trace.\"}]}\n", java.nio.file.StandardOpenOption.APPEND);
        return p;
    }

    /** An arena config over {@link #goldenSet}; {@code providers}, {@code variantProvider} etc. are YAML snippets. */
    public static Path config(Path dir, String providersYaml, String variantProvider, String judgeProvider, String order, String extra) throws IOException {
        String yaml = """
                name: fixture
                dataset: golden.jsonl
                rubric: rubric.yaml
                output: reports
                providers:
                %s
                decoding: {temperature: 0, max_tokens: 200, seed: 1}
                variants:
                  A: {name: base, provider: %s, model: model-a, system: "Be helpful.", user: "Customer name: {{customer_name}}\\nRelevant policy:\\n{{context}}\\nCustomer message: {{message}}"}
                  B: {name: cand, provider: %s, model: model-b, system: "Be helpful, cite the policy and use the customer's name.", user: "Customer name: {{customer_name}}\\nRelevant policy:\\n{{context}}\\nCustomer message: {{message}}"}
                judge: {provider: %s, model: judge-model, order: %s, seed: 5}
                %s
                """.formatted(providersYaml.indent(2).stripTrailing(), variantProvider, variantProvider, judgeProvider, order, extra);
        Path p = dir.resolve("arena.yaml");
        Files.writeString(p, yaml);
        return p;
    }
}
