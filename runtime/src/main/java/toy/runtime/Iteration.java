package toy.runtime;

import java.util.NoSuchElementException;

/** Iterators for {@code for}: list, str, map (its keys) and range. */
public final class Iteration {
    private Iteration() {
    }

    /**
     * Every kind of {@link ToyIterator}, loaded with this class, that is, the first time a
     * program iterates ({@code for}, {@code list(x)}, {@code sorted}, ...). While only one kind is loaded, HotSpot compiles the calls of {@code hasNext}
     * and {@code next} as calls of that kind (class hierarchy analysis, with a dependency on no
     * other being loaded); the first loop over another kind then throws away every compiled
     * method that did so, and fails a compile under way ("concurrent class loading"). That
     * happened in {@code sieve}, {@code strings} and {@code words} of {@code samples/bench}, each
     * a loop over a range and then one over a list or a str (docs/speed.md, "Class loading that
     * discards compiled code").
     */
    @SuppressWarnings("unused")
    private static final Class<?>[] KINDS = {RangeIterator.class, ListIterator.class, StringIterator.class,
        ArrayIterator.class};

    /**
     * A list is walked by index, so the loop sees items appended meanwhile (as in Python); a str
     * by code point, as one-character strings; a map over a snapshot of its keys taken now; a
     * range by a {@link RangeIterator}.
     */
    public static ToyIterator iterator(Object v) {
        if (v instanceof ToyList list) {
            return new ListIterator(list);
        }
        if (v instanceof String s) {
            return new StringIterator(s);
        }
        if (v instanceof ToyMap map) {
            return over(map.keyArray());
        }
        if (v instanceof ToyRange range) {
            return range.iterator();
        }
        throw ToyError.typeError("'" + Values.typeName(v) + "' object is not iterable");
    }

    static ToyIterator over(Object[] items) {
        return new ArrayIterator(items);
    }

    private static final class ArrayIterator implements ToyIterator {
        private final Object[] items;
        private int index;

        ArrayIterator(Object[] items) {
            this.items = items;
        }

        @Override
        public boolean hasNext() {
            return index < items.length;
        }

        @Override
        public Object next() {
            if (index >= items.length) {
                throw new NoSuchElementException();
            }
            return items[index++];
        }
    }

    private static final class ListIterator implements ToyIterator {
        private final ToyList list;
        private int index;
        /** Fetched by hasNext in one atomic step, so another thread's pop cannot slip in before next. */
        private Object pending;

        ListIterator(ToyList list) {
            this.list = list;
        }

        @Override
        public boolean hasNext() {
            if (pending == null) {
                pending = list.itemOrNull(index);
            }
            return pending != null;
        }

        @Override
        public Object next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Object value = pending;
            pending = null;
            index++;
            return value;
        }
    }

    private static final class StringIterator implements ToyIterator {
        private final String s;
        private int offset;

        StringIterator(String s) {
            this.s = s;
        }

        @Override
        public boolean hasNext() {
            return offset < s.length();
        }

        @Override
        public Object next() {
            if (offset >= s.length()) {
                throw new NoSuchElementException();
            }
            String c = Characters.at(s, offset);
            offset += c.length();
            return c;
        }
    }
}
