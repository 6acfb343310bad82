/** Small helpers with no project dependencies: concurrency, and a primitive hash table for indexes that must stay flat in memory. */
package dev.promptarena.util;
