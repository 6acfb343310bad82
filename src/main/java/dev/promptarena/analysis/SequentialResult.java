package dev.promptarena.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.promptarena.decision.SequentialRegistration;
import dev.promptarena.stats.Interval;
import dev.promptarena.stats.sequential.SequentialLook;
import java.util.List;

/**
 * The sequential section of a run's analysis (issue 16): the registered design, every look reached so
 * far with its statistic and boundaries (the boundary plot), and at a stop the bias-adjusted estimate.
 * NaN values of the looks are written as null so report.json stays valid JSON.
 *
 * @param registration  the design registered in the manifest
 * @param looks         the looks replayed on the completed prefix of the case order
 * @param status        continue (interim), stopped_efficacy, stopped_harm, stopped_futility, ended (last look, no crossing)
 * @param stopAt        case-order positions covered by the replay (the stop position when stopped)
 * @param overRun       cases finished beyond the stop (in flight at the stop)
 * @param adjustedWinRate median-unbiased win rate at a group-sequential stop, else null
 * @param interval      the repeated confidence interval of the last look (group sequential) or the confidence sequence (anytime)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SequentialResult(SequentialRegistration registration, List<Look> looks, String status, int stopAt, int overRun,
                               Double adjustedWinRate, Interval interval) {
    public SequentialResult {
        looks = List.copyOf(looks);
    }

    /** One look: statistic, boundaries (null where the design has none) and the action. */
    public record Look(int look, long cases, double z, double efficacy, Double harm, Double futility, String action,
                       double winRate, Interval repeated) {
        static Look of(SequentialLook l) {
            return new Look(l.look(), l.cases(), l.z(), l.efficacy(), orNull(l.lower()), orNull(l.futility()),
                    l.action().name().toLowerCase(java.util.Locale.ROOT), l.winRate(), l.repeated());
        }
    }

    static Double orNull(double x) { return Double.isNaN(x) ? null : x; }
}
