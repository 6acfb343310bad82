/** Small concurrency helpers with no project dependencies. */
package dev.promptarena.util;
