package dev.promptarena.engine;

import dev.promptarena.llm.Usage;

/** Turns a model's token usage into US dollars. */
public interface CostModel {
    double cost(String model, Usage usage);

    /** A cost model for when prices are unknown: everything costs 0. */
    CostModel FREE = (model, usage) -> 0.0;
}
