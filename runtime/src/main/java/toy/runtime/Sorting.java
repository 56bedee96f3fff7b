package toy.runtime;

/**
 * {@code sorted} and {@code list.sort}: stable, comparing only with {@code <}, as Python's sort
 * does, so an unorderable pair raises Toy's TypeError (a JDK sort would instead reject a
 * comparator it finds inconsistent, such as one meeting NaN). Up to 64 items it makes exactly
 * CPython's comparisons (timsort's count_run, then binary insertion: Objects/listobject.c), so
 * the pair named by a TypeError is the one CPython names; longer lists are merge-sorted. With
 * {@code reverse} the items are reversed, sorted and reversed again, as CPython does, which keeps
 * equal items in their original order.
 */
public final class Sorting {
    private Sorting() {
    }

    /**
     * The items in order, a new array. {@code key} is nil or a callable applied to each item
     * once, through {@code caller}, before any comparison.
     */
    public static Object[] sorted(Caller caller, Object[] items, Object key, boolean reverse) {
        Object[] keys = items.clone();
        if (key != Nil.NIL) {
            for (int i = 0; i < items.length; i++) {
                keys[i] = caller.call(key, new Object[] {items[i]});
            }
        }
        int n = items.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = reverse ? n - 1 - i : i;
        }
        if (n < MIN_MERGE) {
            int run = countRun(order, keys);
            binaryInsertion(order, keys, run);
        } else {
            mergeSort(order, new int[n], 0, n, keys);
        }
        Object[] result = new Object[n];
        for (int i = 0; i < n; i++) {
            result[reverse ? n - 1 - i : i] = items[order[i]];
        }
        return result;
    }

    /** CPython's MIN_MERGE: shorter lists are sorted by binary insertion alone. */
    private static final int MIN_MERGE = 64;

    /** The length of the run at the start, made ascending (a strictly descending run is reversed). */
    private static int countRun(int[] a, Object[] keys) {
        int n = a.length;
        if (n < 2) {
            return n;
        }
        int run = 2;
        if (lt(keys[a[1]], keys[a[0]])) {
            while (run < n && lt(keys[a[run]], keys[a[run - 1]])) {
                run++;
            }
            for (int i = 0, j = run - 1; i < j; i++, j--) {
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        } else {
            while (run < n && !lt(keys[a[run]], keys[a[run - 1]])) {
                run++;
            }
        }
        return run;
    }

    /** Inserts a[start..] one by one into the sorted a[..start], after any equal items (stable). */
    private static void binaryInsertion(int[] a, Object[] keys, int start) {
        for (int i = start; i < a.length; i++) {
            int pivot = a[i];
            int lo = 0;
            int hi = i;
            while (lo < hi) {
                int middle = lo + ((hi - lo) >> 1);
                if (lt(keys[pivot], keys[a[middle]])) {
                    hi = middle;
                } else {
                    lo = middle + 1;
                }
            }
            System.arraycopy(a, lo, a, lo + 1, i - lo);
            a[lo] = pivot;
        }
    }

    private static boolean lt(Object a, Object b) {
        return Values.lt(a, b);
    }

    /** The {@code key=} keyword of sorted, list.sort, min and max: the callable, or nil when not given. */
    public static Object key(Keywords keywords) {
        Object key = keywords.get("key");
        return key == null ? Nil.NIL : key;
    }

    /** The {@code reverse=} keyword of sorted and list.sort, by its truth; false when not given. */
    public static boolean reverse(Keywords keywords) {
        Object reverse = keywords.get("reverse");
        return reverse != null && Values.truthy(reverse);
    }

    private static void mergeSort(int[] a, int[] scratch, int from, int to, Object[] keys) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(a, scratch, from, middle, keys);
        mergeSort(a, scratch, middle, to, keys);
        System.arraycopy(a, from, scratch, from, to - from);
        int i = from;
        int j = middle;
        for (int k = from; k < to; k++) {
            // Take from the right run only when its head goes strictly before the left run's head.
            boolean right = i >= middle || j < to && lt(keys[scratch[j]], keys[scratch[i]]);
            a[k] = right ? scratch[j++] : scratch[i++];
        }
    }
}
