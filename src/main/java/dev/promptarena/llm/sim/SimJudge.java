package dev.promptarena.llm.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptarena.llm.LlmRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated judge that reads the built-in judge prompt's blocks and prefers the response that
 * satisfies more rubric axes (by simple, documented heuristics per axis name), with noise on the
 * scores and an optional bias towards the first-shown response.
 */
final class SimJudge {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AXES = Pattern.compile("(?m)^Axes to score:\\s*(.+)$");
    private static final Pattern NAME = Pattern.compile("(?im)^\\s*customer(?: name)?:\\s*(\\S+)");
    private static final Pattern CITATION = Pattern.compile("(?i)(per our|according to our|under our)[^.]*polic|polic[^.]*\\([A-Z]+-?\\d+\\)|§");

    private final SimOptions options;

    SimJudge(SimOptions options) { this.options = options; }

    static boolean isJudgeRequest(LlmRequest request) {
        return request.messages().get(0).content().contains("<<<RESPONSE A>>>");
    }

    /** The online judge's pointwise prompt ({@code score}): one response in a {@code <<<RESPONSE>>>} block. */
    static boolean isPointwiseRequest(LlmRequest request) {
        return request.messages().get(0).content().contains("<<<RESPONSE>>>");
    }

    /**
     * A pointwise verdict, {@code {"scores": {axis: 1-5}, "reason": ...}}, by the same per-axis heuristics and noise as the
     * pairwise judge, so {@code score} works with the bundled example's simulated judge (it used to answer with a support
     * reply, which made every sampled trace unparseable).
     */
    String pointwiseReply(LlmRequest request, SplittableRandom rng) {
        String prompt = request.messages().get(0).content();
        boolean repairing = request.messages().size() > 1;
        if (!repairing && rng.nextDouble() < options.unparseableRate()) return "The response is fine overall.";
        String response = block(prompt, "RESPONSE");
        String question = block(prompt, "QUESTION");
        List<String> axes = axes(prompt);
        ObjectNode reply = JSON.createObjectNode();
        ObjectNode scores = reply.putObject("scores");
        List<String> why = new ArrayList<>();
        for (String axis : axes) {
            int score = noisy(score(axis, response, "", question), rng);
            scores.put(axis.trim(), score);
            why.add(axis.trim() + " " + score);
        }
        reply.put("reason", "Scored by the simulated judge's heuristics: " + String.join(", ", why) + ".");
        return reply.toString();
    }

    /** The axes the prompt asks to score (both judge prompts list them on one line), else one overall axis. */
    private static List<String> axes(String prompt) {
        Matcher ax = AXES.matcher(prompt);
        return ax.find() ? List.of(ax.group(1).split(";\\s*")) : List.of("Overall");
    }

