package dev.promptarena.planning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.promptarena.planning.PlanRequest.Kind;
import dev.promptarena.planning.PlanRequest.Metric;
import java.util.List;

/**
 * The smallest effect {@code n} cases detect. The SD fields are present only for the paired metric;
 * {@code mde} is null when nothing is detectable at the asked power.
 *
 * @param what the effect in words, for the text answer
 */
public record MdePlan(Kind kind, double alpha, double power, Metric metric, int n, @JsonInclude(Include.NON_NULL) String pilot,
                      @JsonInclude(Include.NON_NULL) String axis, @JsonInclude(Include.NON_NULL) Integer pilotCases,
                      @JsonInclude(Include.NON_NULL) Double pilotMeanDifference, @JsonInclude(Include.NON_NULL) Double sd,
                      Double mde, @JsonIgnore String what) implements Plan {
    @Override
    public List<String> lines() {
        if (mde == null) return List.of(String.format("With n = %,d no effect is detectable at power %.2f.", n, power));
        return List.of(String.format("With n = %,d (two-sided alpha %.3g, power %.2f) the smallest detectable effect is %s.", n, alpha, power, what));
    }
}
