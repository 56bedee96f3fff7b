package toy.runtime;

/**
 * {@code sorted} and {@code list.sort}: a stable merge sort that compares only with {@code <},
 * as Python's sort does, so an unorderable pair raises Toy's TypeError (a JDK sort would
 * instead reject a comparator it finds inconsistent, such as one meeting NaN). With
 * {@code reverse} each comparison is reversed, which keeps equal items in their original order.
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
        Integer[] order = new Integer[items.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Integer[] scratch = new Integer[items.length];
        mergeSort(order, scratch, 0, order.length, keys, reverse);
        Object[] result = new Object[items.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = items[order[i]];
        }
        return result;
    }

    /** The {@code key=} and {@code reverse=} keywords of sorted and list.sort. */
    public static Object key(Keywords keywords) {
        Object key = keywords.get("key");
        return key == null ? Nil.NIL : key;
    }

    public static boolean reverse(Keywords keywords) {
        Object reverse = keywords.get("reverse");
        return reverse != null && Values.truthy(reverse);
    }

    private static void mergeSort(Integer[] a, Integer[] scratch, int from, int to, Object[] keys, boolean reverse) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(a, scratch, from, middle, keys, reverse);
        mergeSort(a, scratch, middle, to, keys, reverse);
        System.arraycopy(a, from, scratch, from, to - from);
        int i = from;
        int j = middle;
        for (int k = from; k < to; k++) {
            // Take from the right run only when its head goes strictly before the left run's head.
            boolean right = i >= middle || j < to && before(keys[scratch[j]], keys[scratch[i]], reverse);
            a[k] = right ? scratch[j++] : scratch[i++];
        }
    }

    private static boolean before(Object a, Object b, boolean reverse) {
        return reverse ? Values.lt(b, a) : Values.lt(a, b);
    }
}
