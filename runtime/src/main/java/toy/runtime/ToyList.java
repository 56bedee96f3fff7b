package toy.runtime;

import java.util.Arrays;

/**
 * Toy's list: a growable array. Every method that reads or changes it does so in one atomic
 * step: under a GIL the GIL makes it so, without one ({@link ContainerLocks#required()}) the
 * method locks the list's monitor, so threads running in parallel never see it torn; work of
 * several steps (printing, comparing, concatenating) runs on a {@link #toArray()} snapshot
 * instead of holding the lock, so that two lists never lock each other. Each public method is
 * a check of that flag and a call of its private {@code ...Now} body, plain or under the lock.
 */
public final class ToyList implements ToyObject {
    /** The JVM's limit on an array's length. */
    private static final long MAX_LENGTH = Integer.MAX_VALUE - 8;

    /**
     * The items of a list being sorted: any change allocates another array (as CPython's
     * allocated = -1 is reset by one), which is how {@link #endSort} finds it.
     */
    private static final Object[] SORTING = new Object[0];

    private Object[] items;
    private int size;

    public ToyList() {
        items = new Object[8];
    }

    private ToyList(Object[] items, int size) {
        this.items = items;
        this.size = size;
    }

    /** A new list holding these values (copied). */
    public static ToyList of(Object... values) {
        return new ToyList(values.clone(), values.length);
    }

