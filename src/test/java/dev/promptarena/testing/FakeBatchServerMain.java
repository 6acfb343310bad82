package dev.promptarena.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link FakeBatchServer} as a process, for {@code bench/batch-bench.sh}: writes its port to the file given
 * as the first argument and serves until it is killed, then prints what it received.
 */
public final class FakeBatchServerMain {
    private FakeBatchServerMain() {}

    public static void main(String[] args) throws Exception {
        FakeBatchServer server = new FakeBatchServer();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("fake-batch-server: batches=" + server.creates() + " items=" + server.itemsSubmitted() + " polls="
                    + server.polls() + " sync=" + server.syncCalls());
            server.close();
        }));
        Path portFile = Path.of(args[0]);
        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, server.rootUrl().substring(server.rootUrl().lastIndexOf(':') + 1));
        Files.move(tmp, portFile);
        Thread.currentThread().join();
    }
}