    String reply(LlmRequest request, SplittableRandom rng) {
        String prompt = request.messages().get(0).content();
        boolean repairing = request.messages().size() > 1;
        if (!repairing && rng.nextDouble() < options.unparseableRate()) return "Both answers have merits, but overall I lean towards the first one.";
        String first = block(prompt, "RESPONSE A");
        String second = block(prompt, "RESPONSE B");
        String reference = block(prompt, "REFERENCE");
        String question = block(prompt, "QUESTION");
        List<String> axes = axes(prompt);
        ObjectNode reply = JSON.createObjectNode();
        ObjectNode scores = reply.putObject("scores");
        ObjectNode sa = scores.putObject("A");
        ObjectNode sb = scores.putObject("B");
        int totalA = 0, totalB = 0;
        List<String> why = new ArrayList<>();
        for (String axis : axes) {
            int a = noisy(score(axis, first, reference, question), rng);
            int b = noisy(score(axis, second, reference, question), rng);
            sa.put(axis.trim(), a);
            sb.put(axis.trim(), b);
            totalA += a;
            totalB += b;
            if (a != b) why.add((a > b ? "A" : "B") + " is stronger on " + axis.trim());
        }
        String winner = totalA > totalB ? "A" : totalB > totalA ? "B" : "tie";
        if (options.judge() == SimOptions.Personality.PREFERENCE) winner = preferred(first, second, rng);
        // Biases take over in a fixed order, each with its own draw: slot first, then length.
        int wordsFirst = words(first), wordsSecond = words(second);
        if (rng.nextDouble() < options.lengthBias() && wordsFirst != wordsSecond) winner = wordsFirst > wordsSecond ? "A" : "B";
        if (rng.nextDouble() < options.positionBias()) winner = "A";
        if (options.judge() == SimOptions.Personality.PREFERENCE) {
            // Scores follow the verdict, so the per-axis statistics see the same judge.
            for (String axis : axes) {
                sa.put(axis.trim(), winner.equals("A") ? 4 : 3);
                sb.put(axis.trim(), winner.equals("B") ? 4 : 3);
            }
        }
        reply.put("winner", winner);
        reply.put("reason", why.isEmpty() ? "The responses are equally good on every axis." : String.join("; ", why) + ".");
        reply.set("scores", scores);
        return reply.toString();
    }

    /** The preference personality: a tie with probability tie_rate, else the marked response with probability preference. */
    private String preferred(String first, String second, SplittableRandom rng) {
        if (rng.nextDouble() < options.tieRate()) return "tie";
        boolean firstMarked = options.prefer().matcher(first).find(), secondMarked = options.prefer().matcher(second).find();
        boolean pick = rng.nextDouble() < (firstMarked != secondMarked ? options.preference() : 0.5);
        boolean firstWins = firstMarked != secondMarked ? (firstMarked == pick) : pick;
        return firstWins ? "A" : "B";
    }

    private static int words(String s) { return s.isBlank() ? 0 : s.strip().split("\\s+").length; }

    private int noisy(int score, SplittableRandom rng) {
        if (rng.nextDouble() < options.noise()) score += rng.nextBoolean() ? 1 : -1;
        return Math.max(1, Math.min(5, score));
    }

    static int score(String axis, String response, String reference, String question) {
        String a = axis.toLowerCase(Locale.ROOT);
        int words = response.isBlank() ? 0 : response.strip().split("\\s+").length;
        if (words == 0) return 1;
        if (a.contains("polic") || a.contains("citation") || a.contains("cite")) {
            if (CITATION.matcher(response).find()) return 5;
            return response.toLowerCase(Locale.ROOT).contains("policy") ? 3 : 1;
        }
        if (a.contains("accura") || a.contains("correct") || a.contains("factual")) {
            if (reference.isBlank()) return 3;
            Set<String> ref = SimGenerator.words(reference);
            Set<String> got = SimGenerator.words(response);
            long hit = ref.stream().filter(got::contains).count();
            double recall = ref.isEmpty() ? 0 : (double) hit / ref.size();
            return recall >= 0.5 ? 5 : recall >= 0.35 ? 4 : recall >= 0.2 ? 3 : recall >= 0.08 ? 2 : 1;
        }
        if (a.contains("name") || a.contains("personal") || a.contains("empathy") || a.contains("tone")) {
            Matcher m = NAME.matcher(question);
            return m.find() && response.contains(m.group(1)) ? 5 : 2;
        }
        if (a.contains("clar") || a.contains("concise") || a.contains("readab")) {
            return words < 8 ? 2 : words <= 90 ? (response.contains("details so I can") ? 3 : 5) : 3;
        }
        return words >= 15 ? 4 : 3;
    }

    static String block(String prompt, String name) {
        String open = "<<<" + name + ">>>";
        String close = "<<<END " + name + ">>>";
        int i = prompt.indexOf(open);
        int j = prompt.indexOf(close, i + 1);
        if (i < 0 || j < 0) return "";
        return prompt.substring(i + open.length(), j).strip();
    }
}