    public int size() {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return sizeNow();
            }
        }
        return sizeNow();
    }

    private int sizeNow() {
        return size;
    }

    /** The item at index, counting from the end when negative, as {@code xs[i]}. */
    public Object get(int index) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return getNow(index);
            }
        }
        return getNow(index);
    }

    private Object getNow(int index) {
        return items[position(index, "list index out of range")];
    }

    /** {@code xs[i] = value}, counting from the end when index is negative. */
    public void set(int index, Object value) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                setNow(index, value);
                return;
            }
        }
        setNow(index, value);
    }

    private void setNow(int index, Object value) {
        items[position(index, "list assignment index out of range")] = value;
    }

    public void add(Object value) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                addNow(value);
                return;
            }
        }
        addNow(value);
    }

    private void addNow(Object value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, Math.max(8, items.length + (items.length >> 1)));
        }
        items[size++] = value;
    }

    /** Python's {@code insert}: a negative index counts from the end; out-of-range indexes clamp. */
    public void insert(int index, Object value) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                insertNow(index, value);
                return;
            }
        }
        insertNow(index, value);
    }

    private void insertNow(int index, Object value) {
        int at = (int) Indexing.clamp(index, size);
        addNow(value);
        System.arraycopy(items, at, items, at + 1, size - 1 - at);
        items[at] = value;
    }

    public Object pop() {
        return pop(-1);
    }

    /** Removes and returns the item at index (negative counts from the end). */
    public Object pop(int index) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return popNow(index);
            }
        }
        return popNow(index);
    }

    private Object popNow(int index) {
        if (size == 0) {
            throw ToyError.indexError("pop from empty list");
        }
        int at = position(index, "pop index out of range");
        Object value = items[at];
        System.arraycopy(items, at + 1, items, at, size - 1 - at);
        items[--size] = null;
        return value;
    }

    /** A snapshot of the items. */
    public Object[] toArray() {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return toArrayNow();
            }
        }
        return toArrayNow();
    }

    private Object[] toArrayNow() {
        return Arrays.copyOf(items, size);
    }

    /** {@code xs[lo:hi]} with Python's clamping; pass 0 and Long.MAX_VALUE for a bound left out. */
    public ToyList slice(long lo, long hi) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return sliceNow(lo, hi);
            }
        }
        return sliceNow(lo, hi);
    }

    private ToyList sliceNow(long lo, long hi) {
        int from = (int) Indexing.clamp(lo, size);
        int to = Math.max(from, (int) Indexing.clamp(hi, size));
        return new ToyList(Arrays.copyOfRange(items, from, to), to - from);
    }

    /** {@code this + other}, a new list. */
    public ToyList concat(ToyList other) {
        Object[] a = toArray();
        Object[] b = other.toArray();
        if ((long) a.length + b.length > MAX_LENGTH) {
            throw ToyError.overflowError("concatenated list is too long");
        }
        Object[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return new ToyList(all, all.length);
    }

    /** {@code this * times}, a new list; empty when times is 0 or less. */
    public ToyList repeat(long times) {
        Object[] a = toArray();
        if (times <= 0 || a.length == 0) {
            return new ToyList();
        }
        if (times > MAX_LENGTH / a.length) {
            throw ToyError.overflowError("repeated list is too long");
        }
        Object[] all = repeated(Arrays.copyOf(a, (int) (a.length * times)), a.length);
        return new ToyList(all, all.length);
    }

    /**
     * {@code all} with its first {@code filled} items repeated to its end, by doubling what is
     * filled so far: about log2(times) copies instead of one per repeat, which for
     * {@code [x] * 1_000_000} was a million calls of arraycopy, run cold at first.
     */
    private static Object[] repeated(Object[] all, int filled) {
        while (filled < all.length) {
            int copied = Math.min(filled, all.length - filled);
            System.arraycopy(all, 0, all, filled, copied);
            filled += copied;
        }
        return all;
    }

    /**
     * {@code xs *= times}: this list repeated in place, as Python's {@code list.__imul__}, in
     * one step (one lock without the GIL) and one array; emptied when times is 0 or less.
     */
    public void repeatInPlace(long times) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                repeatInPlaceNow(times);
                return;
            }
        }
        repeatInPlaceNow(times);
    }

    private void repeatInPlaceNow(long times) {
        if (times <= 0) {
            clearNow();
            return;
        }
        if (size == 0 || times == 1) {
            return;
        }
        if (times > MAX_LENGTH / size) {
            throw ToyError.overflowError("repeated list is too long");
        }
        // A new array, even when the old one has room: a list being sorted finds its change so.
        items = repeated(Arrays.copyOf(items, (int) (size * times)), size);
        size = items.length;
    }

    /** {@code xs.extend(items)} and {@code xs += items}: appends every item of an iterable (itself included, once). */
    public void extend(Object iterable) {
        Object[] more = iterable instanceof ToyList other ? other.toArray() : drain(Iteration.iterator(iterable));
        if (ContainerLocks.required()) {
            synchronized (this) {
                appendAllNow(more);
                return;
            }
        }
        appendAllNow(more);
    }

    private void appendAllNow(Object[] more) {
        if ((long) size + more.length > MAX_LENGTH) {
            throw ToyError.overflowError("list is too long");
        }
        if (size + more.length > items.length) {
            items = Arrays.copyOf(items, Math.max(size + more.length, items.length + (items.length >> 1)));
        }
        System.arraycopy(more, 0, items, size, more.length);
        size += more.length;
    }

    private static Object[] drain(ToyIterator it) {
        ToyList all = new ToyList();
        while (it.hasNext()) {
            all.add(it.next());
        }
        return all.toArray();
    }

    /** The index of the first item equal to x, or -1; compares without holding the lock. */
    int indexOf(Object x) {
        return indexOf(x, 0);
    }

    /** The index of the first item equal to x at or after {@code from}, or -1. */
    int indexOf(Object x, int from) {
        Object item;
        for (int i = from; (item = itemOrNull(i)) != null; i++) {
            if (item == x || Values.equal(item, x)) {
                return i;
            }
        }
        return -1;
    }

    /** Removes the item at index if it is still {@code expected} (another thread may have changed the list). */
    boolean removeAt(int index, Object expected) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return removeAtNow(index, expected);
            }
        }
        return removeAtNow(index, expected);
    }

    private boolean removeAtNow(int index, Object expected) {
        if (index >= size || !(items[index] == expected || Values.equal(items[index], expected))) {
            return false;
        }
        System.arraycopy(items, index + 1, items, index, size - 1 - index);
        items[--size] = null;
        return true;
    }

    /** Replaces every item at once (shuffle). */
    void replaceAll(Object[] values) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                replaceAllNow(values);
                return;
            }
        }
        replaceAllNow(values);
    }

    private void replaceAllNow(Object[] values) {
        if (values.length == 0) {
            clearNow();
            return;
        }
        items = values.clone();
        size = values.length;
    }

    /**
     * The items, which list.sort then sorts, the list left empty meanwhile, as CPython's
     * list_sort_impl leaves it: a key function, or another thread, that looks at the list sees
     * it empty, and what it changes there is found and dropped by {@link #endSort}.
     */
    Object[] beginSort() {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return beginSortNow();
            }
        }
        return beginSortNow();
    }

    private Object[] beginSortNow() {
        Object[] taken = Arrays.copyOf(items, size);
        if (size > 0) {
            items = SORTING;
            size = 0;
        }
        return taken;
    }

    /**
     * Puts back the items taken by {@link #beginSort} (sorted, or as they were when the sort
     * failed) in place of whatever the list holds, and says whether something changed the
     * list meanwhile. Sorting an empty list runs no code, so nothing can. The list keeps the
     * array.
     */
    boolean endSort(Object[] values) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return endSortNow(values);
            }
        }
        return endSortNow(values);
    }

    private boolean endSortNow(Object[] values) {
        if (values.length == 0) {
            return false;
        }
        boolean modified = items != SORTING;
        items = values;
        size = values.length;
        return modified;
    }

    void reverse() {
        if (ContainerLocks.required()) {
            synchronized (this) {
                reverseNow();
                return;
            }
        }
        reverseNow();
    }

    private void reverseNow() {
        for (int i = 0, j = size - 1; i < j; i++, j--) {
            Object t = items[i];
            items[i] = items[j];
            items[j] = t;
        }
    }

    public void clear() {
        if (ContainerLocks.required()) {
            synchronized (this) {
                clearNow();
                return;
            }
        }
        clearNow();
    }

    private void clearNow() {
        // Clearing a list being sorted changes nothing: it is empty already (CPython's list_clear).
        if (items != SORTING) {
            items = new Object[8];
        }
        size = 0;
    }

    /** The item at a non-negative index, or Java null past the end: one atomic step for iterators. */
    Object itemOrNull(int index) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return itemOrNullNow(index);
            }
        }
        return itemOrNullNow(index);
    }

    private Object itemOrNullNow(int index) {
        return index < size ? items[index] : null;
    }

    /** {@code item in this}, comparing without holding the lock (an item may be another list). */
    boolean containsItem(Object item) {
        Object x;
        for (int i = 0; (x = itemOrNull(i)) != null; i++) {
            if (x == item || Values.equal(x, item)) {
                return true;
            }
        }
        return false;
    }

    private int position(int index, String message) {
        long at = index < 0 ? (long) index + size : index;
        if (at < 0 || at >= size) {
            throw ToyError.indexError(message);
        }
        return (int) at;
    }

    @Override
    public String typeName() {
        return "list";
    }

    @Override
    public String str() {
        return Values.str(this);
    }
}
