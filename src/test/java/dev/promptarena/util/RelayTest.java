package dev.promptarena.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The consumer sees exactly the producer's sequence, and a failure on either side stops both without a hang. */
class RelayTest {
    @Test
    void consumerSeesEveryItemInOrder() {
        for (int n : new int[] {0, 1, 63, 64, 65, 10_000}) { // around the batch size, and many batches through a small queue
            List<Integer> seen = new ArrayList<>();
            Relay.<Integer>run("relay-test", seq -> seq.accept(seen::add), relay -> {
                for (int i = 0; i < n; i++) relay.accept(i);
            });
            assertEquals(n, seen.size());
            for (int i = 0; i < n; i++) assertEquals(i, seen.get(i));
        }
    }

    @Test
    void producerFailureAbortsTheConsumerAndIsRethrown() {
        AtomicReference<Throwable> consumerSaw = new AtomicReference<>();
        List<Integer> seen = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Relay.<Integer>run("relay-test", seq -> {
            try {
                seq.accept(seen::add);
            } catch (Relay.Aborted e) {
                consumerSaw.set(e);
                throw e;
            }
        }, relay -> {
            for (int i = 0; i < 1000; i++) relay.accept(i);
            throw new IllegalStateException("producer broke");
        }));
        assertEquals("producer broke", thrown.getMessage());
        assertTrue(consumerSaw.get() instanceof Relay.Aborted, "the consumer's file must not be committed");
        for (int i = 0; i < seen.size(); i++) assertEquals(i, seen.get(i));
    }

    @Test
    void consumerFailureStopsTheProducerWithTheConsumersReason() {
        UncheckedIOException disk = new UncheckedIOException("cannot write cases.csv", new java.io.IOException("No space left on device"));
        int[] produced = {0};
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> Relay.<Integer>run("relay-test", seq -> seq.accept(i -> {
            if (i == 100) throw disk;
        }), relay -> {
            // A serializer wraps what the tap throws: the consumer's reason still wins.
            try {
                for (int i = 0; i < 1_000_000; i++) {
                    relay.accept(i);
                    produced[0]++;
                }
            } catch (Relay.Aborted e) {
                throw new IllegalStateException("serializer wrapped it", e);
            }
        }));
        assertSame(disk, thrown);
        // Not a race: the consumer marks its failure before it reads on, and the producer can run ahead of its last read
        // by the queue (4 batches of 64) and one batch only, so it stops after a few hundred items whatever the timing.
        assertTrue(produced[0] < 1000, "the producer stopped early: " + produced[0]);
    }

    @Test
    void consumerThatFailsBeforeReadingDoesNotBlockTheProducer() {
        IllegalArgumentException bad = new IllegalArgumentException("cannot open");
        // More items than the queue holds: the producer would block if nobody read on.
        assertSame(bad, assertThrows(IllegalArgumentException.class, () -> Relay.<Integer>run("relay-test", seq -> {
            throw bad;
        }, relay -> {
            for (int i = 0; i < 100_000; i++) relay.accept(i);
        })));
    }
}
