package dev.promptarena.input;

/**
 * A stable sort of {@code int[]} (positions, unit numbers) by a comparator, which {@code Arrays.sort} offers only for
 * object arrays: sorting a million positions as {@code Integer[]} boxes each one (about 20 bytes a position while it
 * sorts), which at a million cases was most of what a run allocated before its first call.
 */
public final class IntSort {
    /** Compares two ints (as {@link java.util.Comparator} does objects). */
    @FunctionalInterface
    public interface IntComparator {
        int compare(int a, int b);
    }

    private static final int INSERTION = 16;

    private IntSort() {}

    /** Sorts {@code a[from, to)} by {@code cmp}; equal elements keep their order (a merge sort). */
    public static void sort(int[] a, int from, int to, IntComparator cmp) {
        if (to - from < 2) return;
        mergeSort(a, new int[(to - from + 1) / 2], from, to, cmp);
    }

    private static void mergeSort(int[] a, int[] left, int from, int to, IntComparator cmp) {
        if (to - from <= INSERTION) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                int j = i;
                while (j > from && cmp.compare(a[j - 1], x) > 0) a[j] = a[--j];
                a[j] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, left, from, mid, cmp);
        mergeSort(a, left, mid, to, cmp);
        if (cmp.compare(a[mid - 1], a[mid]) <= 0) return;
        int n = mid - from;
        System.arraycopy(a, from, left, 0, n);
        int i = 0, j = mid, k = from;
        // Ties take the left element first: stable.
        while (i < n && j < to) a[k++] = cmp.compare(a[j], left[i]) < 0 ? a[j++] : left[i++];
        while (i < n) a[k++] = left[i++];
    }
}
