package dev.promptarena.config;

import dev.promptarena.stats.tournament.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A tournament: more than the two variants A and B, one of them the control ({@code control: true}), and the
 * schedule of pairs judged on each case. Variants keep their config names as slots; a pairing runs them in the
 * two-variant roles A and B ({@link #asRole}).
 *
 * @param variants every variant, the control first, the rest in config order
 * @param schedule which pairs are judged
 * @param adaptive the adaptive schedule's settings, non-null exactly when {@code schedule} is adaptive
 */
public record TournamentConfig(List<VariantConfig> variants, Schedule schedule, AdaptiveSchedule adaptive) {
    public TournamentConfig {
        variants = List.copyOf(variants);
        Objects.requireNonNull(schedule, "schedule");
        if (variants.size() < 2) throw new IllegalArgumentException("a tournament needs at least 2 variants, got " + variants.size());
        if ((schedule == Schedule.ADAPTIVE) != (adaptive != null)) throw new IllegalArgumentException("adaptive settings go with schedule adaptive only");
    }

    /** A fixed (non-adaptive) schedule. */
    public TournamentConfig(List<VariantConfig> variants, Schedule schedule) {
        this(variants, schedule, schedule == Schedule.ADAPTIVE ? AdaptiveSchedule.DEFAULT : null);
    }

    public VariantConfig control() { return variants.get(0); }

    public List<String> names() { return variants.stream().map(VariantConfig::name).toList(); }

    /**
     * The scheduled pairings, each {@code {a, b}} with a &lt; b (so the control is always in the A role); for the adaptive
     * schedule the round robin of its first pass (the candidate pairs on the first-pass cases only).
     */
    public List<int[]> pairings() { return new ArrayList<>(List.of(schedule.pairs(variants.size()))); }

    /** Variant {@code v} in the two-variant role {@code slot} ("A" or "B"), for one pairing's runner. */
    public static VariantConfig asRole(VariantConfig v, String slot) {
        return new VariantConfig(slot, v.name(), v.provider(), v.model(), v.system(), v.userTemplate(), v.decoding(), v.overridden(),
                v.responses());
    }
}
