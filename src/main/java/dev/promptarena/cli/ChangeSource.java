package dev.promptarena.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * Tells {@code run --watch} when one of the arena's input files changed. The CLI polls the files; tests inject a
 * scripted source, so the watch loop is tested without sleeping or timing.
 */
@FunctionalInterface
public interface ChangeSource {
    /**
     * Blocks until one of {@code files} changed.
     *
     * @return the files that changed, or an empty list to stop watching
     */
    List<Path> awaitChange(List<Path> files) throws InterruptedException;
}
