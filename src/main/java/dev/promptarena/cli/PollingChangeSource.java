package dev.promptarena.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CLI's {@link ChangeSource}: compares each file's modification time and size every 300 ms. Polling rather than
 * a WatchService: it works the same on every file system (network mounts and editors that replace the file by
 * renaming included), and a handful of stat calls per poll costs nothing. A change is reported once the files have
 * stayed the same for one more poll, so an editor's save in several writes triggers one run, not two.
 */
final class PollingChangeSource implements ChangeSource {
    private static final long POLL_MILLIS = 300;

    @Override
    public List<Path> awaitChange(List<Path> files) throws InterruptedException {
        Map<Path, String> start = stamps(files);
        Map<Path, String> last = start;
        boolean changed = false;
        while (true) {
            Thread.sleep(POLL_MILLIS);
            Map<Path, String> now = stamps(files);
            if (changed && now.equals(last)) {
                List<Path> out = new ArrayList<>();
                for (Path f : files) if (!now.get(f).equals(start.get(f))) out.add(f);
                if (!out.isEmpty()) return out;
            }
            changed = !now.equals(start);
            last = now;
        }
    }

    private static Map<Path, String> stamps(List<Path> files) {
        Map<Path, String> out = new HashMap<>();
        for (Path f : files) {
            try {
                out.put(f, Files.getLastModifiedTime(f).toMillis() + ":" + Files.size(f));
            } catch (IOException e) {
                out.put(f, "missing"); // deleted or being replaced: its return counts as a change
            }
        }
        return out;
    }
}
