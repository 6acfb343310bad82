/** The call engine: concurrency and rate limits, the one retry layer, journal, response cache, budget and cost. */
package dev.promptarena.engine;
