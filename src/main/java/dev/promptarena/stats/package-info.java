/** Pure numerics: intervals, tests, bootstraps, effect sizes and agreement statistics; imports no other project package. */
package dev.promptarena.stats;
