package dev.promptarena.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.stats.MeanDifference;
import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} on real (simulated) runs of the bundled examples: the regression rule, flips, check failures, reports. */
class CompareCommandTest {
    private static final Path EXAMPLES = Path.of("examples").toAbsolutePath();
    @TempDir Path dir;

    /** The bundled example with its paths made absolute, optionally edited, run into {@code out}; returns the run folder. */
    private Path run(String example, String from, String to, String out, String... extra) throws IOException {
        String yaml = Files.readString(EXAMPLES.resolve(example));
        if (from != null) {
            assertTrue(yaml.contains(from), from);
            yaml = yaml.replace(from, to);
        }
        yaml = yaml.replace("../", EXAMPLES.getParent() + "/");
        Path config = dir.resolve(out + ".arena.yaml");
        Files.writeString(config, yaml);
        String[] args = Stream.concat(Stream.of("run", config.toString(), "--out", dir.resolve(out).toString(), "-q"), Stream.of(extra)).toArray(String[]::new);
        CliRun r = CliRun.of(args);
        assertTrue(r.exitCode() != 2, r.err());
        try (Stream<Path> s = Files.list(dir.resolve(out))) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    @Test
    void firesOnAWorseCandidateAndListsFlips() throws IOException {
        Path before = run("support-bot.arena.yaml", null, null, "before");
        // B and A swap prompts: B loses the instruction that made it win and A gains it (a clearly worse candidate;
        // with only B's instruction removed the drop is within noise at 34 cases under balanced order).
        String yaml = Files.readString(EXAMPLES.resolve("support-bot.arena.yaml"));
        String aLine = "system: \"Be helpful.\"";
        String bLine = "system: \"Be helpful, cite the relevant return or shipping policy, and use the customer's name from the order context.\"";
        String from = yaml.substring(yaml.indexOf(aLine), yaml.indexOf(bLine) + bLine.length());
        String to = bLine + from.substring(aLine.length(), from.length() - bLine.length()) + aLine;
        Path after = run("support-bot.arena.yaml", from, to, "after");
        CliRun r = CliRun.of("compare", before.toString(), after.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("regression: B's win rate fell by 0.500"), r.out());
        JsonNode json = new ObjectMapper().readTree(after.resolve("compare.json").toFile());
        assertTrue(json.get("regression").asBoolean());
        assertTrue(json.get("paired").asBoolean());
        assertEquals(34, json.get("sharedCases").asInt());
        assertTrue(json.at("/winRate/interval/upper").asDouble() < 0);
        assertEquals("paired-t", json.at("/winRate/interval/method").asText());
        assertEquals(25, json.get("flips").size()); // "flipped: 21 win -> loss, 4 loss -> win"
        String firstFlip = json.at("/flips/0/caseId").asText();
        String firstTo = json.at("/flips/0/to").asText();
        assertEquals("Policy citation", json.at("/axes/1/axis").asText());
        assertTrue(json.at("/axes/1/delta/interval/upper").asDouble() < 0);
        assertTrue(Files.readString(after.resolve("compare.md")).contains("| " + firstFlip + " | "
                + (firstTo.equals("loss") ? "win → loss" : "loss → win") + " |"));
        assertTrue(Files.readString(after.resolve("compare.html")).contains("regression: B&#39;s win rate fell"));

        // Compared in the other order the same cases flip the other way and nothing regressed.
        CliRun back = CliRun.of("compare", after.toString(), before.toString(), "--out", dir.resolve("back").toString());
        assertEquals(0, back.exitCode(), back.out());
        assertTrue(back.out().contains("flipped: 4 win -> loss, 21 loss -> win"), back.out());
    }

    @Test
    void sameRunTwiceAndAnotherOrderSeedAreNoRegression() throws IOException {
        Path one = run("support-bot.arena.yaml", null, null, "one");
        CliRun same = CliRun.of("compare", one.toString(), one.toString(), "--out", dir.resolve("same").toString());
        assertEquals(0, same.exitCode(), same.out());
        assertTrue(same.out().contains("B's win rate: 70.6% -> 70.6% (+0.0 pts"), same.out());
        // An A/A pair of runs: the same arena, another presentation-order seed (a different random order per case).
        Path other = run("support-bot.arena.yaml", null, null, "seed", "--seed", "7");
        CliRun aa = CliRun.of("compare", one.toString(), other.toString());
        assertEquals(0, aa.exitCode(), aa.out());
        assertTrue(aa.out().contains("no regression"), aa.out());
    }

    @Test
    void newCheckFailuresAreListedPerCase() throws IOException {
        Path before = run("support-bot.recorded.arena.yaml", null, null, "rec1");
        // One of B's recorded replies becomes a refusal: the refusal check "answers" newly fails on that case.
        String recorded = Files.readString(EXAMPLES.resolveSibling("golden-sets/support-bot.recorded.jsonl"));
        String first = recorded.lines().findFirst().orElseThrow();
        JsonNode line = new ObjectMapper().readTree(first);
        String edited = ((com.fasterxml.jackson.databind.node.ObjectNode) line).put("output_b", "I'm sorry, but I can't help with that.").toString();
        Path changed = dir.resolve("recorded.jsonl");
        Files.writeString(changed, recorded.replace(first, edited));
        Path after = run("support-bot.recorded.arena.yaml", "../golden-sets/support-bot.recorded.jsonl     # reads output_b",
                changed.toString(), "rec2");
        CliRun r = CliRun.of("compare", before.toString(), after.toString());
        assertTrue(r.out().contains("new failures of answers (B): 1"), r.out());
        JsonNode json = new ObjectMapper().readTree(after.resolve("compare.json").toFile());
        JsonNode answersB = null;
        for (JsonNode c : json.get("checks")) if (c.get("variant").asText().equals("B") && c.get("check").asText().equals("answers")) answersB = c;
        assertEquals(List.of(line.get("id").asText()), List.of(answersB.at("/newlyFailing/0").asText()));
        assertEquals(1, answersB.get("newlyFailing").size());
    }

    @Test
    void reportsEscapeCaseIds() {
        Comparison c = new Comparison("r1", "r2", "arena <b>", true, 2, 0, 0, 0.05, 0.5, 0.5,
                MeanDifference.paired(new double[] {1, 0}, new double[] {1, 0}, 0.05), List.of(),
                List.of(new Comparison.Flip("<img src=x onerror=alert(1)>", "win", "loss")), List.of(), List.of(), List.of(), false, List.of("ok"));
        String html = CompareReports.html(c);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;img src"), html);
        assertFalse(CompareReports.markdown(c).contains("<img"));
    }

    /** HTML escaping leaves ESC and bidi controls as they are: {@code cat compare.html} replayed a case id's terminal sequences. */
    @Test
    void theHtmlPageHoldsNoTerminalOrBidiControlFromACaseId() {
        Comparison c = new Comparison("r1", "r2", "arena\u001B]0;title\u0007", true, 2, 0, 0, 0.05, 0.5, 0.5,
                MeanDifference.paired(new double[] {1, 0}, new double[] {1, 0}, 0.05), List.of(),
                List.of(new Comparison.Flip("c3\u001B[2J\u009B31m\u202Eevil", "win", "loss")), List.of(), List.of(), List.of(), false, List.of("ok"));
        String html = CompareReports.html(c);
        assertFalse(html.matches("(?s).*[\\p{Cc}&&[^\\t\\n\\r]].*|.*[\u0080-\u009F\u202A-\u202E].*"), html);
        assertTrue(html.contains("<td>c331mevil</td>"), html); // a lone U+009B goes, its text stays (TerminalText)
        assertTrue(html.contains("<h1>arena: run 1 r1"), html);
    }
}
