/**
 * Pure numerics for tournaments of many variants: the Bradley–Terry fit with a position term and ties, the case
 * bootstrap ranking with P(best), the win-rate matrix and the tournament plan; imports only {@code stats}.
 */
package dev.promptarena.stats.tournament;
