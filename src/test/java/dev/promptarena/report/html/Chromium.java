package dev.promptarena.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, driven from the command line (no downloads, no WebDriver). Each call
 * uses a fresh profile directory and flags that keep the browser off the network.
 */
final class Chromium {
    private final Path binary;

    private Chromium(Path binary) { this.binary = binary; }

    /**
     * Finds chromium; without it the caller's test is skipped with a message, except in CI
     * (the CI variable is set), where a missing browser fails the build instead of hiding the check.
     */
    static Chromium require() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) return new Chromium(p);
        }
        String message = "headless Chromium not found at /usr/bin/chromium (install Debian's chromium package: apt-get install -y chromium)";
        if (System.getenv("CI") != null) Assertions.fail(message + "; CI is set, so the browser check must run");
        Assumptions.abort(message + "; skipping the real-browser check of report.html");
        throw new AssertionError("unreachable");
    }

    /** The DOM after the page's scripts ran. */
    String dumpDom(Path html, Path work) throws IOException, InterruptedException {
        return run(work, "--dump-dom", "--virtual-time-budget=5000", html.toUri().toString());
    }

    /** The DOM after the page's scripts ran in a window {@code width} CSS pixels wide (layout checks). */
    String dumpDom(Path html, Path work, int width) throws IOException, InterruptedException {
        return run(work, "--dump-dom", "--window-size=" + width + ",1000", "--hide-scrollbars", "--virtual-time-budget=5000", html.toUri().toString());
    }

    /** Saves a PNG screenshot of the page. */
    void screenshot(Path html, Path png, Path work) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(work, "--screenshot=" + png.toAbsolutePath(), "--window-size=1280,2000", "--hide-scrollbars",
                "--virtual-time-budget=5000", html.toUri().toString());
    }

    private String run(Path work, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Path out = work.resolve("chromium-" + System.nanoTime() + ".out");
        Path err = work.resolve("chromium-" + System.nanoTime() + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // A guard against a hung browser, not a performance assertion.
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            Assertions.fail("chromium did not finish: " + Files.readString(err, StandardCharsets.UTF_8));
        }
        Assertions.assertEquals(0, p.exitValue(), () -> "chromium failed: " + readQuietly(err));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
