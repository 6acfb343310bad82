package dev.promptarena.report.html;

import dev.promptarena.decision.Decision;
import dev.promptarena.report.Fmt;
import dev.promptarena.run.Manifest;
import java.util.List;
import java.util.Locale;

/**
 * The decision banner.
 *
 * @param outcome       PASS, FAIL, INCONCLUSIVE or RUN_ERROR
 * @param cssClass      colour class
 * @param exitCode      the process exit code CI sees
 * @param claim         "superiority: B's win rate above 50.0% (α = 0.05)"
 * @param reasons       the decision's reasons
 * @param casesNeeded   for INCONCLUSIVE: roughly how many judged cases a decisive answer needs, or null
 * @param partial       the run stopped early
 * @param partialReason why
 * @param role          "primary"
 */
public record BannerView(String outcome, String cssClass, int exitCode, String claim, List<String> reasons,
                         Integer casesNeeded, boolean partial, String partialReason, String role) {

    static BannerView of(Decision d, Manifest m, double alpha) {
        String test = d.test().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String claim = test + ": the lower bound of B's win-rate interval must clear " + Fmt.pct(d.threshold())
                + " (α = " + Fmt.num(alpha, 2) + ")";
        // The mapping mirrors cli.ExitCode; report/ must not depend on cli/, and the banner states it for readers.
        int exit = switch (d.outcome()) { case PASS -> 0; case FAIL -> 1; case INCONCLUSIVE -> 3; case RUN_ERROR -> 4; };
        return new BannerView(d.outcome().name(), d.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'), exit, claim,
                d.reasons(), d.casesNeeded(), m.partial(), m.partialReason(), Fmt.role(d.role()));
    }
}
