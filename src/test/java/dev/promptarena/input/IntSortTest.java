package dev.promptarena.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntSortTest {
    @Test
    void sortsAsArraysSortDoesBoxedIncludingTheOrderOfTies() {
        Random random = new Random(3);
        for (int size : new int[] {0, 1, 2, 15, 16, 17, 100, 1000, 4097}) {
            for (int range : new int[] {3, 1000}) { // few distinct keys: many ties, whose order is the input order
                int[] keys = random.ints(size, 0, range).toArray();
                int[] positions = new int[size];
                for (int i = 0; i < size; i++) positions[i] = (i * 7919) % Math.max(1, size); // a permutation, not sorted
                Integer[] boxed = Arrays.stream(positions).boxed().toArray(Integer[]::new);
                Arrays.sort(boxed, Comparator.comparingInt(p -> keys[p])); // stable (TimSort)
                int[] sorted = positions.clone();
                IntSort.sort(sorted, 0, size, (a, b) -> Integer.compare(keys[a], keys[b]));
                assertArrayEquals(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray(), sorted, "size " + size + ", range " + range);
            }
        }
    }

    @Test
    void sortsOnlyTheRangeGiven() {
        int[] a = {9, 5, 4, 3, 8, 0};
        IntSort.sort(a, 1, 4, Integer::compare);
        assertArrayEquals(new int[] {9, 3, 4, 5, 8, 0}, a);
    }
}
