package dev.promptarena.cli;

import dev.promptarena.util.TerminalText;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How a bad command line is reported, exit 2. A value the command could not use (not a number, out of range, two
 * options that exclude each other) is one line naming the option and the value: the usage text after it would only
 * bury that line. An unknown option, a stray argument or a missing one gets picocli's suggestions or the usage,
 * because there the user is unsure what the command takes.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        // The message may quote what was typed: no terminal control sequences.
        err.println("error: " + TerminalText.plain(String.valueOf(e.getMessage())));
        if (showsUsage(e) && !UnmatchedArgumentException.printSuggestions(e, err)) command.usage(err);
        err.flush();
        return ExitCode.USAGE_OR_INPUT.code();
    }

    /** Whether the user needs to see what the command takes: an argument it does not know, or one it lacks. */
    static boolean showsUsage(ParameterException e) {
        return e instanceof UnmatchedArgumentException || e instanceof MissingParameterException;
    }
}
