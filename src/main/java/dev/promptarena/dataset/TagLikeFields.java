package dev.promptarena.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Warns about golden-set fields that look like tags but are read as input fields: a column named
 * {@code labels}, {@code category} or {@code tag} that no template uses would otherwise be carried
 * silently and never become a segment.
 */
public final class TagLikeFields {
    /** Names datasets commonly give their segment columns. */
    private static final Pattern TAG_LIKE = Pattern.compile("(?i)(tag|tags|label|labels|category|categories|segment|segments|topic|topics|difficulty|group|groups|bucket|slice)");

    private TagLikeFields() {}

    /** One warning per tag-like field that no template in {@code used} reads. */
    public static List<String> warnings(Path dataset, List<GoldenCase> cases, Set<String> used) {
        // Sorted: the fields of different cases may come in different orders (one warning list for the whole file).
        Set<String> names = new java.util.TreeSet<>();
        // The names the loader gathered as it scanned the file: no pass over every case again at start-up.
        Set<String> scanned = cases instanceof GoldenSet g ? g.fieldNames() : null;
        if (scanned != null) names.addAll(scanned);
        else for (GoldenCase c : cases) names.addAll(c.fields().keySet());
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (used.contains(name) || !TAG_LIKE.matcher(name).matches()) continue;
            out.add(dataset + ": field '" + name + "' is used by no template and looks like tags, but is read as an input field, not a segment;"
                    + " name it tags (a list, or a CSV column of a;b) or tags." + name.toLowerCase(Locale.ROOT) + " to segment the results by it");
        }
        return out;
    }
}
