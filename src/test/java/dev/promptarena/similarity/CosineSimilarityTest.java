package dev.promptarena.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CosineSimilarityTest {
    @Test
    void knownValues() {
        assertEquals(1.0, CosineSimilarity.of(new float[] {1, 2, 3}, new float[] {2, 4, 6}), 1e-12);
        assertEquals(0.0, CosineSimilarity.of(new float[] {1, 0}, new float[] {0, 5}), 1e-12);
        assertEquals(-1.0, CosineSimilarity.of(new float[] {1, 1}, new float[] {-1, -1}), 1e-12);
        // numpy: a=[1,2,3]; b=[4,5,6]; a@b/(norm(a)*norm(b)) = 0.9746318461970762
        assertEquals(0.9746318461970762, CosineSimilarity.of(new float[] {1, 2, 3}, new float[] {4, 5, 6}), 1e-12);
    }

    @Test
    void zeroVectorIsZeroAndDimensionsMustAgree() {
        assertEquals(0.0, CosineSimilarity.of(new float[] {0, 0}, new float[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> CosineSimilarity.of(new float[] {1}, new float[] {1, 2}));
    }
}
