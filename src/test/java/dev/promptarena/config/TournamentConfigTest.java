package dev.promptarena.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.input.InputException;
import dev.promptarena.stats.tournament.Schedule;
import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tournament form of variants: (named variants, one control, a schedule) and its errors (file:line: field, exit 2). */
class TournamentConfigTest {
    @TempDir Path dir;

    private static final String HEAD = """
            name: t
            dataset: cases.jsonl
            rubric: rubric.yaml
            providers:
              sim: {type: sim}
            judge: {provider: sim, model: j, seed: 9}
            """;

    private Path write(String yaml) throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"1\",\"q\":\"hi\"}\n");
        Files.writeString(dir.resolve("rubric.yaml"), "axes: []\n");
        Path p = dir.resolve("arena.yaml");
        Files.writeString(p, HEAD + yaml);
        return p;
    }

    private ArenaConfig load(String yaml) throws IOException { return new ConfigLoader(Map.of()).load(write(yaml)); }

    private InputException error(String yaml) throws IOException {
        Path p = write(yaml);
        return assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p));
    }

    @Test
    void theAdaptiveScheduleTakesAFirstPassShareOrCountAndAnExtraBudget() throws IOException {
        String variants = """
                variants:
                  x: {control: true, provider: sim, model: m, user: "{{q}}"}
                  y: {provider: sim, model: m, user: "{{q}}"}
                  z: {provider: sim, model: m, user: "{{q}}"}
                  w: {provider: sim, model: m, user: "{{q}}"}
                """;
        TournamentConfig d = load(variants + "tournament: {schedule: adaptive}\n").tournament();
        assertEquals(Schedule.ADAPTIVE, d.schedule());
        assertEquals(AdaptiveSchedule.DEFAULT, d.adaptive());
        assertEquals(6, d.pairings().size(), "the first pass is a round robin");
        assertEquals(50, d.adaptive().firstPassCases(100));
        assertEquals(2, d.adaptive().firstPassCases(3), "at least 2 cases");
        // Default budget: half what the round robin would judge on the other cases (3 candidate pairs x 50 cases / 2).
        assertEquals(75, d.adaptive().extraJudgings(50, 3));

        TournamentConfig c = load(variants + "tournament: {schedule: adaptive, first_pass: 30, extra_pairs: 500}\n").tournament();
        assertEquals(30, c.adaptive().firstPassCases(100));
        assertEquals(210, c.adaptive().extraJudgings(70, 3), "capped at one judging per pair and remaining case");
        assertEquals(40, load(variants + "tournament: {schedule: adaptive, first_pass: 0.4, extra_pairs: 40}\n").tournament().adaptive()
                .extraJudgings(60, 3));
    }

    @Test
    void namedVariantsWithAControlMakeATournamentWithTheControlFirst() throws IOException {
        ArenaConfig c = load("""
                variants:
                  short: {provider: sim, model: m, user: "{{q}}", decoding: {temperature: 0.5}}
                  prod: {control: true, provider: sim, model: m, system: "Be helpful.", user: "{{q}}"}
                  long: {provider: sim, model: m2, user: "{{q}}"}
                tournament: {schedule: round_robin}
                """);
        TournamentConfig t = c.tournament();
        assertEquals(List.of("prod", "short", "long"), t.names());
        assertEquals(Schedule.ROUND_ROBIN, t.schedule());
        assertEquals(3, t.pairings().size());
        assertEquals("prod", c.a().name(), "A stands for the control");
        assertEquals("short", c.b().name());
        assertEquals(0.5, t.variants().get(1).decoding().temperature());
        assertEquals(List.of("temperature"), t.variants().get(1).overridden());
    }

    @Test
    void theScheduleDefaultsToEachCandidateAgainstTheControl() throws IOException {
        ArenaConfig c = load("""
                variants:
                  prod: {control: true, provider: sim, model: m, user: "{{q}}"}
                  x: {provider: sim, model: m, user: "x {{q}}"}
                  y: {provider: sim, model: m, user: "y {{q}}"}
                """);
        assertEquals(Schedule.VS_CONTROL, c.tournament().schedule());
        assertEquals(2, c.tournament().pairings().size());
        c.tournament().pairings().forEach(p -> assertEquals(0, p[0], "every vs_control pairing has the control in the A role"));
    }

    @Test
    void anABConfigStaysTheTwoVariantConfigAndRejectsControl() throws IOException {
        ArenaConfig c = load("""
                variants:
                  A: {provider: sim, model: m, user: "{{q}}"}
                  B: {provider: sim, model: m, user: "{{q}}!"}
                """);
        assertNull(c.tournament());
        InputException e = error("""
                variants:
                  A: {control: true, provider: sim, model: m, user: "{{q}}"}
                  B: {provider: sim, model: m, user: "{{q}}!"}
                """);
        assertTrue(e.describe().contains("control"), e.describe());
    }

    @Test
    void errorsNameFileLineAndField() throws IOException {
        InputException none = error("""
                variants:
                  x: {provider: sim, model: m, user: "{{q}}"}
                  y: {provider: sim, model: m, user: "{{q}}"}
                """);
        assertEquals(8, none.line());
        assertEquals("variants", none.field());
        assertTrue(none.getMessage().contains("control: true"), none.getMessage());

        InputException two = error("""
                variants:
                  x: {control: true, provider: sim, model: m, user: "{{q}}"}
                  y: {control: true, provider: sim, model: m, user: "{{q}}"}
                """);
        assertEquals(9, two.line());
        assertEquals("variants.y.control", two.field());
        assertTrue(two.getMessage().contains("'x' already is"), two.getMessage());

        InputException share = error("""
                variants:
                  x: {control: true, provider: sim, model: m, user: "{{q}}"}
                  y: {provider: sim, model: m, user: "{{q}}"}
                tournament: {schedule: adaptive, first_pass: 1.5}
                """);
        assertEquals(10, share.line());
        assertEquals("tournament.first_pass", share.field());
        assertTrue(share.getMessage().contains("a share of the cases (between 0 and 1"), share.getMessage());

        InputException extra = error("""
                variants:
                  x: {control: true, provider: sim, model: m, user: "{{q}}"}
                  y: {provider: sim, model: m, user: "{{q}}"}
                tournament: {schedule: adaptive, extra_pairs: -3}
                """);
        assertEquals("tournament.extra_pairs", extra.field());

        InputException notAdaptive = error("""
                variants:
                  x: {control: true, provider: sim, model: m, user: "{{q}}"}
                  y: {provider: sim, model: m, user: "{{q}}"}
                tournament: {schedule: round_robin, first_pass: 0.5}
                """);
        assertEquals("tournament.first_pass", notAdaptive.field());
        assertTrue(notAdaptive.getMessage().contains("schedule: adaptive only"), notAdaptive.getMessage());

        InputException typo = error("""
                variants:
                  x: {control: true, provider: sim, model: m, user: "{{q}}"}
                  y: {provider: sim, model: m, user: "{{q}}"}
                tournament: {schedule: round_robbin}
                """);
        assertTrue(typo.getMessage().contains("did you mean 'round_robin'"), typo.getMessage());

        InputException one = error("""
                variants:
                  x: {control: true, provider: sim, model: m, user: "{{q}}"}
                tournament: {schedule: vs_control}
                """);
        assertTrue(one.getMessage().contains("at least 2 variants"), one.getMessage());

        InputException recorded = error("""
                variants:
                  x: {control: true, provider: sim, model: m, user: "{{q}}"}
                  y: {responses: cases.jsonl}
                """);
        assertEquals("variants.y.responses", recorded.field());

        InputException unknownProvider = error("""
                variants:
                  x: {control: true, provider: sim, model: m, user: "{{q}}"}
                  y: {provider: simm, model: m, user: "{{q}}"}
                """);
        assertEquals("variants.y.provider", unknownProvider.field());
    }

    @Test
    void theCliExitsTwoWithTheLocationAndCreatesNothing() throws IOException {
        Path cfg = write("""
                variants:
                  x: {control: true, provider: sim, model: m, user: "{{q}}"}
                  y: {control: true, provider: sim, model: m, user: "{{q}}"}
                """);
        CliRun run = CliRun.of("run", cfg.toString(), "--out", dir.resolve("out").toString(), "-q");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(cfg + ":9: variants.y.control: only one variant can be the control"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aTemplateFieldMissingFromACaseIsCaughtForEveryVariant() throws IOException {
        Path cfg = write("""
                variants:
                  x: {control: true, provider: sim, model: m, user: "{{q}}"}
                  y: {provider: sim, model: m, user: "{{q}}"}
                  z: {provider: sim, model: m, user: "{{missing}}"}
                """);
        Files.writeString(dir.resolve("rubric.yaml"), dev.promptarena.testing.ArenaFixture.RUBRIC);
        CliRun run = CliRun.of("run", cfg.toString(), "--dry-run");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("variant z's user template"), run.err());
    }

    @Test
    void humanLabelsAreRefusedForATournamentRatherThanIgnored() throws IOException {
        Path cfg = write("""
                variants:
                  x: {control: true, provider: sim, model: m, user: "{{q}}"}
                  y: {provider: sim, model: m, user: "{{q}}"}
                """);
        Files.writeString(dir.resolve("rubric.yaml"), dev.promptarena.testing.ArenaFixture.RUBRIC);
        Path labels = Files.writeString(dir.resolve("human.csv"), "case_id,label\n1,A\n");
        CliRun run = CliRun.of("run", cfg.toString(), "--out", dir.resolve("out").toString(), "-q", "--labels", labels.toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--labels: human-corrected estimates are not computed for a tournament yet"), run.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing is created");
    }
}
