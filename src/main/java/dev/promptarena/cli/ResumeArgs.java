package dev.promptarena.cli;

import java.util.List;

/** Edits a recorded command line, so what a resume changed is what the next resume sees. */
final class ResumeArgs {
    private ResumeArgs() {}

    /** Removes every {@code option value} and {@code option=value} from {@code args}, then appends {@code option value}. */
    static void replaceOption(List<String> args, String option, String value) {
        for (int i = 0; i < args.size(); ) {
            String a = args.get(i);
            if (a.equals(option)) {
                args.remove(i);
                if (i < args.size()) args.remove(i);
            } else if (a.startsWith(option + "=")) {
                args.remove(i);
            } else {
                i++;
            }
        }
        args.add(option);
        args.add(value);
    }
}
