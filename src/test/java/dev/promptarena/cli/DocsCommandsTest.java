package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every {@code prompt-arena <command> ...} line the documentation shows (README.md and docs/*.md: code blocks and
 * inline code) names a subcommand that exists, only options of that subcommand, and values those options accept,
 * checked against picocli's command spec without running anything. The README's {@code run} options table too.
 */
class DocsCommandsTest {
    /** {@code prompt-arena} (or {@code bin/prompt-arena}) followed by a blank: the start of a shown command. */
    private static final Pattern COMMAND = Pattern.compile("(?<![\\w@.-])(?:[\\w.-]*/)*prompt-arena[ \\t]+(\\S.*)");
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern SUBCOMMAND_WITH_OPTION = Pattern.compile(
            "(run|validate|report|merge|plan|calibrate|label|compare|import|runs|assign|canary|signals|allocate|score) .*--[a-z].*");
    private static final Pattern GITHUB_EXPRESSION = Pattern.compile("\\$\\{\\{[^}]*}}");

    /** One command as a document shows it. */
    record DocCommand(String where, String text) {}

    @Test
    void everyDocumentedCommandOptionAndValueExists() throws IOException {
        List<DocCommand> commands = documentedCommands();
        // The extraction must find what the docs show; a broken extractor would otherwise check nothing.
        assertTrue(commands.size() >= 80, "only " + commands.size() + " commands found in the docs");
        List<String> problems = new ArrayList<>();
        for (DocCommand c : commands) problems.addAll(problems(c));
        assertEquals(List.of(), problems, "commands in the docs that the CLI does not accept");
    }

    @Test
    void everyOptionOfTheReadmeRunTableIsARunOption() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int start = lines.indexOf("`run` options:");
        assertTrue(start >= 0, "README.md has no \"`run` options:\" table");
        List<String> problems = new ArrayList<>();
        int rows = 0;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() && rows > 0) break;
            if (!line.startsWith("| `-")) continue;
            rows++;
            String firstCell = line.substring(1, line.indexOf('|', 1));
            Matcher m = INLINE_CODE.matcher(firstCell);
            while (m.find()) problems.addAll(problems(new DocCommand("README.md:" + (i + 1), "run " + m.group(1))));
        }
        assertTrue(rows >= 15, "only " + rows + " rows in README's run options table");
        assertEquals(List.of(), problems);
    }

    /** README's Quick start: its second command is the test command, and `.ci/run` runs exactly that line. */
    @Test
    void ciRunsTheReadmesTestCommand() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        List<String> blocks = new ArrayList<>();
        boolean inBlock = false;
        for (String line : lines.subList(lines.indexOf("## Quick start"), lines.indexOf("## Commands"))) {
            if (line.startsWith("```")) inBlock = !inBlock;
            else if (inBlock) blocks.add(line.strip());
        }
        assertEquals(2, blocks.size(), "README's Quick start shows two one-line commands: " + blocks);
        assertTrue(blocks.get(0).endsWith("bin/prompt-arena run examples/support-bot.arena.yaml") && Files.exists(Path.of("examples/support-bot.arena.yaml")), blocks.get(0));
        assertTrue(Files.readAllLines(Path.of(".ci/run")).contains(blocks.get(1)), ".ci/run does not run README's test command: " + blocks.get(1));
    }

    /**
     * The other way round: every option a command's --help lists is named in README.md or docs/*.md, where a user looks
     * for what it does (canary plan --routing-key and the --control/--treatment names of assign, canary plan and signals
     * were in --help only). A name counts once written anywhere as {@code --name} (not as the prefix of a longer one).
     */
    @Test
    void everyOptionOfEveryCommandIsNamedInTheDocs() throws IOException {
        StringBuilder docs = new StringBuilder(Files.readString(Path.of("README.md")));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) docs.append('\n').append(Files.readString(f));
        }
        List<String> undocumented = new ArrayList<>();
        int options = undocumentedOptions(tree().getCommandSpec(), docs.toString(), undocumented);
        assertTrue(options >= 100, "only " + options + " options found in the command tree");
        assertEquals(List.of(), undocumented, "options that --help lists and no doc names");
    }

    /** Adds each option of {@code spec} and its subcommands that {@code docs} never names to {@code out}; returns how many options were checked. */
    private static int undocumentedOptions(CommandSpec spec, String docs, List<String> out) {
        int checked = 0;
        for (OptionSpec option : spec.options()) {
            if (option.hidden() || option.usageHelp() || option.versionHelp()) continue;
            checked++;
            boolean named = false;
            for (String name : option.names()) {
                if (name.startsWith("--") && Pattern.compile(Pattern.quote(name) + "(?![\\w-])").matcher(docs).find()) named = true;
            }
            if (!named) out.add(spec.qualifiedName() + " " + option.longestName());
        }
        for (CommandLine sub : spec.subcommands().values()) {
            // help and generate-completion are picocli's own; "help" is also registered under its aliases.
            if (sub.getCommandSpec().parent() == spec && !List.of("help", "generate-completion").contains(sub.getCommandName())) {
                checked += undocumentedOptions(sub.getCommandSpec(), docs, out);
            }
        }
        return checked;
    }

    /** The checker itself: it must catch what this test exists for. */
    @Test
    void flagsAnUnknownSubcommandOptionAndValue() {
        assertEquals(1, problems(new DocCommand("x", "run arena.yaml --no-such-option 3")).size());
        assertEquals(1, problems(new DocCommand("x", "runn arena.yaml")).size());
        assertEquals(1, problems(new DocCommand("x", "assign [IDS] --percent 5 [--scheme user\\|users]")).size());
        assertEquals(1, problems(new DocCommand("x", "plan <proportions|winrate|bayes> --json")).size());
        assertEquals(1, problems(new DocCommand("x", "plan mde --n many")).size());
        assertEquals(1, problems(new DocCommand("x", "label <run-dir> [--strategy uncertain\\|randomly] --out f.csv")).size());
        assertEquals(1, problems(new DocCommand("x", "calibrate <run-dir> --labels h.csv [--rule point\\|lower]")).size());
        assertEquals(1, problems(new DocCommand("x", "plan sequential --spending obrien_fleming [--futility none|pocock|linear]")).size());
        assertEquals(1, problems(new DocCommand("x", "canary check --plan P --windowz W")).size());
        assertEquals(List.of(), problems(new DocCommand("x", "plan paired (--pilot RUN_DIR [--axis NAME] | --sd 0.9) [--mde 0.2]")));
        assertEquals(List.of(), problems(new DocCommand("x", "assign [IDS] --percent P [--scheme user\\|conversation]")));
    }

    static List<DocCommand> documentedCommands() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<DocCommand> out = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            boolean inBlock = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = file + ":" + (i + 1);
                if (line.strip().startsWith("```")) {
                    inBlock = !inBlock;
                    continue;
                }
                if (inBlock) {
                    // A shell line continued with a backslash is one command.
                    while (line.endsWith("\\") && i + 1 < lines.size()) line = line.substring(0, line.length() - 1) + " " + lines.get(++i).strip();
                    Matcher m = COMMAND.matcher(line);
                    if (m.find()) out.add(new DocCommand(where, m.group(1)));
                } else {
                    Matcher code = INLINE_CODE.matcher(line);
                    while (code.find()) {
                        Matcher m = COMMAND.matcher(code.group(1));
                        if (m.find()) out.add(new DocCommand(where, m.group(1)));
                        // Prose often drops the program's name: `run --resume RUN_DIR`, `label --strategy random`.
                        else if (SUBCOMMAND_WITH_OPTION.matcher(code.group(1)).matches()) out.add(new DocCommand(where, code.group(1)));
                    }
                }
            }
        }
        return out;
    }

    /** What is wrong with one shown command (empty when the CLI accepts it as written). */
    static List<String> problems(DocCommand c) {
        List<String> tokens = tokens(c.text());
        List<String> problems = new ArrayList<>();
        String prefix = c.where() + ": `prompt-arena " + c.text().strip() + "`: ";
        CommandSpec spec = tree().getCommandSpec();
        List<String> path = new ArrayList<>();
        int i = 0;
        while (i < tokens.size() && spec.subcommands().containsKey(tokens.get(i))) {
            path.add(tokens.get(i));
            spec = spec.subcommands().get(tokens.get(i++)).getCommandSpec();
        }
        if (path.isEmpty() && !(tokens.isEmpty() || tokens.get(0).startsWith("-"))) {
            problems.add(prefix + "no command " + tokens.get(0));
            return problems;
        }
        List<String> positionals = new ArrayList<>();
        for (; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.startsWith("-") && token.length() > 1 && !token.matches("-[\\d.]+")) {
                String name = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
                OptionSpec option = spec.findOption(name);
                if (option == null) {
                    problems.add(prefix + name + " is not an option of `" + String.join(" ", path) + "`");
                    continue;
                }
                String value = token.contains("=") ? token.substring(token.indexOf('=') + 1)
                        : option.arity().max() > 0 && i + 1 < tokens.size() && !tokens.get(i + 1).startsWith("-") ? tokens.get(++i) : null;
                if (value != null) {
                    for (String alternative : value.split("\\|")) {
                        if (!isPlaceholder(alternative)) accepts(path, List.of(option.longestName(), alternative), prefix, problems);
                    }
                }
            } else {
                int index = positionals.size();
                positionals.add(token);
                PositionalParamSpec param = spec.positionalParameters().stream()
                        .filter(p -> p.index().contains(index)).findFirst().orElse(null);
                String choices = token.startsWith("<") && token.endsWith(">") && token.contains("|") ? token.substring(1, token.length() - 1) : token;
                if (param != null && param.typeInfo().isEnum()) {
                    for (String alternative : choices.split("\\|")) {
                        if (isPlaceholder(alternative)) continue;
                        List<String> args = new ArrayList<>(positionals.subList(0, index));
                        args.add(alternative);
                        accepts(path, args, prefix, problems);
                    }
                }
            }
        }
        return problems;
    }

    /** Whether picocli accepts {@code args} for the subcommand at {@code path}; a required argument left out is fine. */
    private static void accepts(List<String> path, List<String> args, String prefix, List<String> problems) {
        List<String> line = new ArrayList<>(path);
        line.addAll(args);
        try {
            tree().parseArgs(line.toArray(String[]::new));
        } catch (CommandLine.MissingParameterException e) {
            // The docs show the option in question; the others a real call would need are not this check's concern.
        } catch (CommandLine.ParameterException e) {
            problems.add(prefix + String.join(" ", args) + ": " + e.getMessage());
        }
    }

    /** The words of a shown command: shell operators and comments cut off, optional brackets and grouping dropped. */
    static List<String> tokens(String text) {
        String s = GITHUB_EXPRESSION.matcher(text).replaceAll("\\$EXPR").replace("\\|", "|");
        StringBuilder kept = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(') depth++;
            if (ch == ')' && --depth < 0) break;                       // the end of a $(...) or <(...) around the command
            if (ch == '`') break;                                     // the end of inline code inside a comment
            boolean blankBefore = i == 0 || Character.isWhitespace(s.charAt(i - 1));
            if (blankBefore && ch == '#') break;                      // a shell comment
            if (blankBefore && depth == 0 && (ch == '>' || s.startsWith("&&", i) || s.startsWith("| ", i) || ch == ';')) break;
            kept.append(ch);
        }
        List<String> tokens = new ArrayList<>();
        // "a|--b" inside an optional group is two alternatives, each a word; a bare "|" or "..." is no word.
        for (String word : kept.toString().replaceAll("\\|(?=-)", " ").replaceAll("[\\[\\]()]", " ").strip().split("\\s+")) {
            if (!word.isEmpty() && !word.equals("|") && !word.matches("\\.+|…|\\\\")) tokens.add(word);
        }
        return tokens;
    }

    /** A value the docs stand for something else with: {@code N}, {@code FILE}, {@code <run-dir>}, {@code ..}, {@code $VAR}. */
    private static boolean isPlaceholder(String value) {
        return value.isEmpty() || value.contains("<") || value.contains("$") || value.contains("'") || value.contains("\"")
                || value.matches("\\.+|…") || value.matches("[A-Z0-9_/.=,-]*[A-Z][A-Z0-9_/.=,-]*(\\.\\.\\.)?");
    }

    /** Built once: reflecting over every command is most of this test's time, and picocli resets a parse's state. */
    private static final CommandLine TREE = Main.commandTree(
            new Main(Map.of(), new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()), null), null);

    private static CommandLine tree() { return TREE; }
}
